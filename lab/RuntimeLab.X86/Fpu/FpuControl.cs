using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// The control instructions: FLDCW FNSTCW FNSTSW FNCLEX FNINIT FFREE FINCSTP FDECSTP FNOP. They do
/// not update the instruction pointers (QEMU's rule too). FWAIT is where a pending unmasked
/// exception traps, as in QEMU (<see cref="Wait"/>).
/// </summary>
public static unsafe class FpuControl
{
    /// <summary>
    /// FWAIT: #NM when CR0.MP and CR0.TS are both set (an OS switching the FPU lazily); else #MF when an
    /// unmasked exception is pending (ES) and CR0.NE is set. QEMU 7.2 checks for pending exceptions
    /// only here, not before every waiting x87 instruction as the hardware does, so the emulator does
    /// the same. With NE clear (user mode, and the machine at boot) nothing happens: the FERR# line to
    /// IRQ 13 is not modelled.
    /// </summary>
    public static void Wait(CpuState* s, DecodedOp* op)
    {
        if ((s->Cr0 & (Cr0Bits.MP | Cr0Bits.TS)) == (Cr0Bits.MP | Cr0Bits.TS)) throw GuestFaultException.Of(FaultVector.DeviceNotAvailable);
        if ((s->Fpu.Status & FpuStatus.ES) != 0 && (s->Cr0 & Cr0Bits.NE) != 0) throw GuestFaultException.Of(FaultVector.FloatingPoint);
    }

    /// <summary>Any x87 instruction while CR0.EM or CR0.TS is set (bound at decode: see <see cref="CodeMode.FpuUnavailable"/>).</summary>
    public static void Unavailable(CpuState* s, DecodedOp* op) => throw GuestFaultException.Of(FaultVector.DeviceNotAvailable);

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
