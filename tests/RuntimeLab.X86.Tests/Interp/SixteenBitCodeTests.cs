using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Interp;

/// <summary>
/// 16-bit code (CS's D bit clear) and a 16-bit stack (SS's B bit clear): operand and address sizes,
/// their wrap at 64 KiB, and blocks keyed by code mode. Real mode itself runs in the realmode kernel.
/// </summary>
public sealed unsafe class SixteenBitCodeTests
{
    [Fact]
    public void EffectiveAddressesWrapAt64KiB()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(bx, 0xFFF0);
            a.mov(si, 0x0020);
            a.mov(ax, __word_ptr[bx + si]);       // 0x1_0010 wraps to 0x0010
            a.mov(di, 0xFFFF);
            a.mov(cx, __word_ptr[bx + di + 0x21]);  // 0x2_0010 wraps to 0x0010 as well
            a.lea(dx, __[si + 0xFFF0]);             // 0x1_0010 wraps to 0x0010
        }, bitness: 16);
        code.Memory.Write(GuestCode.DataAddress + 0x10, [0x34, 0x12]);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(0x1234u, code[Gpr.Eax]);
        Assert.Equal(0x1234u, code[Gpr.Ecx]);
        Assert.Equal(0x0010u, code[Gpr.Edx]);
    }

    [Fact]
    public void TheStackWrapsInSpAndKeepsTheUpperHalfOfEsp()
    {
        using var code = new GuestCode(a =>
        {
            var subroutine = a.CreateLabel();
            var done = a.CreateLabel();
            a.push(0x1234);          // SP 0 -> 0xFFFE
            a.push(ebx);             // a 32-bit push through SP: 0xFFFA
            a.call(subroutine);      // pushes IP as a word
            a.pop(edx);
            a.pop(cx);
            a.jmp(done);
            a.Label(ref subroutine);
            a.mov(bp, sp);
            a.mov(ax, __word_ptr[bp]);  // the return IP, through SS
            a.ret();
            a.Label(ref done);
        }, bitness: 16);
        code.State->Regs[Gpr.Ebx] = 0xCAFE_F00D;
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(0x0001_0000u, code[Gpr.Esp]);
        Assert.Equal(0xCAFE_F00Du, code[Gpr.Edx]);
        Assert.Equal(0x1234u, code[Gpr.Ecx]);
        Assert.Equal(0x1234, Read16(code, GuestCode.StackTop - 2));
        Assert.Equal(0xF00Du, Read16(code, GuestCode.StackTop - 6));
        Assert.Equal(8u, code[Gpr.Eax]);  // push imm16 (3 bytes), 66 push ebx (2), call rel16 (3)
    }

    [Fact]
    public void LoopAndStringsCountInCx()
    {
        using var code = new GuestCode(a =>
        {
            var again = a.CreateLabel();
            a.Label(ref again);
            a.inc(edx);
            a.loop(again);
            a.mov(si, 0xFFFF);
            a.mov(di, 0x0100);
            a.mov(cx, 2);
            a.rep.movsb();          // from DS:0xFFFF, then DS:0x0000
        }, bitness: 16);
        code.State->Regs[Gpr.Ecx] = 0x0001_0003;
        code.State->Regs[Gpr.Esi] = 0x0007_0000;
        code.Memory.Write(GuestCode.DataAddress + 0xFFFF, [0xAA]);
        code.Memory.Write(GuestCode.DataAddress, [0xBB]);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(3u, code[Gpr.Edx]);
        Assert.Equal(0x0001_0000u, code[Gpr.Ecx]);
        Assert.Equal(0x0007_0001u, code[Gpr.Esi]);
        Assert.Equal(0x0102u, code[Gpr.Edi]);
        Assert.Equal(0xBBAA, Read16(code, GuestCode.DataAddress + 0x100));
    }

    [Fact]
    public void OperandSizePrefixGives32BitOperations()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(eax, 0x1234_5678);
            a.add(eax, 0x1111_1111);
            a.mov(ecx, __dword_ptr[ebx + 4]);   // 0x67: 32-bit addressing
        }, bitness: 16);
        code.Memory.Write(GuestCode.DataAddress + 4, [0x0D, 0xF0, 0xFE, 0xCA]);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(0x2345_6789u, code[Gpr.Eax]);
        Assert.Equal(0xCAFE_F00Du, code[Gpr.Ecx]);
    }

    [Fact]
    public void TheSameBytesInAnotherModeAreAnotherBlock()
    {
        // B8 34 12 40 90: mov eax, 0x90401234 as 32-bit code; mov ax, 0x1234 / inc ax / nop as 16-bit code.
        using var code = new GuestCode(a => a.db(0xB8, 0x34, 0x12, 0x40, 0x90));
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(0x9040_1234u, code[Gpr.Eax]);
        code.State->Regs[Gpr.Eax] = 0;
        code.State->Eip = GuestCode.CodeAddress;
        code.State->CodeMode = CodeMode.Code16Stack16;
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(0x1235u, code[Gpr.Eax]);
        Assert.Equal(2, code.Cpu.BlocksDecoded);
    }

    [Fact]
    public void TraceDisassembles16BitCodeAs16Bit()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(ax, 0x11);
            a.add(eax, 0x22);
        }, bitness: 16);
        var text = new StringWriter();
        code.Cpu.Trace = new TraceOptions(text);
        code.Run();
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // CS's base is above 1 MiB here, so the line names the linear address rather than segment:IP.
        Assert.StartsWith($"{GuestCode.CodeAddress:x8}  b81100 ", lines[0]);
        Assert.Contains("mov     ax,0x11", lines[0]);
        Assert.Contains("add     eax,0x22", lines[1]);
    }

    private static ushort Read16(GuestCode code, uint address)
    {
        Span<byte> bytes = stackalloc byte[2];
        code.Memory.Read(address, bytes);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes);
    }
}
