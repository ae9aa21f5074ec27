using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>INT, HLT, CPUID, RDTSC, flag instructions and segment register moves.</summary>
public static unsafe class SystemOps
{
    public static void Nop(CpuState* s, DecodedOp* op) { }

    /// <summary>
    /// INT n. In the machine it goes through the guest's IDT. In Linux user mode only 0x80 (system
    /// calls) is a gate; any other vector faults with #GP as Linux's IDT makes it.
    /// </summary>
    public static void Int(CpuState* s, DecodedOp* op)
    {
        if (s->Mode == ExecutionMode.System) throw GuestFaultException.SoftwareInterrupt((byte)op->Imm);
        if (op->Imm == 0x80) { s->Stop = StopReason.Syscall; return; }
        throw GuestFaultException.Of(FaultVector.GeneralProtection, (op->Imm << 3) | 2);
    }

    public static void Int3(CpuState* s, DecodedOp* op) => throw GuestFaultException.Trap(FaultVector.Breakpoint);

    public static void Into(CpuState* s, DecodedOp* op)
    {
        if (Conditions.Test(s, Condition.O)) throw GuestFaultException.Trap(FaultVector.Overflow);
    }

    /// <summary>HLT: the run loop returns, and the machine waits for the next interrupt (user mode turns it into SIGSEGV).</summary>
    public static void Hlt(CpuState* s, DecodedOp* op)
    {
        if (s->Mode == ExecutionMode.System && s->Cpl != 0) throw GuestFaultException.Of(FaultVector.GeneralProtection);
        s->Stop = StopReason.Halt;
    }

    /// <summary>Undefined or not implemented: #UD, precise, at this instruction.</summary>
    public static void Undefined(CpuState* s, DecodedOp* op) => throw GuestFaultException.Of(FaultVector.InvalidOpcode);

    /// <summary>
    /// A family-6 (Pentium Pro class) CPU that reports exactly what is implemented: FPU, PSE (4 MiB
    /// pages in the machine's soft MMU), TSC, CX8 and CMOV, no SSE. Leaf 0 says leaf 1 is the highest, so software asks nothing else.
    /// </summary>
    public static void Cpuid(CpuState* s, DecodedOp* op)
    {
        const uint Fpu = 1 << 0, Pse = 1 << 3, Tsc = 1 << 4, Cx8 = 1 << 8, Cmov = 1 << 15;
        switch (s->Regs[Gpr.Eax])
        {
            case 0:
                s->Regs[Gpr.Eax] = 1;
                s->Regs[Gpr.Ebx] = 0x756E_6547; // "Genu"
                s->Regs[Gpr.Edx] = 0x4965_6E69; // "ineI"
                s->Regs[Gpr.Ecx] = 0x6C65_746E; // "ntel"
                break;
            case 1:
                s->Regs[Gpr.Eax] = (6 << 8) | (1 << 4) | 9; // family 6, model 1, stepping 9
                s->Regs[Gpr.Ebx] = 0;
                s->Regs[Gpr.Ecx] = 0;
                s->Regs[Gpr.Edx] = Fpu | Pse | Tsc | Cx8 | Cmov;
                break;
            default:
                s->Regs[Gpr.Eax] = s->Regs[Gpr.Ebx] = s->Regs[Gpr.Ecx] = s->Regs[Gpr.Edx] = 0;
                break;
        }
    }

    /// <summary>The time-stamp counter follows the virtual clock: retired instructions, so runs are reproducible.</summary>
    public static void Rdtsc(CpuState* s, DecodedOp* op)
    {
        s->Regs[Gpr.Eax] = (uint)s->InstructionCount;
        s->Regs[Gpr.Edx] = (uint)(s->InstructionCount >> 32);
    }

    public static void Cld(CpuState* s, DecodedOp* op) => s->FlagsRest &= ~EflagsBits.DF;
    public static void Std(CpuState* s, DecodedOp* op) => s->FlagsRest |= EflagsBits.DF;
    public static void Clc(CpuState* s, DecodedOp* op) => LazyFlags.Set(s, LazyFlags.Compute(s) & ~EflagsBits.CF);
    public static void Stc(CpuState* s, DecodedOp* op) => LazyFlags.Set(s, LazyFlags.Compute(s) | EflagsBits.CF);
    public static void Cmc(CpuState* s, DecodedOp* op) => LazyFlags.Set(s, LazyFlags.Compute(s) ^ EflagsBits.CF);

    public static void Lahf(CpuState* s, DecodedOp* op) => W8.WriteReg(s, 1, (LazyFlags.Compute(s) & 0xD5) | EflagsBits.Reserved1);

    public static void Sahf(CpuState* s, DecodedOp* op)
    {
        uint ah = W8.ReadReg(s, 1);
        LazyFlags.Set(s, (LazyFlags.Compute(s) & EflagsBits.OF) | (ah & (EflagsBits.CF | EflagsBits.PF | EflagsBits.AF | EflagsBits.ZF | EflagsBits.SF)));
    }

    /// <summary>PUSHF (16-bit: the low half of EFLAGS) or PUSHFD, through SP or ESP (TS).</summary>
    public static void Pushf<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        if (TW.Bits == 16) GuestStack.Push16<TS>(s, s->Eflags);
        else GuestStack.Push32<TS>(s, s->Eflags);
    }

    /// <summary>Bits a user-mode POPF may change; IF and IOPL stay as they are, as the CPU silently keeps them at CPL 3.</summary>
    private const uint UserWritableFlags = EflagsBits.Arithmetic | EflagsBits.TF | EflagsBits.DF | EflagsBits.ID | (1 << 18) /* AC */;

    /// <summary>POPF (16-bit: EFLAGS' upper half stays) or POPFD, through SP or ESP (TS).</summary>
    public static void Popf<TW, TS>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TS : struct, IStackWidth
    {
        uint value = TW.Bits == 16 ? (s->Eflags & 0xFFFF_0000) | GuestStack.Pop16<TS>(s) : GuestStack.Pop32<TS>(s);
        if (s->Mode == ExecutionMode.System) { InterruptFlag.Popf(s, value); return; }
        s->SetEflags((s->Eflags & ~UserWritableFlags) | (value & UserWritableFlags));
    }

    /// <summary>MOV Sreg, r/m16: the owner resolves the selector (user mode: the TLS entries of set_thread_area).</summary>
    public static void MovToSegment<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IOperand
    {
        ushort selector = (ushort)TSrc.Read<W16>(s, op);
        Interpreter.Of(s).LoadSegment(op->Extra, selector);
    }

    public static void MovFromSegment<TDst>(CpuState* s, DecodedOp* op) where TDst : struct, IOperand =>
        TDst.Write<W16>(s, op, s->Selectors[op->Extra]);
}
