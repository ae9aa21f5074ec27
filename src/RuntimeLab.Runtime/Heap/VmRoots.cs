using RuntimeLab.Runtime.Gc;
using RuntimeLab.Runtime.Interpreter;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Heap;

/// <summary>
/// Every root of a VM, precisely: interpreter frames (arguments and locals by their declared types,
/// the evaluation stack by the importer's types at the frame's pc), statics blocks, interned
/// literals, exceptions in flight, caught exceptions, and System.Type objects.
/// </summary>
internal sealed unsafe class VmRoots(VirtualMachine vm) : IGcRootProvider
{
    public void ReportRoots(GcRootReporter reporter)
    {
        ReportFrames(vm.Thread, reporter);
        foreach (var type in vm.Types.AllTypes)
        {
            if (type is null) continue;
            if (type.Statics != null)
                foreach (var offset in type.StaticRefOffsets) reporter.Object((nint*)(type.Statics + offset));
            if (type.TypeObject != 0) ReportValue(reporter, type.TypeObject);
            if (type.InitializationError != 0) ReportValue(reporter, type.InitializationError);
        }
        foreach (var s in vm.Strings.All) ReportValue(reporter, s);
        foreach (var e in vm.InFlight) ReportValue(reporter, e);
    }

    private void ReportFrames(ExecutionThread thread, GcRootReporter reporter)
    {
        for (var d = 0; d < thread.Depth; d++)
        {
            ref var frame = ref thread.Frames[d];
            var pm = thread.MethodOf(frame);
            var fp = (byte*)frame.Fp;
            var pc = Math.Min(frame.Pc, pm.IlIndexOfPc.Length - 1);
            Report(reporter, fp, pm.FixedRoots, pm, pc);
            if (pc >= 0) Report(reporter, fp, pm.StackRoots(pm.IlIndexOfPc[pc]), pm, pc);
            if (frame.CaughtException != 0) ReportValue(reporter, frame.CaughtException);
        }
    }

    private void Report(GcRootReporter reporter, byte* fp, GcSlots slots, PreparedMethod pm, int pc)
    {
        foreach (var offset in slots.References)
        {
            if (_checkRoots) CheckRoot((nint*)(fp + offset), pm, pc, offset);
            reporter.Object((nint*)(fp + offset));
        }
        foreach (var offset in slots.Interiors) reporter.Interior((nint*)(fp + offset));
    }

    /// <summary>RUNTIMELAB_CHECK_ROOTS=1: every reported reference must be null or an object start; a
    /// slot that is not names the method, pc and frame offset (the way to find a wrong GC map).
    /// (The heap itself is checked between collections: RUNTIMELAB_VERIFY_ALLOC=1.)</summary>
    private readonly bool _checkRoots = Environment.GetEnvironmentVariable("RUNTIMELAB_CHECK_ROOTS") == "1";

    private void CheckRoot(nint* slot, PreparedMethod pm, int pc, int offset)
    {
        var value = *slot;
        if (value == 0 || vm.Heap.Gc.FindObject(value) == value) return;
        var ins = pc >= 0 && pc < pm.Code.Length ? pm.Code[pc].ToString() + $" IL_{pm.Code[pc].IlOffset:x4}" : "?";
        throw new InvalidOperationException($"bad root 0x{value:x} in {pm.Method.Signature} at pc {pc} ({ins}), frame offset {offset}");
    }

    /// <summary>Roots held in managed collections: the collector does not move objects, so a copy will do.</summary>
    private static void ReportValue(GcRootReporter reporter, nint value)
    {
        var copy = value;
        reporter.Object(&copy);
    }
}
