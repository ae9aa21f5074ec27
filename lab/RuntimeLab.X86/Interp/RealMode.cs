using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// Real mode (CR0.PE clear, system mode only): segment loads, far transfers, INT n and exceptions
/// through the interrupt vector table, and IRET. A segment load sets the selector and base =
/// selector &lt;&lt; 4 and leaves the cached limit and sizes as they were, as hardware and QEMU do, so
/// "unreal mode" (4 GiB limits kept from protected mode) works and the code and stack sizes stay those
/// of the last protected-mode descriptors. Limits are not checked (no #GP/#SS at 64 KiB), and
/// virtual-8086 mode is not modelled.
/// </summary>
public static unsafe class RealMode
{
    public static void LoadSegment(CpuState* s, int segment, ushort selector)
    {
        s->Selectors[segment] = selector;
        s->SegmentBase[segment] = (uint)selector << 4;
    }

    public static void Jump(CpuState* s, ushort selector, uint offset)
    {
        LoadSegment(s, Seg.Cs, selector);
        s->Eip = offset;
    }

    /// <summary>Far CALL: CS then the return IP (or EIP) pushed at the operand size of <paramref name="size"/> bytes, both written before anything changes.</summary>
    public static void Call(CpuState* s, DecodedOp* op, ushort selector, uint offset, uint size)
    {
        Write(s, GuestStack.Address(s, 0u - size), s->Selectors[Seg.Cs], size);
        Write(s, GuestStack.Address(s, 0u - 2 * size), op->NextEip, size);
        GuestStack.Adjust(s, 0u - 2 * size);
        Jump(s, selector, offset);
    }

    /// <summary>RETF (imm16): IP and CS popped at the operand size, then <paramref name="release"/> bytes of arguments.</summary>
    public static void Return(CpuState* s, uint release, uint size)
    {
        var offset = Read(s, GuestStack.Address(s, 0), size);
        var selector = (ushort)Read(s, GuestStack.Address(s, size), size);
        GuestStack.Adjust(s, 2 * size + release);
        Jump(s, selector, offset);
    }

    /// <summary>
    /// IRET: IP, CS and FLAGS popped at the operand size. Every flag a real-mode IRET may change is
    /// loaded, IF and IOPL included; a 16-bit IRET keeps EFLAGS' upper half (QEMU's helper_iret_real).
    /// </summary>
    public static void Iret(CpuState* s, uint size)
    {
        var offset = Read(s, GuestStack.Address(s, 0), size);
        var selector = (ushort)Read(s, GuestStack.Address(s, size), size);
        var flags = Read(s, GuestStack.Address(s, 2 * size), size);
        var writable = EflagsBits.Arithmetic | EflagsBits.DF | EflagsBits.TF | EflagsBits.IF | EflagsBits.Iopl | EflagsBits.NT
            | EflagsBits.AC | EflagsBits.ID | EflagsBits.RF;
        if (size == 2) writable &= 0xFFFF;
        GuestStack.Adjust(s, 3 * size);
        Jump(s, selector, offset);
        s->SetEflags((s->Eflags & ~writable) | (flags & writable));
        InterruptFlag.RequestDeliveryIfPending(s);
    }

    /// <summary>
    /// An interrupt or exception through the vector table at IDTR.base (4 bytes a vector: IP, then
    /// CS): FLAGS, CS and IP are pushed as words through SP, and IF, TF, AC and RF cleared. Exceptions
    /// push no error code in real mode. A vector beyond IDTR.limit raises #GP, as in protected mode.
    /// </summary>
    public static void Deliver(CpuState* s, GuestFault interrupt)
    {
        var vector = (uint)interrupt.Vector;
        if (vector * 4 + 3 > s->Idt.Limit) throw GuestFaultException.Of(FaultVector.GeneralProtection, vector * 8 + 2);
        var entry = s->Idt.Base + vector * 4;
        var offset = Mem.Read16(s, entry);
        var selector = Mem.Read16(s, entry + 2);
        // QEMU pushes through SP whatever SS's B bit says; so does this.
        var sp = s->Regs[Gpr.Esp];
        var stack = s->SegmentBase[Seg.Ss];
        var eflags = s->Eflags;
        Mem.Write16(s, stack + ((sp - 2) & 0xFFFF), (ushort)eflags);
        Mem.Write16(s, stack + ((sp - 4) & 0xFFFF), s->Selectors[Seg.Cs]);
        Mem.Write16(s, stack + ((sp - 6) & 0xFFFF), (ushort)s->Eip);
        *(ushort*)&s->Regs[Gpr.Esp] = (ushort)(sp - 6);
        Jump(s, selector, offset);
        s->SetEflags(eflags & ~(EflagsBits.IF | EflagsBits.TF | EflagsBits.AC | EflagsBits.RF));
    }

    private static uint Read(CpuState* s, uint address, uint size) => size == 2 ? Mem.Read16(s, address) : Mem.Read32(s, address);

    private static void Write(CpuState* s, uint address, uint value, uint size)
    {
        if (size == 2) Mem.Write16(s, address, (ushort)value);
        else Mem.Write32(s, address, value);
    }
}
