using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Compile;

/// <summary>
/// Target machines are not thread-safe, so every compiling thread gets its own, one per
/// code-generation level, made on first use and freed with the session.
/// </summary>
internal sealed class TargetMachinePool(string triple) : IDisposable
{
    private static readonly int s_levels = Enum.GetValues<CodeGenOptLevel>().Length;
    private readonly ThreadLocal<TargetMachineRef[]> _perThread = new(() => new TargetMachineRef[s_levels], trackAllValues: true);
    private readonly TargetRef _target = Target.GetTargetFromTriple(triple);
    private readonly string _cpu = Target.HostCpuName();
    private readonly string _features = Target.HostCpuFeatures();

    public TargetMachineRef For(CodeGenOptLevel level)
    {
        var machines = _perThread.Value!;
        ref var machine = ref machines[(int)level];
        if (machine.IsNull)
            // PIC with the small code model is what ORC's JITLink expects of x86-64 ELF objects.
            machine = Target.CreateTargetMachine(_target, triple, _cpu, _features, level, RelocMode.Pic, CodeModel.Small);
        return machine;
    }

    public string CpuName => _cpu;
    public string CpuFeatures => _features;

    public void Dispose()
    {
        foreach (var machines in _perThread.Values)
            foreach (var machine in machines)
                if (!machine.IsNull) Target.DisposeTargetMachine(machine);
        _perThread.Dispose();
    }
}
