using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// Far JMP, CALL and RET and IRET in protected mode (system mode only; #UD in Linux user mode as before).
/// Direct far targets carry the selector in <see cref="DecodedOp.Imm2"/> and the offset in
/// <see cref="DecodedOp.Imm"/>; indirect ones read an m16:32 pointer. Transfers go to code segments, or
/// switch tasks through a TSS or task gate (call gates raise #GP); returns may go to an outer privilege
/// level, popping SS:ESP, and IRET with NT set returns to the previous task.
/// All reads and checks come before the first register write, so a fault leaves the state unchanged.
/// </summary>
public static unsafe class FarTransfers
{
    public static void JmpFar(CpuState* s, DecodedOp* op)
    {
        if (s->IsRealMode) { RealMode.Jump(s, (ushort)op->Imm2, op->Imm); return; }
        Jump(s, op, (ushort)op->Imm2, op->Imm);
    }

    public static void JmpFarIndirect(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireSystemMode(s);
        var address = MemOperand.Address(s, op);
        var offset = Mem.Read32(s, address);
        if (s->IsRealMode) { RealMode.Jump(s, Mem.Read16(s, address + 4), offset); return; }
        Jump(s, op, Mem.Read16(s, address + 4), offset);
    }

    public static void CallFar(CpuState* s, DecodedOp* op)
    {
        if (s->IsRealMode) { RealMode.Call(s, op, (ushort)op->Imm2, op->Imm, 4); return; }
        Call(s, op, (ushort)op->Imm2, op->Imm);
    }

    public static void CallFarIndirect(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireSystemMode(s);
        var address = MemOperand.Address(s, op);
        var offset = Mem.Read32(s, address);
        if (s->IsRealMode) { RealMode.Call(s, op, Mem.Read16(s, address + 4), offset, 4); return; }
        Call(s, op, Mem.Read16(s, address + 4), offset);
    }

    /// <summary>RETF and RETF imm16 (the argument bytes, in Imm, are released on the stack being returned from).</summary>
    public static void RetFar(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireSystemMode(s);
        if (s->IsRealMode) { RealMode.Return(s, op->Imm, 4); return; }
        var eip = GuestStack.Peek32(s);
        var selector = (ushort)GuestStack.Peek32(s, 4);
        var code = ProtectedSegments.ReadCode(s, selector);
        var cpl = s->Cpl;
        var rpl = selector & 3;
        if (rpl < cpl || (code.IsConforming ? code.Dpl > rpl : code.Dpl != rpl))
            throw GuestFaultException.Of(FaultVector.GeneralProtection, selector & 0xFFFCu);
        if (rpl == cpl)
        {
            ProtectedSegments.CommitCode(s, selector, code, cpl);
            s->Regs[Gpr.Esp] += 8 + op->Imm;
            s->Eip = eip;
            return;
        }
        var esp = GuestStack.Peek32(s, 8 + op->Imm);
        var stackSelector = (ushort)GuestStack.Peek32(s, 12 + op->Imm);
        var stack = ProtectedSegments.ReadStack(s, stackSelector, rpl, FaultVector.GeneralProtection);
        ProtectedSegments.CommitCode(s, selector, code, rpl);
        ProtectedSegments.Commit(s, Seg.Ss, stackSelector, stack);
        ProtectedSegments.NullInaccessibleDataSegments(s);
        s->Regs[Gpr.Esp] = esp + op->Imm;
        s->Eip = eip;
    }

    /// <summary>
    /// IRETD: pops EIP, CS and EFLAGS, and SS:ESP too when returning to an outer level.
    /// EFLAGS bits follow POPF's rules at the old CPL (IOPL only at CPL 0, IF only when CPL &lt;= IOPL).
    /// Returning outward nulls the data segment registers the outer level may not use. With NT set it is
    /// a task return instead (<see cref="TaskSwitch.ReturnToPreviousTask"/>). Not modelled: virtual-8086 returns.
    /// </summary>
    public static void Iret(CpuState* s, DecodedOp* op)
    {
        Privilege.RequireSystemMode(s);
        if (s->IsRealMode) { RealMode.Iret(s, 4); return; }
        if ((s->FlagsRest & EflagsBits.NT) != 0) { TaskSwitch.ReturnToPreviousTask(s, op->NextEip); return; }
        var eip = GuestStack.Peek32(s);
        var selector = (ushort)GuestStack.Peek32(s, 4);
        var eflags = GuestStack.Peek32(s, 8);
        if ((eflags & EflagsBits.VM) != 0) throw GuestFaultException.Of(FaultVector.GeneralProtection);
        var code = ProtectedSegments.ReadCode(s, selector);
        var cpl = s->Cpl;
        var rpl = selector & 3;
        if (rpl < cpl || (code.IsConforming ? code.Dpl > rpl : code.Dpl != rpl))
            throw GuestFaultException.Of(FaultVector.GeneralProtection, selector & 0xFFFCu);

        var writable = EflagsBits.Arithmetic | EflagsBits.TF | EflagsBits.DF | EflagsBits.NT | EflagsBits.AC | EflagsBits.ID | EflagsBits.RF;
        if (cpl == 0) writable |= EflagsBits.Iopl;
        if (cpl <= Privilege.Iopl(s)) writable |= EflagsBits.IF;
        var newFlags = (s->Eflags & ~writable) | (eflags & writable);

        if (rpl == cpl)
        {
            ProtectedSegments.CommitCode(s, selector, code, cpl);
            s->Regs[Gpr.Esp] += 12;
        }
        else
        {
            var esp = GuestStack.Peek32(s, 12);
            var stackSelector = (ushort)GuestStack.Peek32(s, 16);
            var stack = ProtectedSegments.ReadStack(s, stackSelector, rpl, FaultVector.GeneralProtection);
            ProtectedSegments.CommitCode(s, selector, code, rpl);
            ProtectedSegments.Commit(s, Seg.Ss, stackSelector, stack);
            ProtectedSegments.NullInaccessibleDataSegments(s);
            s->Regs[Gpr.Esp] = esp;
        }
        s->Eip = eip;
        s->SetEflags(newFlags);
        InterruptFlag.RequestDeliveryIfPending(s);
    }

    private static void Jump(CpuState* s, DecodedOp* op, ushort selector, uint offset)
    {
        Privilege.RequireSystemMode(s);
        if (TaskSwitch.TryFarTransfer(s, selector, TaskSwitchKind.Jump, op->NextEip)) return;
        var code = CheckedSameLevelTarget(s, selector);
        ProtectedSegments.CommitCode(s, selector, code, s->Cpl);
        s->Eip = offset;
    }

    private static void Call(CpuState* s, DecodedOp* op, ushort selector, uint offset)
    {
        Privilege.RequireSystemMode(s);
        if (TaskSwitch.TryFarTransfer(s, selector, TaskSwitchKind.Call, op->NextEip)) return;
        var code = CheckedSameLevelTarget(s, selector);
        var esp = s->Regs[Gpr.Esp];
        var stackBase = s->SegmentBase[Seg.Ss];
        Mem.Write32(s, stackBase + esp - 4, s->Selectors[Seg.Cs]);
        Mem.Write32(s, stackBase + esp - 8, op->NextEip);
        ProtectedSegments.CommitCode(s, selector, code, s->Cpl);
        s->Regs[Gpr.Esp] = esp - 8;
        s->Eip = offset;
    }

    /// <summary>A far JMP or CALL straight to a code segment keeps the CPL (SDM vol. 3, 5.8.1).</summary>
    private static Descriptor CheckedSameLevelTarget(CpuState* s, ushort selector)
    {
        var code = ProtectedSegments.ReadCode(s, selector);
        var cpl = s->Cpl;
        var allowed = code.IsConforming ? code.Dpl <= cpl : code.Dpl == cpl && (selector & 3) <= cpl;
        if (!allowed) throw GuestFaultException.Of(FaultVector.GeneralProtection, selector & 0xFFFCu);
        return code;
    }
}
