using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>Operand forms a handler can be specialized for: destination and source kinds.</summary>
public enum Form : byte
{
    /// <summary>reg ← reg</summary>
    RR,
    /// <summary>reg ← mem</summary>
    RM,
    /// <summary>mem ← reg</summary>
    MR,
    /// <summary>reg ← imm</summary>
    RI,
    /// <summary>mem ← imm</summary>
    MI,
    /// <summary>one register operand</summary>
    R,
    /// <summary>one memory operand</summary>
    M,
}

/// <summary>A handler's address, as stored in <see cref="DecodedOp.Handler"/>.</summary>
public readonly unsafe struct Handler(delegate*<CpuState*, DecodedOp*, void> pointer)
{
    public readonly delegate*<CpuState*, DecodedOp*, void> Pointer = pointer;
    // Explicit, so that a `null` arm in a switch over handlers means "no handler", not a null pointer.
    public static explicit operator Handler(delegate*<CpuState*, DecodedOp*, void> pointer) => new(pointer);
}

/// <summary>Picks a handler specialization by width (and memory-or-register) at decode time, for one-operand families.</summary>
public static unsafe class Widths
{
    /// <summary>Index into a six-entry table ordered (8, 16, 32 bits) × (register, memory).</summary>
    public static int Slot(int bits, bool memory) => (bits == 8 ? 0 : bits == 16 ? 1 : 2) * 2 + (memory ? 1 : 0);
}
