using Iced.Intel;
using RuntimeLab.X86.Cpu;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Interp;

public sealed unsafe class MulDivTests
{
    private const uint CF = EflagsBits.CF, OF = EflagsBits.OF;

    private static GuestCode Run(Action<Assembler> body)
    {
        var code = new GuestCode(body);
        Assert.Equal(StopReason.Syscall, code.Run());
        return code;
    }

    private static bool CarryAndOverflow(GuestCode code)
    {
        var both = code.Flags & (CF | OF);
        Assert.True(both == 0 || both == (CF | OF), "MUL/IMUL set CF and OF together");
        return both != 0;
    }

    [Theory]
    [InlineData(0xFFFF_FFFFu, 0xFFFF_FFFFu)]
    [InlineData(0x0001_0000u, 0x0000_FFFFu)]
    [InlineData(0x0001_0000u, 0x0001_0000u)]
    [InlineData(7u, 0u)]
    public void Mul32GivesEdxEaxAndFlagsTheHighHalf(uint x, uint y)
    {
        using var code = Run(a => { a.mov(eax, x); a.mov(ebx, y); a.mul(ebx); });
        ulong product = (ulong)x * y;
        Assert.Equal((uint)product, code[Gpr.Eax]);
        Assert.Equal((uint)(product >> 32), code[Gpr.Edx]);
        Assert.Equal(product >> 32 != 0, CarryAndOverflow(code));
    }

    [Theory]
    [InlineData(-1, -1)]
    [InlineData(0x4000_0000, 2)]
    [InlineData(-0x4000_0000, 2)]
    [InlineData(0x7FFF_FFFF, 0x7FFF_FFFF)]
    public void Imul32OneOperandGivesTheSignedProduct(int x, int y)
    {
        using var code = Run(a => { a.mov(eax, x); a.mov(__dword_ptr[GuestCode.DataAddress], y); a.imul(__dword_ptr[GuestCode.DataAddress]); });
        long product = (long)x * y;
        Assert.Equal((uint)product, code[Gpr.Eax]);
        Assert.Equal((uint)(product >> 32), code[Gpr.Edx]);
        Assert.Equal(product != (int)product, CarryAndOverflow(code));
    }

    [Theory]
    [InlineData(0x10u, 0x10u)]
    [InlineData(0x0Fu, 0x11u)]
    [InlineData(0xFFu, 0xFFu)]
    public void Mul8WritesAxAndSetsFlagsWhenAhIsNonzero(uint x, uint y)
    {
        using var code = Run(a => { a.mov(eax, 0xAAAA_0000 | x); a.mov(ebx, y); a.mul(bl); });
        uint product = x * y;
        Assert.Equal(0xAAAA_0000u | product, code[Gpr.Eax]);
        Assert.Equal(product > 0xFF, CarryAndOverflow(code));
    }

    [Theory]
    [InlineData(-1, -1)]
    [InlineData(0x40, 2)]
    [InlineData(-0x40, 2)]
    [InlineData(-0x80, -1)]
    public void Imul8AndImul16(int x, int y)
    {
        using (var code = Run(a => { a.mov(eax, x & 0xFF); a.mov(ecx, y & 0xFF); a.imul(cl); }))
        {
            int product = (sbyte)x * (sbyte)y;
            Assert.Equal((uint)product & 0xFFFF, code[Gpr.Eax]);
            Assert.Equal(product != (sbyte)product, CarryAndOverflow(code));
        }
        using (var code = Run(a => { a.mov(eax, x * 0x100); a.mov(edx, 0xDDDD_DDDD); a.mov(ecx, y * 0x100); a.imul(cx); }))
        {
            int product = (short)(x * 0x100) * (short)(y * 0x100);
            Assert.Equal((uint)product & 0xFFFF, code[Gpr.Eax] & 0xFFFF);
            Assert.Equal(0xDDDD_0000u | ((uint)product >> 16), code[Gpr.Edx]);
            Assert.Equal(product != (short)product, CarryAndOverflow(code));
        }
    }

    [Fact]
    public void ImulTwoAndThreeOperands()
    {
        using var code = Run(a =>
        {
            a.mov(eax, 0x1_0000);
            a.mov(ebx, 0x1_0000);
            a.imul(eax, ebx);      // 2^32 truncated: 0, overflow
            a.seto(cl);
            a.mov(edx, 1000);
            a.imul(esi, edx, -3);  // fits
            a.seto(ch);
            a.mov(__word_ptr[GuestCode.DataAddress], 300);
            a.imul(di, __word_ptr[GuestCode.DataAddress], 200); // 60000 does not fit in a signed word
            a.setc(bl);
        });
        Assert.Equal(0u, code[Gpr.Eax]);
        Assert.Equal(1u, code[Gpr.Ecx] & 0xFF);
        Assert.Equal(unchecked((uint)-3000), code[Gpr.Esi]);
        Assert.Equal(0u, (code[Gpr.Ecx] >> 8) & 0xFF);
        Assert.Equal(60000u & 0xFFFF, code[Gpr.Edi] & 0xFFFF);
        Assert.Equal(1u, code[Gpr.Ebx] & 0xFF);
    }

    [Fact]
    public void DivAndIdivGiveQuotientAndRemainder()
    {
        using var code = Run(a =>
        {
            a.mov(edx, 1);
            a.mov(eax, 5);
            a.mov(ebx, 7);
            a.div(ebx);            // (2^32 + 5) / 7
            a.mov(esi, eax);
            a.mov(edi, edx);
            a.mov(eax, -100);
            a.cdq();
            a.mov(ecx, 7);
            a.idiv(ecx);           // -14 rem -2 (truncating)
            a.mov(ebp, eax);
            a.mov(eax, 0x1234_03E9); // AX = 1001
            a.mov(cl, 10);
            a.div(cl);             // AL = 100, AH = 1
        });
        Assert.Equal((uint)((1ul << 32 | 5) / 7), code[Gpr.Esi]);
        Assert.Equal((uint)((1ul << 32 | 5) % 7), code[Gpr.Edi]);
        Assert.Equal(unchecked((uint)-14), code[Gpr.Ebp]);
        Assert.Equal(unchecked((uint)-2), code[Gpr.Edx]);
        Assert.Equal(0x1234_0164u, code[Gpr.Eax]);
    }

    [Theory]
    [InlineData("div0")]
    [InlineData("divOverflow")]
    [InlineData("idivMinByMinusOne")]
    [InlineData("idiv8MinByMinusOne")]
    public void DivideErrorsFaultAtTheInstructionWithRegistersUnchanged(string which)
    {
        var (dx, ax, bx) = which switch
        {
            "div0" => (0, 10, 0),
            "divOverflow" => (1, 0, 1),
            "idivMinByMinusOne" => (-1, int.MinValue, -1),
            _ => (0, 0x8000, 0xFF),
        };
        using var code = new GuestCode(a =>
        {
            // mov r32, imm32 is 5 bytes each: the divide is at CodeAddress + 15.
            a.mov(edx, dx);
            a.mov(eax, ax);
            a.mov(ebx, bx);
            switch (which)
            {
                case "div0" or "divOverflow": a.div(ebx); break;
                case "idivMinByMinusOne": a.idiv(ebx); break;
                default: a.idiv(bl); break;
            }
            a.mov(eax, 99);
        });
        Assert.Equal(StopReason.Fault, code.Run());
        Assert.Equal(FaultVector.DivideError, code.State->Fault.Vector);
        Assert.Equal(GuestCode.CodeAddress + 15, code.State->Eip);
        Assert.Equal(3ul, code.State->InstructionCount);
        Assert.Equal((uint)ax, code[Gpr.Eax]);
        Assert.Equal((uint)dx, code[Gpr.Edx]);
        Assert.Equal((uint)bx, code[Gpr.Ebx]);
    }
}
