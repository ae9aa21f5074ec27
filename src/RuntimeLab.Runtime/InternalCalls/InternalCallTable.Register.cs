using System.Globalization;
using RuntimeLab.Runtime.Exceptions;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Each area registers its calls in its own file (InternalCallTable.Area.cs).</summary>
    private void Register()
    {
        RegisterRuntime();
        RegisterEnvironment();
        RegisterTypes();
        RegisterConsole();
        RegisterNumbers();
        RegisterArrays();
        RegisterCollections();
        RegisterStrings();
        RegisterEnums();
        RegisterValueTypes();
        RegisterSpans();
        RegisterEnumInfo();
        RegisterArrayCreation();
    }

    private void RegisterRuntime()
    {
        Add("System.String::FastAllocateString", (vm, a) => a[0] = vm.AllocateString((int)a[0]));
        Add("System.Runtime.CompilerServices.RuntimeHelpers::GetHashCode", (vm, a) => a[0] = (int)((a[0] >> 3) * 2654435761L));
        Add("System.Object::MemberwiseClone", (vm, a) => a[0] = vm.Clone((nint)a[0]));
        Add("System.Runtime.CompilerServices.RuntimeHelpers::InitializeArray", (vm, a) => vm.InitializeArray((nint)a[0], a[1]));
    }
}
