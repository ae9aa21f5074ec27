using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>Binders of the integer core: ALU, data movement, control flow, system instructions.</summary>
public static unsafe class CoreBinders
{
    public static bool Alu(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        Handler? handler = i.Mnemonic switch
        {
            Mnemonic.Add => Interp.Alu.Pick<AddOp>(info.Bits, info.Form),
            Mnemonic.Or => Interp.Alu.Pick<OrOp>(info.Bits, info.Form),
            Mnemonic.Adc => Interp.Alu.Pick<AdcOp>(info.Bits, info.Form),
            Mnemonic.Sbb => Interp.Alu.Pick<SbbOp>(info.Bits, info.Form),
            Mnemonic.And => Interp.Alu.Pick<AndOp>(info.Bits, info.Form),
            Mnemonic.Sub => Interp.Alu.Pick<SubOp>(info.Bits, info.Form),
            Mnemonic.Xor => Interp.Alu.Pick<XorOp>(info.Bits, info.Form),
            Mnemonic.Cmp => Interp.Alu.Pick<CmpOp>(info.Bits, info.Form),
            Mnemonic.Test => Interp.Alu.Pick<TestOp>(info.Bits, info.Form),
            Mnemonic.Inc => Unary.Pick<IncOp>(info.Bits, info.HasMemory),
            Mnemonic.Dec => Unary.Pick<DecOp>(info.Bits, info.HasMemory),
            Mnemonic.Neg => Unary.Pick<NegOp>(info.Bits, info.HasMemory),
            Mnemonic.Not => Unary.Pick<NotOp>(info.Bits, info.HasMemory),
            _ => null,
        };
        if (handler is not { } h) return false;
        op.Handler = h.Pointer;
        return true;
    }

    public static bool DataMove(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        var memory = info.HasMemory;
        Handler? handler;
        switch (i.Mnemonic)
        {
            case Mnemonic.Mov when i.Op0Kind == OpKind.Register && OperandInfo.IsSegment(i.Op0Register):
                op.Extra = OperandInfo.SegmentIndex(i.Op0Register);
                handler = memory ? (Handler)(&SystemOps.MovToSegment<MemOperand>) : (Handler)(&SystemOps.MovToSegment<RegDst>);
                break;
            case Mnemonic.Mov when i.Op1Kind == OpKind.Register && OperandInfo.IsSegment(i.Op1Register):
                op.Extra = OperandInfo.SegmentIndex(i.Op1Register);
                handler = memory ? (Handler)(&SystemOps.MovFromSegment<MemOperand>) : (Handler)(&SystemOps.MovFromSegment<RegDst>);
                break;
            case Mnemonic.Mov:
                if (i.Op0Kind == OpKind.Register && !OperandInfo.IsGeneralPurpose(i.Op0Register)) return false; // CRn, DRn: system family
                if (i.Op1Kind == OpKind.Register && !OperandInfo.IsGeneralPurpose(i.Op1Register)) return false;
                handler = Interp.DataMove.PickMov(info.Bits, info.Form);
                break;
            case Mnemonic.Movzx or Mnemonic.Movsx:
                var fromBits = i.Op1Kind == OpKind.Register ? i.Op1Register.GetSize() * 8 : i.MemorySize.GetSize() * 8;
                handler = Interp.DataMove.PickExtend(i.Mnemonic == Mnemonic.Movsx, fromBits, i.Op0Register.GetSize() * 8, memory);
                break;
            case Mnemonic.Lea:
                handler = info.Bits == 16 ? (Handler)(&Interp.DataMove.Lea<W16>) : (Handler)(&Interp.DataMove.Lea<W32>);
                break;
            case Mnemonic.Xchg:
                handler = (info.Bits, memory) switch
                {
                    (8, false) => (Handler)(&Interp.DataMove.XchgRR<W8>),
                    (16, false) => (Handler)(&Interp.DataMove.XchgRR<W16>),
                    (_, false) => (Handler)(&Interp.DataMove.XchgRR<W32>),
                    (8, true) => (Handler)(&Interp.DataMove.XchgRM<W8>),
                    (16, true) => (Handler)(&Interp.DataMove.XchgRM<W16>),
                    _ => (Handler)(&Interp.DataMove.XchgRM<W32>),
                };
                break;
            case Mnemonic.Lds or Mnemonic.Les or Mnemonic.Lss or Mnemonic.Lfs or Mnemonic.Lgs:
                op.Extra = i.Mnemonic switch
                {
                    Mnemonic.Lds => Seg.Ds,
                    Mnemonic.Les => Seg.Es,
                    Mnemonic.Lss => Seg.Ss,
                    Mnemonic.Lfs => Seg.Fs,
                    _ => Seg.Gs,
                };
                handler = i.Op0Register.GetSize() == 2 ? (Handler)(&Interp.DataMove.LoadFarPointer<W16>) : (Handler)(&Interp.DataMove.LoadFarPointer<W32>);
                break;
            case Mnemonic.Bswap when info.Bits == 32: handler = (Handler)(&Interp.DataMove.Bswap); break;
            case Mnemonic.Cwde: handler = (Handler)(&Interp.DataMove.Cwde); break;
            case Mnemonic.Cbw: handler = (Handler)(&Interp.DataMove.Cbw); break;
            case Mnemonic.Cdq: handler = (Handler)(&Interp.DataMove.Cdq); break;
            case Mnemonic.Cwd: handler = (Handler)(&Interp.DataMove.Cwd); break;
            case Mnemonic.Xadd:
                handler = (info.Bits, memory) switch
                {
                    (8, false) => (Handler)(&Interp.DataMove.Xadd<W8, RegDst>),
                    (16, false) => (Handler)(&Interp.DataMove.Xadd<W16, RegDst>),
                    (_, false) => (Handler)(&Interp.DataMove.Xadd<W32, RegDst>),
                    (8, true) => (Handler)(&Interp.DataMove.Xadd<W8, MemOperand>),
                    (16, true) => (Handler)(&Interp.DataMove.Xadd<W16, MemOperand>),
                    _ => (Handler)(&Interp.DataMove.Xadd<W32, MemOperand>),
                };
                // XADD's register operand is the source: in "xadd r/m, reg" the reg sits in Rm when r/m is a register.
                if (memory) op.Rm = op.Reg;
                break;
            case Mnemonic.Cmpxchg:
                handler = (info.Bits, memory) switch
                {
                    (8, false) => (Handler)(&Interp.DataMove.Cmpxchg<W8, RegDst>),
                    (16, false) => (Handler)(&Interp.DataMove.Cmpxchg<W16, RegDst>),
                    (_, false) => (Handler)(&Interp.DataMove.Cmpxchg<W32, RegDst>),
                    (8, true) => (Handler)(&Interp.DataMove.Cmpxchg<W8, MemOperand>),
                    (16, true) => (Handler)(&Interp.DataMove.Cmpxchg<W16, MemOperand>),
                    _ => (Handler)(&Interp.DataMove.Cmpxchg<W32, MemOperand>),
                };
                if (memory) op.Rm = op.Reg;
                break;
            case Mnemonic.Cmpxchg8b: handler = (Handler)(&Interp.DataMove.Cmpxchg8b); break;
            case Mnemonic.Bound: handler = info.Bits == 16 ? (Handler)(&Interp.BoundCheck.Bound<W16>) : (Handler)(&Interp.BoundCheck.Bound<W32>); break;
            default:
                if (i.ConditionCode != ConditionCode.None && IsCmov(i.Mnemonic))
                {
                    op.Extra = (byte)(i.ConditionCode - 1);
                    handler = (info.Bits, memory) switch
                    {
                        (16, false) => (Handler)(&Interp.DataMove.Cmov<W16, RegSrc>),
                        (16, true) => (Handler)(&Interp.DataMove.Cmov<W16, MemOperand>),
                        (_, false) => (Handler)(&Interp.DataMove.Cmov<W32, RegSrc>),
                        _ => (Handler)(&Interp.DataMove.Cmov<W32, MemOperand>),
                    };
                    break;
                }
                if (i.ConditionCode != ConditionCode.None && IsSetcc(i.Mnemonic))
                {
                    op.Extra = (byte)(i.ConditionCode - 1);
                    handler = memory ? (Handler)(&Interp.DataMove.Setcc<MemOperand>) : (Handler)(&Interp.DataMove.Setcc<RegDst>);
                    break;
                }
                return false;
        }
        if (handler is not { } h) return false;
        op.Handler = h.Pointer;
        return true;
    }

    private static bool IsCmov(Mnemonic m) => m is >= Mnemonic.Cmova and <= Mnemonic.Cmovs;
    private static bool IsSetcc(Mnemonic m) => m is >= Mnemonic.Seta and <= Mnemonic.Sets;

    public static bool Control(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        var memory = info.HasMemory;
        Handler? handler = i.Mnemonic switch
        {
            Mnemonic.Jmp when i.Op0Kind is OpKind.NearBranch32 or OpKind.NearBranch16 => (Handler)(&Interp.Control.Jmp),
            Mnemonic.Jmp when i.Op0Kind == OpKind.Register => info.Bits == 16 ? (Handler)(&Interp.Control.JmpIndirect<RegDst, W16>) : (Handler)(&Interp.Control.JmpIndirect<RegDst, W32>),
            Mnemonic.Jmp when i.Op0Kind == OpKind.Memory && i.MemorySize == MemorySize.DwordOffset => (Handler)(&Interp.Control.JmpIndirect<MemOperand, W32>),
            Mnemonic.Jmp when i.Op0Kind == OpKind.Memory && i.MemorySize == MemorySize.WordOffset => (Handler)(&Interp.Control.JmpIndirect<MemOperand, W16>),
            Mnemonic.Loop => CountsInCx(i) ? (Handler)(&Interp.Control.Loop<W16>) : (Handler)(&Interp.Control.Loop<W32>),
            Mnemonic.Loope => CountsInCx(i) ? (Handler)(&Interp.Control.Loope<W16>) : (Handler)(&Interp.Control.Loope<W32>),
            Mnemonic.Loopne => CountsInCx(i) ? (Handler)(&Interp.Control.Loopne<W16>) : (Handler)(&Interp.Control.Loopne<W32>),
            Mnemonic.Jcxz => (Handler)(&Interp.Control.Jecxz<W16>),
            Mnemonic.Jecxz => (Handler)(&Interp.Control.Jecxz<W32>),
            _ when i.FlowControl == FlowControl.ConditionalBranch && i.ConditionCode != ConditionCode.None && !memory =>
                (Handler)(&Interp.Control.Jcc),
            _ => null,
        };
        if (handler is not { } h) return false;
        if (i.ConditionCode != ConditionCode.None) op.Extra = (byte)(i.ConditionCode - 1);
        op.Handler = h.Pointer;
        return true;
    }

    /// <summary>LOOPcc counts in CX under a 16-bit address size, whatever the operand size.</summary>
    private static bool CountsInCx(in Instruction i) => i.Code is Code.Loop_rel8_16_CX or Code.Loop_rel8_32_CX
        or Code.Loope_rel8_16_CX or Code.Loope_rel8_32_CX or Code.Loopne_rel8_16_CX or Code.Loopne_rel8_32_CX;

    public static bool System(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        Handler? handler = i.Mnemonic switch
        {
            Mnemonic.Int => (Handler)(&SystemOps.Int),
            Mnemonic.Int3 => (Handler)(&SystemOps.Int3),
            Mnemonic.Into => (Handler)(&SystemOps.Into),
            Mnemonic.Hlt => (Handler)(&SystemOps.Hlt),
            Mnemonic.Nop or Mnemonic.Endbr32 or Mnemonic.Pause or Mnemonic.Prefetchnta or Mnemonic.Prefetcht0
                or Mnemonic.Prefetcht1 or Mnemonic.Prefetcht2 or Mnemonic.Prefetchw => (Handler)(&SystemOps.Nop),
            Mnemonic.Wait => (Handler)(&Fpu.FpuControl.Wait),
            Mnemonic.Cpuid => (Handler)(&SystemOps.Cpuid),
            Mnemonic.Rdtsc => (Handler)(&SystemOps.Rdtsc),
            Mnemonic.Cld => (Handler)(&SystemOps.Cld),
            Mnemonic.Std => (Handler)(&SystemOps.Std),
            Mnemonic.Clc => (Handler)(&SystemOps.Clc),
            Mnemonic.Stc => (Handler)(&SystemOps.Stc),
            Mnemonic.Cmc => (Handler)(&SystemOps.Cmc),
            Mnemonic.Lahf => (Handler)(&SystemOps.Lahf),
            Mnemonic.Sahf => (Handler)(&SystemOps.Sahf),
            _ => null,
        };
        if (handler is not { } h) return false;
        op.Handler = h.Pointer;
        return true;
    }
}
