namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Address comparisons behind Span copies and Unsafe's null references: byrefs are plain addresses
    /// in their slots (the GC does not move objects).</summary>
    private void RegisterSpans()
    {
        Add("System.Runtime.CompilerServices.Unsafe::AsPointer", (vm, a) => { });
        Add("System.Runtime.CompilerServices.Unsafe::IsAddressGreaterThan", (vm, a) => a[0] = (ulong)a[0] > (ulong)a[1] ? 1 : 0);
        Add("System.Runtime.CompilerServices.Unsafe::IsAddressLessThan", (vm, a) => a[0] = (ulong)a[0] < (ulong)a[1] ? 1 : 0);
        Add("System.Runtime.CompilerServices.Unsafe::IsNullRef", (vm, a) => a[0] = a[0] == 0 ? 1 : 0);
        Add("System.Runtime.CompilerServices.Unsafe::NullRef", (vm, a) => a[0] = 0);
    }
}
