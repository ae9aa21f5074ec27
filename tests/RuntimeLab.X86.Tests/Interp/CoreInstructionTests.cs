using Iced.Intel;
using RuntimeLab.X86.Cpu;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Interp;

public sealed unsafe class CoreInstructionTests
{
    [Fact]
    public void LoopSumsWithAddDecAndJnz()
    {
        using var code = new GuestCode(a =>
        {
            var loop = a.CreateLabel();
            a.mov(eax, 5);
            a.mov(ecx, 10);
            a.Label(ref loop);
            a.add(eax, ecx);
            a.dec(ecx);
            a.jnz(loop);
        });
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(5u + 55, code[Gpr.Eax]);
        Assert.Equal(0u, code[Gpr.Ecx]);
    }

    [Fact]
    public void MemoryOperandsCallsAndTheStack()
    {
        using var code = new GuestCode(a =>
        {
            var function = a.CreateLabel();
            var done = a.CreateLabel();
            a.mov(__dword_ptr[GuestCode.DataAddress + 8], 0x1234_5678);
            a.mov(ebx, GuestCode.DataAddress);
            a.push(__dword_ptr[ebx + 8]);
            a.call(function);
            a.add(esp, 4);
            a.jmp(done);
            a.Label(ref function);
            a.mov(eax, __dword_ptr[esp + 4]);
            a.movzx(edx, __byte_ptr[ebx + 9]);
            a.movsx(esi, __byte_ptr[ebx + 11]);
            a.lea(edi, __dword_ptr[ebx + edx * 4 + 3]);
            a.ret();
            a.Label(ref done);
        });
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(0x1234_5678u, code[Gpr.Eax]);
        Assert.Equal(0x56u, code[Gpr.Edx]);
        Assert.Equal(0x12u, code[Gpr.Esi]);
        Assert.Equal(GuestCode.DataAddress + 0x56 * 4 + 3, code[Gpr.Edi]);
        Assert.Equal(GuestCode.StackTop, code[Gpr.Esp]);
    }

    [Theory]
    [InlineData(0x7FFF_FFFFu, 1u)]
    [InlineData(0xFFFF_FFFFu, 1u)]
    [InlineData(0u, 0u)]
    [InlineData(0x8000_0000u, 0x8000_0000u)]
    public void AddSetsCarryOverflowZeroSignAsTheArchitectureDefines(uint x, uint y)
    {
        using var code = new GuestCode(a =>
        {
            a.mov(eax, x);
            a.add(eax, y);
        });
        code.Run();
        var sum = (ulong)x + y;
        var result = (uint)sum;
        var expectOverflow = ((x ^ result) & (y ^ result) & 0x8000_0000) != 0;
        Assert.Equal(sum > uint.MaxValue, (code.Flags & EflagsBits.CF) != 0);
        Assert.Equal(expectOverflow, (code.Flags & EflagsBits.OF) != 0);
        Assert.Equal(result == 0, (code.Flags & EflagsBits.ZF) != 0);
        Assert.Equal((int)result < 0, (code.Flags & EflagsBits.SF) != 0);
        Assert.Equal(((x ^ y ^ result) & 0x10) != 0, (code.Flags & EflagsBits.AF) != 0);
    }

    [Fact]
    public void AReadFromAnUnmappedPageFaultsPreciselyWithTheStateBeforeTheInstruction()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(eax, 7);
            a.mov(ebx, 0x3000_0000);
            a.add(eax, __dword_ptr[ebx]);
            a.mov(eax, 99);
        });
        Assert.Equal(StopReason.Fault, code.Run());
        Assert.Equal(FaultVector.PageFault, code.State->Fault.Vector);
        Assert.Equal(0x3000_0000u, code.State->Fault.Address);
        Assert.Equal(7u, code[Gpr.Eax]);
        Assert.Equal(2ul, code.State->InstructionCount);
        Assert.Equal(GuestCode.CodeAddress + 10, code.State->Eip);
    }

    [Fact]
    public void SelfModifyingCodeIsSeenAfterTheWrite()
    {
        // The guest patches the immediate of a later "mov eax, imm32" and then runs it.
        using var code = new GuestCode(a =>
        {
            var patched = a.CreateLabel();
            a.jmp(patched); // one block that ends here, so the patched code is decoded before the write
            a.Label(ref patched);
            a.mov(eax, 1);
        });
        code.Memory.Protect(GuestCode.CodeAddress, 0x1000, RuntimeLab.X86.Memory.Protection.All);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(1u, code[Gpr.Eax]);
        // Patch "mov eax, 1" (b8 01 00 00 00 at CodeAddress + 2) to "mov eax, 42" from outside, then rerun it.
        code.Memory.Write(GuestCode.CodeAddress + 3, BitConverter.GetBytes(42));
        code.State->Eip = GuestCode.CodeAddress;
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(42u, code[Gpr.Eax]);
        Assert.True(code.Cpu.Invalidations > 0);
    }
}

public sealed class TraceTests
{
    [Fact]
    public void TraceNamesEachInstructionWithItsAddressBytesAndRegisters()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(eax, 0x11);
            a.add(eax, 0x22);
        });
        var text = new StringWriter();
        code.Cpu.Trace = new RuntimeLab.X86.Interp.TraceOptions(text) { Registers = true };
        code.Run();
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"{GuestCode.CodeAddress:x8}  b811000000", lines[0]);
        Assert.Contains("mov     eax,0x11", lines[0]);
        Assert.Contains("eax=00000011", lines[1]);
        Assert.Contains("add     eax,0x22", lines[2]);
        Assert.Contains("eax=00000033", lines[3]);
        Assert.Contains("int     0x80", lines[4]);
    }
}
