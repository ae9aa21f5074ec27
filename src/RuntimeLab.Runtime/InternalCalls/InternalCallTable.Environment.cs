using System.Diagnostics;
using RuntimeLab.Runtime.Exceptions;
using RuntimeLab.Runtime.Gc;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Environment, clocks and the collector's controls.</summary>
    private void RegisterEnvironment()
    {
        Add("System.Environment::Exit", (vm, a) => throw new ExitSignal((int)a[0]));
        Add("System.Environment::get_TickCount64", (vm, a) => a[0] = Environment.TickCount64);
        Add("System.Diagnostics.Stopwatch::GetTimestamp", (vm, a) => a[0] = Stopwatch.GetTimestamp());
        Add("System.Diagnostics.Stopwatch::GetFrequency", (vm, a) => a[0] = Stopwatch.Frequency);
        Add("System.GC::Collect", (vm, a) => vm.Heap.Gc.Collect());
        Add("System.GC::GetTotalMemory", (vm, a) =>
        {
            if (a[0] != 0) vm.Heap.Gc.Collect();
            a[0] = vm.Heap.Gc.HeapSize;
        });
        Add("System.GC::CollectionCount", (vm, a) =>
        {
            var stats = vm.Heap.Gc.Stats;
            // Generation 0 counts every collection, as in CoreCLR; generations 1 and 2 the full ones.
            a[0] = a[0] == 0 ? stats.Collections : stats.FullCollections;
        });
        Add("System.GC::GenerationOf", (vm, a) => a[0] = vm.Heap.Gc.GenerationOf((nint)a[0]));
        Add("System.WeakHandle::Alloc", (vm, a) => a[0] = vm.Heap.Gc.Handles.AllocWeakOwnedBy((nint)a[0], (nint)a[1]).Index);
        Add("System.WeakHandle::Get", (vm, a) => a[0] = vm.Heap.Gc.Handles[new GcHandle((int)a[0])]);
        Add("System.WeakHandle::Set", (vm, a) => vm.Heap.Gc.Handles[new GcHandle((int)a[0])] = (nint)a[1]);
    }
}
