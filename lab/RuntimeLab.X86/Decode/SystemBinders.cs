using Iced.Intel;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>
/// Binds the protected-mode system instructions: descriptor tables, control and debug registers,
/// far transfers and IRET, CLI/STI, and port I/O. Their handlers check the execution mode themselves,
/// so in Linux user mode they raise #UD exactly as when they were not bound at all.
/// </summary>
public static unsafe class SystemBinders
{
    public static bool System(in Instruction i, ref DecodedOp op, OperandInfo info)
    {
        var memory = info.HasMemory;
        Handler? handler = i.Mnemonic switch
        {
            Mnemonic.Lgdt => (Handler)(&DescriptorTables.Lgdt),
            Mnemonic.Lidt => (Handler)(&DescriptorTables.Lidt),
            Mnemonic.Sgdt => (Handler)(&DescriptorTables.Sgdt),
            Mnemonic.Sidt => (Handler)(&DescriptorTables.Sidt),
            Mnemonic.Ltr => memory ? (Handler)(&DescriptorTables.Ltr<MemOperand>) : (Handler)(&DescriptorTables.Ltr<RegDst>),
            Mnemonic.Str => memory ? (Handler)(&DescriptorTables.Str<MemOperand>) : (Handler)(&DescriptorTables.Str<RegDst>),
            Mnemonic.Lldt => memory ? (Handler)(&DescriptorTables.Lldt<MemOperand>) : (Handler)(&DescriptorTables.Lldt<RegDst>),
            Mnemonic.Sldt => memory ? (Handler)(&DescriptorTables.Sldt<MemOperand>) : (Handler)(&DescriptorTables.Sldt<RegDst>),
            Mnemonic.Lar => SegmentCheck(i, memory, lar: true),
            Mnemonic.Lsl => SegmentCheck(i, memory, lar: false),
            Mnemonic.Verr => memory ? (Handler)(&SegmentChecks.Verr<MemOperand>) : (Handler)(&SegmentChecks.Verr<RegDst>),
            Mnemonic.Verw => memory ? (Handler)(&SegmentChecks.Verw<MemOperand>) : (Handler)(&SegmentChecks.Verw<RegDst>),
            Mnemonic.Smsw => memory ? (Handler)(&ControlRegisters.Smsw<MemOperand>) : (Handler)(&ControlRegisters.Smsw<RegDst>),
            Mnemonic.Clts => (Handler)(&ControlRegisters.Clts),
            Mnemonic.Invlpg => (Handler)(&ControlRegisters.Invlpg),
            Mnemonic.Wbinvd or Mnemonic.Invd => (Handler)(&ControlRegisters.CacheControl),
            Mnemonic.Mov => MoveSystemRegister(i, ref op),
            Mnemonic.Cli => (Handler)(&InterruptFlag.Cli),
            Mnemonic.Sti => (Handler)(&InterruptFlag.Sti),
            Mnemonic.Iretd => (Handler)(&FarTransfers.Iret),
            Mnemonic.Iret => (Handler)(&FarTransfers16.Iret),
            Mnemonic.Retf when i.Code is Code.Retfw or Code.Retfw_imm16 => (Handler)(&FarTransfers16.RetFar),
            Mnemonic.Retf when i.OpCount == 0 || i.Op0Kind == OpKind.Immediate16 => (Handler)(&FarTransfers.RetFar),
            Mnemonic.Jmp when i.Op0Kind is OpKind.FarBranch32 or OpKind.FarBranch16 => (Handler)(&FarTransfers.JmpFar),
            Mnemonic.Jmp when memory && i.MemorySize == MemorySize.SegPtr32 => (Handler)(&FarTransfers.JmpFarIndirect),
            Mnemonic.Jmp when memory && i.MemorySize == MemorySize.SegPtr16 => (Handler)(&FarTransfers16.JmpFarIndirect),
            Mnemonic.Call when i.Op0Kind == OpKind.FarBranch32 => (Handler)(&FarTransfers.CallFar),
            Mnemonic.Call when i.Op0Kind == OpKind.FarBranch16 => (Handler)(&FarTransfers16.CallFar),
            Mnemonic.Call when memory && i.MemorySize == MemorySize.SegPtr32 => (Handler)(&FarTransfers.CallFarIndirect),
            Mnemonic.Call when memory && i.MemorySize == MemorySize.SegPtr16 => (Handler)(&FarTransfers16.CallFarIndirect),
            Mnemonic.In => PortIoHandler(i, input: true),
            Mnemonic.Out => PortIoHandler(i, input: false),
            _ => StringPortIo(i, ref op),
        };
        if (handler is not { } h) return false;
        if (i.Op0Kind is OpKind.FarBranch32 or OpKind.FarBranch16)
        {
            op.Imm = i.Op0Kind == OpKind.FarBranch32 ? i.FarBranch32 : i.FarBranch16;
            op.Imm2 = i.FarBranchSelector;
        }
        if (i.Mnemonic is Mnemonic.Lgdt or Mnemonic.Lidt) op.Imm2 = i.Code is Code.Lgdt_m1632_16 or Code.Lidt_m1632_16 ? 16u : 32u;
        op.Handler = h.Pointer;
        return true;
    }

    private static Handler? MoveSystemRegister(in Instruction i, ref DecodedOp op)
    {
        if (i.Op0Kind != OpKind.Register || i.Op1Kind != OpKind.Register) return null;
        var (to, from) = (i.Op0Register, i.Op1Register);
        if (to is >= Register.CR0 and <= Register.CR15) { op.Extra = (byte)(to - Register.CR0); return (Handler)(&ControlRegisters.MovToCr); }
        if (from is >= Register.CR0 and <= Register.CR15) { op.Extra = (byte)(from - Register.CR0); return (Handler)(&ControlRegisters.MovFromCr); }
        if (to is >= Register.DR0 and <= Register.DR7) { op.Extra = (byte)(to - Register.DR0); return (Handler)(&ControlRegisters.MovToDr); }
        if (from is >= Register.DR0 and <= Register.DR7) { op.Extra = (byte)(from - Register.DR0); return (Handler)(&ControlRegisters.MovFromDr); }
        return null;
    }

    /// <summary>LAR and LSL: the destination register (16 or 32 bits) is op.Reg, the selector a register (op.Rm) or memory.</summary>
    private static Handler? SegmentCheck(in Instruction i, bool memory, bool lar) => (lar, i.Op0Register.GetSize() == 2, memory) switch
    {
        (true, true, false) => (Handler)(&SegmentChecks.Lar<W16, RegSrc>),
        (true, true, true) => (Handler)(&SegmentChecks.Lar<W16, MemOperand>),
        (true, false, false) => (Handler)(&SegmentChecks.Lar<W32, RegSrc>),
        (true, false, true) => (Handler)(&SegmentChecks.Lar<W32, MemOperand>),
        (false, true, false) => (Handler)(&SegmentChecks.Lsl<W16, RegSrc>),
        (false, true, true) => (Handler)(&SegmentChecks.Lsl<W16, MemOperand>),
        (false, false, false) => (Handler)(&SegmentChecks.Lsl<W32, RegSrc>),
        (false, false, true) => (Handler)(&SegmentChecks.Lsl<W32, MemOperand>),
    };

    private static Handler? PortIoHandler(in Instruction i, bool input)
    {
        // The accumulator is operand 0 of IN and operand 1 of OUT; the port is the other one.
        var accumulator = input ? i.Op0Register : i.Op1Register;
        var viaDx = (input ? i.Op1Kind : i.Op0Kind) == OpKind.Register;
        var bits = accumulator.GetSize() * 8;
        return (input, viaDx, bits) switch
        {
            (true, false, 8) => (Handler)(&PortIo.In<W8, ImmPort>),
            (true, false, 16) => (Handler)(&PortIo.In<W16, ImmPort>),
            (true, false, _) => (Handler)(&PortIo.In<W32, ImmPort>),
            (true, true, 8) => (Handler)(&PortIo.In<W8, DxPort>),
            (true, true, 16) => (Handler)(&PortIo.In<W16, DxPort>),
            (true, true, _) => (Handler)(&PortIo.In<W32, DxPort>),
            (false, false, 8) => (Handler)(&PortIo.Out<W8, ImmPort>),
            (false, false, 16) => (Handler)(&PortIo.Out<W16, ImmPort>),
            (false, false, _) => (Handler)(&PortIo.Out<W32, ImmPort>),
            (false, true, 8) => (Handler)(&PortIo.Out<W8, DxPort>),
            (false, true, 16) => (Handler)(&PortIo.Out<W16, DxPort>),
            (false, true, _) => (Handler)(&PortIo.Out<W32, DxPort>),
        };
    }

    private static Handler? StringPortIo(in Instruction i, ref DecodedOp op)
    {
        var repeat = i.HasRepPrefix || i.HasRepePrefix || i.HasRepnePrefix;
        var address16 = false;
        for (var k = 0; k < i.OpCount; k++)
            if (i.GetOpKind(k) is OpKind.MemorySegSI or OpKind.MemoryESDI) address16 = true;
        if (i.Mnemonic is Mnemonic.Outsb or Mnemonic.Outsw or Mnemonic.Outsd) op.Segment = OperandInfo.SegmentIndex(i.MemorySegment);
        if (address16) return PortString16(i.Mnemonic, repeat);
        return (i.Mnemonic, repeat) switch
        {
            (Mnemonic.Outsb, false) => (Handler)(&PortIo.Outs<W8, Once>),
            (Mnemonic.Outsw, false) => (Handler)(&PortIo.Outs<W16, Once>),
            (Mnemonic.Outsd, false) => (Handler)(&PortIo.Outs<W32, Once>),
            (Mnemonic.Outsb, true) => (Handler)(&PortIo.Outs<W8, RepE>),
            (Mnemonic.Outsw, true) => (Handler)(&PortIo.Outs<W16, RepE>),
            (Mnemonic.Outsd, true) => (Handler)(&PortIo.Outs<W32, RepE>),
            (Mnemonic.Insb, false) => (Handler)(&PortIo.Ins<W8, Once>),
            (Mnemonic.Insw, false) => (Handler)(&PortIo.Ins<W16, Once>),
            (Mnemonic.Insd, false) => (Handler)(&PortIo.Ins<W32, Once>),
            (Mnemonic.Insb, true) => (Handler)(&PortIo.Ins<W8, RepE>),
            (Mnemonic.Insw, true) => (Handler)(&PortIo.Ins<W16, RepE>),
            (Mnemonic.Insd, true) => (Handler)(&PortIo.Ins<W32, RepE>),
            _ => null,
        };
    }

    private static Handler? PortString16(Mnemonic mnemonic, bool repeat) => (mnemonic, repeat) switch
    {
        (Mnemonic.Outsb, false) => (Handler)(&PortStrings16.Outs<W8, Once>),
        (Mnemonic.Outsw, false) => (Handler)(&PortStrings16.Outs<W16, Once>),
        (Mnemonic.Outsd, false) => (Handler)(&PortStrings16.Outs<W32, Once>),
        (Mnemonic.Outsb, true) => (Handler)(&PortStrings16.Outs<W8, RepE>),
        (Mnemonic.Outsw, true) => (Handler)(&PortStrings16.Outs<W16, RepE>),
        (Mnemonic.Outsd, true) => (Handler)(&PortStrings16.Outs<W32, RepE>),
        (Mnemonic.Insb, false) => (Handler)(&PortStrings16.Ins<W8, Once>),
        (Mnemonic.Insw, false) => (Handler)(&PortStrings16.Ins<W16, Once>),
        (Mnemonic.Insd, false) => (Handler)(&PortStrings16.Ins<W32, Once>),
        (Mnemonic.Insb, true) => (Handler)(&PortStrings16.Ins<W8, RepE>),
        (Mnemonic.Insw, true) => (Handler)(&PortStrings16.Ins<W16, RepE>),
        (Mnemonic.Insd, true) => (Handler)(&PortStrings16.Ins<W32, RepE>),
        _ => null,
    };

    /// <summary>
    /// Instructions after which the block must end: their effects (devices, translation, a debug trap
    /// from TF or DR7 that the run loop decides per block) must be seen before the next instruction is fetched.
    /// </summary>
    public static bool EndsBlock(in Instruction i) => i.Mnemonic switch
    {
        Mnemonic.Hlt or Mnemonic.Out or Mnemonic.Outsb or Mnemonic.Outsw or Mnemonic.Outsd or Mnemonic.Invlpg or Mnemonic.Popfd or Mnemonic.Clts => true,
        Mnemonic.Mov => i.Op0Kind == OpKind.Register && i.Op0Register is >= Register.CR0 and <= Register.CR15 or >= Register.DR0 and <= Register.DR15,
        _ => false,
    };
}
