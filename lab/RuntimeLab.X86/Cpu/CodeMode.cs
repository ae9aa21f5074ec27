namespace RuntimeLab.X86.Cpu;

/// <summary>
/// What blocks are decoded for: CS's D bit (16- or 32-bit code) and SS's B bit (SP or ESP), as
/// the segment caches hold them. Real-mode segment loads change only selector and base (as on
/// hardware and in QEMU), so clearing CR0.PE keeps the sizes of the last protected-mode descriptors:
/// an OS drops to real mode through a 16-bit code segment with 16-bit data segments loaded. And
/// whether the x87 is available (<see cref="FpuUnavailable"/>). The mode
/// is part of a block's key and picks handler specializations at decode time, so no handler tests it.
/// </summary>
[Flags]
public enum CodeMode : uint
{
    Code16Stack16 = 0,
    Code32 = 1 << 0,
    Stack32 = 1 << 1,
    Flat32 = Code32 | Stack32,
    /// <summary>
    /// CR0.EM or CR0.TS is set: x87 instructions raise #NM, so blocks decoded in this state bind them
    /// to the fault (kept by <see cref="Interp.ControlRegisters.Cr0Changed"/>; CLTS and MOV CR0 end
    /// their block, a task switch is a jump), and the x87 handlers never test CR0.
    /// </summary>
    FpuUnavailable = 1 << 2,
}
