using System.Numerics;
using Iced.Intel;
using RuntimeLab.X86.Cpu;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Interp;

public sealed unsafe class BcdTests
{
    private const uint CF = EflagsBits.CF, AF = EflagsBits.AF, ZF = EflagsBits.ZF, SF = EflagsBits.SF, PF = EflagsBits.PF;

    private static GuestCode Run(Action<Assembler> body)
    {
        var code = new GuestCode(body);
        Assert.Equal(StopReason.Syscall, code.Run());
        return code;
    }

    private static void AssertLogicFlagsOf(uint value, uint flags)
    {
        Assert.Equal(value == 0, (flags & ZF) != 0);
        Assert.Equal((value & 0x80) != 0, (flags & SF) != 0);
        Assert.Equal(BitOperations.PopCount(value) % 2 == 0, (flags & PF) != 0);
    }

    /// <summary>ADD then DAA, checked against the SDM's DAA pseudo-code.</summary>
    [Theory]
    [InlineData(0x79, 0x35)]
    [InlineData(0x38, 0x29)]
    [InlineData(0x99, 0x01)]
    [InlineData(0x50, 0x50)]
    [InlineData(0x09, 0x00)]
    public void DaaAdjustsAPackedBcdSum(int x, int y)
    {
        using var code = Run(a => { a.mov(al, (byte)x); a.add(al, (byte)y); a.daa(); });
        uint sum = (uint)(x + y);
        uint result = sum & 0xFF;
        bool cf = sum > 0xFF, af = ((x ^ y ^ (int)sum) & 0x10) != 0;
        uint oldAl = result, adjusted = result; bool oldCf = cf;
        if ((adjusted & 0xF) > 9 || af) { adjusted = (adjusted + 6) & 0xFF; af = true; } else af = false;
        if (oldAl > 0x99 || oldCf) { adjusted = (adjusted + 0x60) & 0xFF; cf = true; } else cf = false;
        Assert.Equal(adjusted, code[Gpr.Eax] & 0xFF);
        Assert.Equal(cf, (code.Flags & CF) != 0);
        Assert.Equal(af, (code.Flags & AF) != 0);
        AssertLogicFlagsOf(adjusted, code.Flags);
    }

    /// <summary>SUB then DAS, checked against the SDM's DAS pseudo-code.</summary>
    [Theory]
    [InlineData(0x35, 0x47)]
    [InlineData(0x42, 0x13)]
    [InlineData(0x10, 0x01)]
    [InlineData(0x00, 0x01)]
    [InlineData(0x99, 0x99)]
    public void DasAdjustsAPackedBcdDifference(int x, int y)
    {
        using var code = Run(a => { a.mov(al, (byte)x); a.sub(al, (byte)y); a.das(); });
        uint result = (uint)(x - y) & 0xFF;
        bool cf = x < y, af = ((x ^ y ^ (int)result) & 0x10) != 0;
        uint oldAl = result, adjusted = result; bool oldCf = cf;
        cf = false;
        if ((adjusted & 0xF) > 9 || af) { cf = oldCf || adjusted < 6; adjusted = (adjusted - 6) & 0xFF; af = true; } else af = false;
        if (oldAl > 0x99 || oldCf) { adjusted = (adjusted - 0x60) & 0xFF; cf = true; }
        Assert.Equal(adjusted, code[Gpr.Eax] & 0xFF);
        Assert.Equal(cf, (code.Flags & CF) != 0);
        Assert.Equal(af, (code.Flags & AF) != 0);
        AssertLogicFlagsOf(adjusted, code.Flags);
    }

    [Fact]
    public void AaaAndAasAdjustUnpackedDigits()
    {
        using var code = Run(a =>
        {
            a.mov(eax, 0x0009);
            a.add(al, 8);          // AL = 0x11, AF=1
            a.aaa();               // AX = 0x0107, CF=AF=1
            a.mov(ebx, eax);
            a.setc(cl);
            a.mov(eax, 0x0103);
            a.sub(al, 5);          // AL = 0xFE, AF=1
            a.aas();               // AX = 0x0008 (AX - 6, AH - 1), CF=1
            a.mov(edx, eax);
            a.mov(eax, 0x0204);
            a.add(al, 3);          // AL = 7, AF=0
            a.aaa();               // no adjustment: AX = 0x0207, CF=AF=0
        });
        Assert.Equal(0x0107u, code[Gpr.Ebx]);
        Assert.Equal(1u, code[Gpr.Ecx] & 0xFF);
        Assert.Equal(0x0008u, code[Gpr.Edx]);
        Assert.Equal(0x0207u, code[Gpr.Eax]);
        Assert.Equal(0u, code.Flags & (CF | AF));
    }

    [Fact]
    public void AamAndAad()
    {
        using var code = Run(a =>
        {
            a.mov(eax, 0xFFFF_003F); // 63
            a.aam(10);             // AH = 6, AL = 3
            a.mov(ebx, eax);
            a.mov(eax, 0x0607);
            a.aad(10);             // AL = 67, AH = 0
            a.mov(ecx, eax);
            a.mov(eax, 0x50);
            a.aam(16);             // AH = 5, AL = 0: ZF=1
        });
        Assert.Equal(0xFFFF_0603u, code[Gpr.Ebx]);
        Assert.Equal(67u, code[Gpr.Ecx]);
        Assert.Equal(0x0500u, code[Gpr.Eax]);
        AssertLogicFlagsOf(0, code.Flags);
        Assert.Equal(0u, code.Flags & (CF | AF | EflagsBits.OF));
    }

    [Fact]
    public void AamByZeroIsADivideError()
    {
        using var code = new GuestCode(a => { a.mov(eax, 0x1234); a.aam(0); });
        Assert.Equal(StopReason.Fault, code.Run());
        Assert.Equal(FaultVector.DivideError, code.State->Fault.Vector);
        Assert.Equal(GuestCode.CodeAddress + 5, code.State->Eip);
        Assert.Equal(0x1234u, code[Gpr.Eax]);
    }

    [Fact]
    public void XlatLooksUpAlInTheTableAtEbx()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(ebx, GuestCode.DataAddress + 0x10);
            a.mov(eax, 0x1234_56F5); // AL = 0xF5: unsigned, so entry 245
            a.xlatb();
        });
        code.Memory.Write(GuestCode.DataAddress + 0x10 + 0xF5, [0x9C]);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(0x1234_569Cu, code[Gpr.Eax]);
    }
}
