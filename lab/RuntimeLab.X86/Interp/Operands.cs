using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>Where an operand lives, as a type: handlers are specialized per operand form as well as per width.</summary>
public unsafe interface IOperand
{
    static abstract uint Read<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth;
    static abstract void Write<TW>(CpuState* s, DecodedOp* op, uint value) where TW : struct, IWidth;
}

/// <summary>The register named by <see cref="DecodedOp.Reg"/>: the destination of register forms.</summary>
public unsafe struct RegDst : IOperand
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint Read<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth => TW.ReadReg(s, op->Reg);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Write<TW>(CpuState* s, DecodedOp* op, uint value) where TW : struct, IWidth => TW.WriteReg(s, op->Reg, value);
}

/// <summary>The register named by <see cref="DecodedOp.Rm"/>: the source of register-register forms.</summary>
public unsafe struct RegSrc : IOperand
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint Read<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth => TW.ReadReg(s, op->Rm);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Write<TW>(CpuState* s, DecodedOp* op, uint value) where TW : struct, IWidth => TW.WriteReg(s, op->Rm, value);
}

/// <summary>The memory operand.</summary>
public unsafe struct MemOperand : IOperand
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint Read<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth => TW.ReadMem(s, Address(s, op));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Write<TW>(CpuState* s, DecodedOp* op, uint value) where TW : struct, IWidth => TW.WriteMem(s, Address(s, op), value);

    /// <summary>The linear address: segment base plus the effective address, wrapped at 16 bits under an address-size prefix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Address(CpuState* s, DecodedOp* op) =>
        s->SegmentBase[op->Segment] + ((s->Regs[op->Base] + (s->Regs[op->Index] << op->Scale) + op->Disp) & op->EaMask);

    /// <summary>The effective address alone (LEA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Effective(CpuState* s, DecodedOp* op) =>
        (s->Regs[op->Base] + (s->Regs[op->Index] << op->Scale) + op->Disp) & op->EaMask;
}

/// <summary>The immediate (read-only).</summary>
public unsafe struct Imm : IOperand
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint Read<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth => op->Imm;
    public static void Write<TW>(CpuState* s, DecodedOp* op, uint value) where TW : struct, IWidth => throw new InvalidOperationException("an immediate is not writable");
}
