using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>Binds one decoded instruction to its handler, or returns false if its family does not know it.</summary>
public delegate bool Binder(in Instruction instruction, ref DecodedOp op, OperandInfo info);

/// <summary>
/// Turns an Iced instruction into a <see cref="DecodedOp"/>: operands resolved once, and the handler
/// specialization chosen. Each instruction family has a binder; the first that knows the instruction
/// binds it. An instruction no binder knows becomes #UD at run time, precise, so a guest sees it as
/// an illegal instruction and the runner can name it.
/// </summary>
public static unsafe class Translator
{
    /// <summary>The x87 family: in a block decoded with the FPU unavailable its instructions are #NM.</summary>
    private static readonly Binder s_x87 = FpuBinders.Fpu;

    private static readonly Binder[] s_binders =
    [
        CoreBinders.Alu,
        StackBinders.Stack,
        CoreBinders.DataMove,
        CoreBinders.Control,
        CoreBinders.System,
        SystemBinders.System,
        ShiftBinders.Shift,
        MulDivBinders.MulDiv,
        StringBinders.String,
        BitBinders.Bit,
        BcdBinders.Bcd,
        s_x87,
    ];

    /// <summary>Binds one instruction decoded for <paramref name="mode"/> (its stack width picks the stack handlers).</summary>
    public static void Translate(in Instruction instruction, ref DecodedOp op, CodeMode mode)
    {
        op = default;
        op.Eip = instruction.IP32;
        op.NextEip = instruction.NextIP32;
        op.Length = (byte)instruction.Length;
        op.Code = (ushort)instruction.Code;
        FillOperands(instruction, ref op);
        var info = OperandInfo.Of(instruction) with { Stack32 = (mode & CodeMode.Stack32) != 0 };
        foreach (var bind in s_binders)
        {
            if (!bind(instruction, ref op, info)) continue;
            if (bind == s_x87 && (mode & CodeMode.FpuUnavailable) != 0) op.Handler = &Fpu.FpuControl.Unavailable;
            break;
        }
        // A null handler would be a jump to address 0 in the host: whatever a binder did, never let one through.
        if (op.Handler == null) op.Handler = &SystemOps.Undefined;
    }

    private static void FillOperands(in Instruction i, ref DecodedOp op)
    {
        op.Base = op.Index = Gpr.Zero;
        op.EaMask = 0xFFFF_FFFF;
        op.Segment = Seg.Ds;
        var registers = 0;
        var immediates = 0;
        for (var k = 0; k < i.OpCount; k++)
        {
            switch (i.GetOpKind(k))
            {
                case OpKind.Register:
                    var register = i.GetOpRegister(k);
                    if (!OperandInfo.IsGeneralPurpose(register)) break;
                    if (registers++ == 0) op.Reg = OperandInfo.RegisterOffset(register);
                    else op.Rm = OperandInfo.RegisterOffset(register);
                    break;
                case OpKind.Memory:
                    if (i.MemoryBase != Register.None) op.Base = (byte)(OperandInfo.RegisterOffset(i.MemoryBase) / 4);
                    if (i.MemoryIndex != Register.None) op.Index = (byte)(OperandInfo.RegisterOffset(i.MemoryIndex) / 4);
                    op.Scale = (byte)System.Numerics.BitOperations.Log2((uint)i.MemoryIndexScale);
                    op.Disp = i.MemoryDisplacement32;
                    op.Segment = OperandInfo.SegmentIndex(i.MemorySegment);
                    if (i.MemoryBase.GetSize() == 2 || i.MemoryIndex.GetSize() == 2 || i.MemoryDisplSize == 2) op.EaMask = 0xFFFF;
                    break;
                case OpKind.NearBranch32:
                    op.Imm = i.NearBranch32;
                    break;
                case OpKind.NearBranch16:
                    op.Imm = i.NearBranch16;
                    break;
                case OpKind.Immediate8 or OpKind.Immediate16 or OpKind.Immediate32 or OpKind.Immediate8to16 or OpKind.Immediate8to32:
                case OpKind.Immediate8_2nd:
                    var value = (uint)i.GetImmediate(k);
                    if (immediates++ == 0) op.Imm = value;
                    else op.Imm2 = value;
                    break;
            }
        }
    }
}
