using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// The control instructions: FLDCW FNSTCW FNSTSW FNCLEX FNINIT FFREE FINCSTP FDECSTP FNOP. They do
/// not update the instruction pointers (QEMU's rule too). FWAIT is a no-op: with CR0.NE clear in
/// user mode, a pending unmasked exception never traps (see <see cref="X87Host"/>).
/// </summary>
public static unsafe class FpuControl
{
    public static void LoadControlWord(CpuState* s, DecodedOp* op) => s->Fpu.Control = Mem.Read16(s, MemOperand.Address(s, op));

    public static void StoreControlWord(CpuState* s, DecodedOp* op) => Mem.Write16(s, MemOperand.Address(s, op), s->Fpu.Control);

    public static void StoreStatusWord(CpuState* s, DecodedOp* op) => Mem.Write16(s, MemOperand.Address(s, op), s->Fpu.StatusWithTop);

    public static void StoreStatusWordToAx(CpuState* s, DecodedOp* op) => W16.WriteReg(s, 0, s->Fpu.StatusWithTop);

    /// <summary>FNCLEX: exception flags, SF, ES and B cleared; condition codes and TOP stay.</summary>
    public static void ClearExceptions(CpuState* s, DecodedOp* op) => s->Fpu.Status &= 0x7F00;

    public static void Initialize(CpuState* s, DecodedOp* op) => s->Fpu.Initialize();

    /// <summary>FFREE ST(i) (and FFREEP, which pops too: Imm = 1).</summary>
    public static void Free(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        s->Fpu.EmptyMask |= (byte)(1 << X87.Physical(s, op->Extra));
        if (op->Imm != 0) X87.Pop(s);
    }

    /// <summary>FINCSTP / FDECSTP (Imm = 1 or 7): TOP moves, tags stay; the condition codes are cleared as QEMU does.</summary>
    public static void RotateTop(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        s->Fpu.Top = (byte)((s->Fpu.Top + op->Imm) & 7);
        s->Fpu.Status &= unchecked((ushort)~FpuStatus.ConditionCodes);
    }

    public static void NoOperation(CpuState* s, DecodedOp* op) => X87.NoteInstruction(s, op);
}
