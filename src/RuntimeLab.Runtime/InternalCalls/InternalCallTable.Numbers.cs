using System.Globalization;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Number formatting and parsing: the host's invariant-culture code, so digits match CoreCLR.</summary>
    private void RegisterNumbers()
    {
        Add("System.Number::Int64ToString", (vm, a) => a[0] = vm.NewString(a[0].ToString(CultureInfo.InvariantCulture)));
        Add("System.Number::DoubleToString", (vm, a) => a[0] = vm.NewString((*(double*)a).ToString(CultureInfo.InvariantCulture)));
    }
}
