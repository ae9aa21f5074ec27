using System.Runtime.InteropServices;
using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Decode;

/// <summary>
/// One guest instruction, decoded once and executed many times: the handler that implements it
/// (a specialization for its operation, width and operand forms, so the handler branches on none of
/// them) and its operands, resolved to what the handler needs. Register operands are byte offsets
/// into <see cref="CpuState.Regs"/> (AH is offset 1 of EAX), so 8-, 16- and 32-bit registers are all
/// read the same way.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct DecodedOp
{
    public delegate*<CpuState*, DecodedOp*, void> Handler;
    public uint Eip;
    public uint NextEip;
    /// <summary>The immediate, sign- or zero-extended as the instruction defines; or a branch target.</summary>
    public uint Imm;
    public uint Imm2;

    // The memory operand: Segment base + ((Regs[Base] + (Regs[Index] << Scale) + Disp) & EaMask).
    public uint Disp;
    public uint EaMask;
    public byte Base;
    public byte Index;
    public byte Scale;
    public byte Segment;

    /// <summary>Byte offset of the destination (or only) register operand in Regs.</summary>
    public byte Reg;
    /// <summary>Byte offset of the source register operand in Regs.</summary>
    public byte Rm;
    /// <summary>Per-family extra: a condition code, a repeat prefix, a shift count source.</summary>
    public byte Extra;
    public byte Length;
    /// <summary>Iced's code for the instruction, for traces and error messages.</summary>
    public ushort Code;
}

/// <summary>Values of <see cref="DecodedOp.Extra"/> for string instructions.</summary>
public static class RepeatPrefix
{
    public const byte None = 0, Rep = 1, RepNe = 2;
}
