using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// What the Linux layer needs of a CPU. RuntimeLab.X86.Interp.Interpreter has exactly these members,
/// so it implements this interface by declaration; tests drive the layer with a scripted CPU instead.
/// </summary>
public unsafe interface IGuestCpu : IDisposable
{
    CpuState* State { get; }
    /// <summary>Runs at most <paramref name="maxInstructions"/> more instructions; see <see cref="StopReason"/>.</summary>
    StopReason Run(ulong maxInstructions);
    void SetSegmentBase(int segment, uint @base);
    /// <summary>
    /// For a #UD at <paramref name="eip"/>: the instruction's text when it is valid x86 that this CPU
    /// does not implement yet, so the user learns which one; null when it is truly undefined.
    /// </summary>
    string? Unimplemented(uint eip);
}
