namespace RuntimeLab.X86.Cpu;

/// <summary>
/// The sizes blocks are decoded for: CS's D bit (16- or 32-bit code) and SS's B bit (SP or ESP), as
/// the segment caches hold them. Real-mode segment loads change only selector and base (as on
/// hardware and in QEMU), so clearing CR0.PE keeps the sizes of the last protected-mode descriptors:
/// an OS drops to real mode through a 16-bit code segment with 16-bit data segments loaded. The mode
/// is part of a block's key and picks handler specializations at decode time, so no handler tests it.
/// </summary>
[Flags]
public enum CodeMode : uint
{
    Code16Stack16 = 0,
    Code32 = 1 << 0,
    Stack32 = 1 << 1,
    Flat32 = Code32 | Stack32,
}
