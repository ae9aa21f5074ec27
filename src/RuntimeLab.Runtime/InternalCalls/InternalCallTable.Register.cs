using System.Globalization;
using RuntimeLab.Runtime.Exceptions;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    private void Register()
    {
        Add("System.Console::WriteString", (vm, a) => vm.Io.Stdout.Write(VirtualMachine.ReadString((nint)a[0])));
        Add("System.String::FastAllocateString", (vm, a) => a[0] = vm.AllocateString((int)a[0]));
        Add("System.Number::Int64ToString", (vm, a) => a[0] = vm.NewString(a[0].ToString(CultureInfo.InvariantCulture)));
        Add("System.Number::DoubleToString", (vm, a) => a[0] = vm.NewString((*(double*)a).ToString(CultureInfo.InvariantCulture)));
        Add("System.Runtime.CompilerServices.RuntimeHelpers::GetHashCode", (vm, a) => a[0] = (int)((a[0] >> 3) * 2654435761L));
        Add("System.Object::MemberwiseClone", (vm, a) => a[0] = vm.Clone((nint)a[0]));
        Add("System.Environment::Exit", (vm, a) => throw new ExitSignal((int)a[0]));
    }
}
