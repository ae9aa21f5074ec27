using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Fpu;
using RuntimeLab.X86.Memory;
using RuntimeLab.X86.Tests.Interp;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Fpu;

/// <summary>
/// Single x87 instructions on the interpreter. Expectations come from IEEE 754 and the Intel manual:
/// C#'s double arithmetic for values rounded to 53 bits, the documented status and tag encodings.
/// </summary>
public sealed unsafe class X87Tests
{
    private const uint Data = GuestCode.DataAddress;

    private static GuestCode Run(Action<Assembler> body)
    {
        var code = new GuestCode(body);
        Assert.Equal(StopReason.Syscall, code.Run());
        return code;
    }

    private static void PutDouble(GuestCode code, uint address, double value) => code.Memory.Write(address, BitConverter.GetBytes(value));
    private static double GetDouble(GuestCode code, uint address) => BitConverter.ToDouble(Read(code, address, 8));
    private static byte[] Read(GuestCode code, uint address, int count) { var bytes = new byte[count]; code.Memory.Read(address, bytes); return bytes; }

    private static GuestCode RunWithDoubles(Action<Assembler> body, params double[] values)
    {
        var code = new GuestCode(body);
        for (var k = 0; k < values.Length; k++) PutDouble(code, Data + 8 * (uint)k, values[k]);
        Assert.Equal(StopReason.Syscall, code.Run());
        return code;
    }

    [Theory]
    [InlineData(1.0, 3.0)]
    [InlineData(0.1, 0.2)]
    [InlineData(-7.25, 1e-300)]
    [InlineData(1e308, 1e308)]
    public void DoubleArithmeticUnderDoublePrecisionControlMatchesIeeeDoubles(double x, double y)
    {
        // PC = 53 bits (control word 0x027F): each result is then exactly the IEEE double result.
        using var code = RunWithDoubles(a =>
        {
            a.mov(__word_ptr[Data + 0x100], 0x027F);
            a.fldcw(__word_ptr[Data + 0x100]);
            foreach (var (op, slot) in new (Action<Assembler>, uint)[] { (b => b.fadd(__qword_ptr[Data + 8]), 16), (b => b.fsub(__qword_ptr[Data + 8]), 24),
                                                                          (b => b.fmul(__qword_ptr[Data + 8]), 32), (b => b.fdiv(__qword_ptr[Data + 8]), 40) })
            {
                a.fld(__qword_ptr[Data]);
                op(a);
                a.fstp(__qword_ptr[Data + slot]);
            }
        }, x, y);
        Assert.Equal(x + y, GetDouble(code, Data + 16));
        Assert.Equal(x - y, GetDouble(code, Data + 24));
        Assert.Equal(x * y, GetDouble(code, Data + 32));
        Assert.Equal(x / y, GetDouble(code, Data + 40));
    }

    [Theory]
    [InlineData(0x000, 2.5, 2)]
    [InlineData(0x400, 2.5, 2)]
    [InlineData(0x800, 2.5, 3)]
    [InlineData(0xC00, 2.5, 2)]
    [InlineData(0x000, -3.5, -4)]
    [InlineData(0x400, -3.5, -4)]
    [InlineData(0x800, -3.5, -3)]
    [InlineData(0xC00, -3.5, -3)]
    public void FistpRoundsUnderTheControlWordAndFisttpTruncates(int roundingControl, double value, int expected)
    {
        using var code = RunWithDoubles(a =>
        {
            a.mov(__word_ptr[Data + 0x100], 0x037F | roundingControl);
            a.fldcw(__word_ptr[Data + 0x100]);
            a.fld(__qword_ptr[Data]);
            a.fld(st0);
            a.fistp(__dword_ptr[Data + 16]);
            a.fisttp(__dword_ptr[Data + 20]);
        }, value);
        Assert.Equal(expected, BitConverter.ToInt32(Read(code, Data + 16, 4)));
        Assert.Equal((int)value, BitConverter.ToInt32(Read(code, Data + 20, 4)));
        Assert.Equal(0xFF, code.State->Fpu.EmptyMask);
    }

    [Fact]
    public void FnstswAxReportsTopAndCompareConditions()
    {
        // ST(0) = 1 < ST(1) = 2: C0 alone; two values pushed, one popped by FCOMP: TOP = 7.
        using var code = Run(a => { a.fld1(); a.fadd(st0, st0); a.fld1(); a.fcomp(st0, st1); a.fnstsw(ax); });
        var status = code[Gpr.Eax] & 0xFFFF;
        Assert.Equal(7u, (status >> 11) & 7);
        Assert.Equal((uint)FpuStatus.C0, status & (FpuStatus.C3 | FpuStatus.C0 | FpuStatus.C2));
    }

    [Theory]
    [InlineData(1.0, 2.0, EflagsBits.CF)]
    [InlineData(2.0, 1.0, 0u)]
    [InlineData(2.0, 2.0, EflagsBits.ZF)]
    [InlineData(double.NaN, 2.0, EflagsBits.ZF | EflagsBits.PF | EflagsBits.CF)]
    public void FcomiSetsZfPfCf(double top, double other, uint expected)
    {
        using var code = RunWithDoubles(a => { a.fld(__qword_ptr[Data + 8]); a.fld(__qword_ptr[Data]); a.fucomip(st0, st1); a.fstp(st0); }, top, other);
        Assert.Equal(expected, code.Flags & (EflagsBits.ZF | EflagsBits.PF | EflagsBits.CF | EflagsBits.OF | EflagsBits.SF));
        Assert.Equal(0xFF, code.State->Fpu.EmptyMask);
    }

    [Fact]
    public void PushingANinthValueIsAStackOverflowThatLoadsTheIndefinite()
    {
        using var code = Run(a => { for (var k = 0; k < 9; k++) a.fld1(); a.fstp(__tword_ptr[Data]); });
        var status = code.State->Fpu.Status;
        Assert.Equal(FpuStatus.IE | FpuStatus.SF | FpuStatus.C1, status & (FpuStatus.IE | FpuStatus.SF | FpuStatus.C1));
        var stored = Read(code, Data, 10);
        Assert.Equal(Float80.Indefinite.Significand, BitConverter.ToUInt64(stored));
        Assert.Equal(Float80.Indefinite.SignExponent, BitConverter.ToUInt16(stored, 8));
    }

    [Fact]
    public void ReadingAnEmptyRegisterIsAStackUnderflow()
    {
        using var code = Run(a => { a.fld1(); a.fadd(st0, st3); a.fstp(__qword_ptr[Data]); });
        Assert.Equal(FpuStatus.IE | FpuStatus.SF, code.State->Fpu.Status & (FpuStatus.IE | FpuStatus.SF | FpuStatus.C1));
        Assert.True(double.IsNaN(GetDouble(code, Data)));
    }

    [Fact]
    public void SubtractAndDivideReverseFormsFollowIntelOperandOrder()
    {
        // ST(0) = 8, ST(1) = 2.
        using var code = Run(a =>
        {
            a.mov(__dword_ptr[Data + 0x100], 8); a.mov(__dword_ptr[Data + 0x104], 2);
            a.fild(__dword_ptr[Data + 0x104]); a.fild(__dword_ptr[Data + 0x100]);
            a.fld(st1); a.fsub(st0, st1); a.fstp(__qword_ptr[Data]);        // 2 - 8
            a.fld(st1); a.fsubr(st0, st1); a.fstp(__qword_ptr[Data + 8]);   // 8 - 2
            a.fld(st0); a.fdiv(st2, st0); a.fstp(st0);                      // ST(1) = 2 / 8 (via ST(2) after the push)
            a.fst(__qword_ptr[Data + 16]);
            a.fdivrp(st1, st0);                                             // ST(1) = ST(0) / ST(1) = 8 / 0.25, popped
            a.fstp(__qword_ptr[Data + 24]);
        });
        Assert.Equal(-6.0, GetDouble(code, Data));
        Assert.Equal(6.0, GetDouble(code, Data + 8));
        Assert.Equal(8.0, GetDouble(code, Data + 16));
        Assert.Equal(32.0, GetDouble(code, Data + 24));
        Assert.Equal(0xFF, code.State->Fpu.EmptyMask);
    }

    [Fact]
    public void FnsaveImageHoldsTheEnvironmentAndRegistersAndReinitializes()
    {
        using var code = Run(a =>
        {
            a.fldz(); a.fld1();
            a.fnsave(__[Data]);
            a.fnstcw(__word_ptr[Data + 0x200]);
            a.frstor(__[Data]);
            a.fstp(__qword_ptr[Data + 0x208]);
        });
        var image = Read(code, Data, 108);
        Assert.Equal(0x037F, BitConverter.ToUInt16(image, 0));
        Assert.Equal(6, (BitConverter.ToUInt16(image, 4) >> 11) & 7);
        // Tags by physical register: R6 = 1.0 valid (00), R7 = 0.0 zero (01), the rest empty (11).
        Assert.Equal(0b01_00_11_11_11_11_11_11, BitConverter.ToUInt16(image, 8));
        Assert.Equal(0x3FFF, BitConverter.ToUInt16(image, 28 + 8));
        Assert.Equal(0x037F, BitConverter.ToUInt16(Read(code, Data + 0x200, 2)));
        Assert.Equal(1.0, GetDouble(code, Data + 0x208));
        Assert.Equal(1 << 6 | 0x3F, code.State->Fpu.EmptyMask | 0x3F);
    }

    [Fact]
    public void FsinRoundsToADoubleAndUsesTheDoubleLibmAsQemuDoes()
    {
        using var code = RunWithDoubles(a => { a.fld(__qword_ptr[Data]); a.fsin(); a.fstp(__tword_ptr[Data + 16]); }, 0.75);
        var stored = Read(code, Data + 16, 10);
        var expected = Float80.FromDouble(Math.Sin(0.75));
        Assert.Equal(expected.Significand, BitConverter.ToUInt64(stored));
        Assert.Equal(expected.SignExponent, BitConverter.ToUInt16(stored, 8));
    }

    [Fact]
    public void FstpToAnUnwritablePageFaultsWithoutPopping()
    {
        var code = new GuestCode(a => { a.fld1(); a.fstp(__qword_ptr[0x3000_0000]); });
        using (code)
        {
            Assert.Equal(StopReason.Fault, code.Run());
            Assert.Equal(7, code.State->Fpu.Top);
            Assert.False(X87.IsEmpty(code.State, 0));
        }
    }
}
