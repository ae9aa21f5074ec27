using Iced.Intel;
using RuntimeLab.X86.Cpu;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Interp;

public sealed unsafe class ShiftTests
{
    private const uint CF = EflagsBits.CF, OF = EflagsBits.OF, ZF = EflagsBits.ZF, SF = EflagsBits.SF, PF = EflagsBits.PF, AF = EflagsBits.AF;
    /// <summary>A recognizable starting EFLAGS, so that "unchanged" is observable.</summary>
    private const uint Initial = 0x202 | CF | ZF | PF | AF | OF;

    private static GuestCode Run(Action<Assembler> body)
    {
        var code = new GuestCode(a =>
        {
            a.push((int)Initial);
            a.popfd();
            body(a);
        });
        Assert.Equal(StopReason.Syscall, code.Run());
        return code;
    }

    private static void AssertResultFlags(uint flags, uint result, uint signBit)
    {
        Assert.Equal((result & (signBit * 2 - 1)) == 0, (flags & ZF) != 0);
        Assert.Equal((result & signBit) != 0, (flags & SF) != 0);
        Assert.Equal(System.Numerics.BitOperations.PopCount(result & 0xFF) % 2 == 0, (flags & PF) != 0);
    }

    [Theory]
    [InlineData(0x8000_0001u, 0)]
    [InlineData(0x8000_0001u, 1)]
    [InlineData(0x4000_0003u, 1)]
    [InlineData(0x0000_0003u, 31)]
    [InlineData(0x8000_0001u, 32)]
    [InlineData(0xC000_0001u, 33)]
    public void Shift32ByClFollowsTheArchitecture(uint value, int count)
    {
        foreach (var kind in new[] { "shl", "shr", "sar" })
        {
            using var code = Run(a =>
            {
                a.mov(eax, value);
                a.mov(ecx, count);
                if (kind == "shl") a.shl(eax, cl);
                else if (kind == "shr") a.shr(eax, cl);
                else a.sar(eax, cl);
            });
            int c = count & 31;
            if (c == 0)
            {
                Assert.Equal(value, code[Gpr.Eax]);
                Assert.Equal(Initial, code.Flags);
                continue;
            }
            uint expected = kind switch { "shl" => value << c, "shr" => value >> c, _ => (uint)((int)value >> c) };
            // CF is the last bit shifted out.
            bool carry = kind == "shl" ? ((value >> (32 - c)) & 1) != 0 : ((value >> (c - 1)) & 1) != 0;
            Assert.Equal(expected, code[Gpr.Eax]);
            Assert.Equal(carry, (code.Flags & CF) != 0);
            AssertResultFlags(code.Flags, expected, 0x8000_0000);
            if (c == 1)
            {
                bool overflow = kind switch { "shl" => ((expected >> 31) != 0) != carry, "shr" => (value >> 31) != 0, _ => false };
                Assert.Equal(overflow, (code.Flags & OF) != 0);
            }
        }
    }

    [Fact]
    public void ByteShiftsUseTheByteWidthAndKeepTheRestOfTheRegister()
    {
        using var code = Run(a =>
        {
            a.mov(eax, 0x1234_5681);
            a.shl(al, 1);          // 0x81 -> 0x02, CF=1, OF = MSB ^ CF = 1
            a.setc(bl);
            a.seto(bh);
            a.mov(edx, 0x0000_8090);
            a.sar(dh, 3);          // 0x80 -> 0xF0, CF = bit 2 of 0x80 = 0
            a.setc(cl);
            a.mov(esi, 0x0000_00F1);
            a.mov(ecx, 9);
            a.shr(si, cl);         // 16-bit: 0x00F1 >> 9 = 0, CF = bit 8 = 0, ZF = 1
        });
        Assert.Equal(0x1234_5602u, code[Gpr.Eax]);
        Assert.Equal(0x0101u, code[Gpr.Ebx] & 0xFFFF);
        Assert.Equal(0xF090u, code[Gpr.Edx]);
        Assert.Equal(0u, code[Gpr.Esi]);
        Assert.True((code.Flags & ZF) != 0);
        Assert.True((code.Flags & CF) == 0);
    }

    [Fact]
    public void ShiftOfMemoryByImmediate()
    {
        using var code = Run(a =>
        {
            a.mov(__dword_ptr[GuestCode.DataAddress], 0x0F00_0001);
            a.shl(__dword_ptr[GuestCode.DataAddress], 5);
            a.mov(eax, __dword_ptr[GuestCode.DataAddress]);
        });
        Assert.Equal(0x0F00_0001u << 5, code[Gpr.Eax]);
        Assert.True((code.Flags & CF) != 0); // bit 27 of the value, the last one out
    }

    private static uint Rotate(uint value, int bits, int n, bool left)
    {
        uint mask = bits == 32 ? uint.MaxValue : (1u << bits) - 1;
        n %= bits;
        if (n == 0) return value;
        return (left ? (value << n) | (value >> (bits - n)) : (value >> n) | (value << (bits - n))) & mask;
    }

    [Theory]
    [InlineData(8, 0x81u)]
    [InlineData(16, 0x8001u)]
    [InlineData(32, 0x8000_0001u)]
    [InlineData(8, 0x42u)]
    public void RotatesAcrossTheWidth(int bits, uint value)
    {
        foreach (var left in new[] { true, false })
            foreach (var count in new[] { 0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33 })
            {
                using var code = Run(a =>
                {
                    a.mov(edx, value);
                    a.mov(ecx, count);
                    switch (bits, left)
                    {
                        case (8, true): a.rol(dl, cl); break;
                        case (8, false): a.ror(dl, cl); break;
                        case (16, true): a.rol(dx, cl); break;
                        case (16, false): a.ror(dx, cl); break;
                        case (_, true): a.rol(edx, cl); break;
                        default: a.ror(edx, cl); break;
                    }
                });
                uint expected = Rotate(value, bits, count & 31, left);
                Assert.Equal(expected, code[Gpr.Edx]);
                if ((count & 31) == 0) { Assert.Equal(Initial, code.Flags); continue; }
                uint msb = (expected >> (bits - 1)) & 1;
                uint cf = left ? expected & 1 : msb;
                Assert.Equal(cf, code.Flags & CF);
                // The other arithmetic flags are left as they were.
                Assert.Equal(Initial & (ZF | SF | PF | AF), code.Flags & (ZF | SF | PF | AF));
                if ((count & 31) == 1)
                {
                    uint of = left ? msb ^ cf : msb ^ ((expected >> (bits - 2)) & 1);
                    Assert.Equal(of != 0, (code.Flags & OF) != 0);
                }
            }
    }

    /// <summary>The architectural definition: count single-bit rotations through CF.</summary>
    private static (uint Value, bool Carry) RotateThroughCarry(uint value, int bits, int count, bool carry, bool left)
    {
        for (var k = 0; k < count; k++)
        {
            if (left)
            {
                bool outBit = ((value >> (bits - 1)) & 1) != 0;
                value = (value << 1) | (carry ? 1u : 0);
                carry = outBit;
            }
            else
            {
                bool outBit = (value & 1) != 0;
                value = (value >> 1) | (carry ? 1u << (bits - 1) : 0);
                carry = outBit;
            }
            value &= bits == 32 ? uint.MaxValue : (1u << bits) - 1;
        }
        return (value, carry);
    }

    [Theory]
    [InlineData(8, 0x81u)]
    [InlineData(16, 0xC003u)]
    [InlineData(32, 0x8000_0003u)]
    public void RotatesThroughCarryTakeTheCountModuloWidthPlusOne(int bits, uint value)
    {
        foreach (var left in new[] { true, false })
            foreach (var count in new[] { 1, 2, 8, 9, 10, 16, 17, 18, 27, 31, 32 })
            {
                using var code = Run(a =>
                {
                    a.mov(edx, value);
                    a.mov(ecx, count);
                    switch (bits, left)
                    {
                        case (8, true): a.rcl(dl, cl); break;
                        case (8, false): a.rcr(dl, cl); break;
                        case (16, true): a.rcl(dx, cl); break;
                        case (16, false): a.rcr(dx, cl); break;
                        case (_, true): a.rcl(edx, cl); break;
                        default: a.rcr(edx, cl); break;
                    }
                });
                int n = (count & 31) % (bits + 1);
                var (expected, carry) = RotateThroughCarry(value, bits, n, carry: true, left);
                Assert.Equal(expected, code[Gpr.Edx]);
                if (n == 0) { Assert.Equal(Initial, code.Flags); continue; }
                Assert.Equal(carry, (code.Flags & CF) != 0);
                Assert.Equal(Initial & (ZF | SF | PF | AF), code.Flags & (ZF | SF | PF | AF));
                if (n == 1)
                {
                    // Intel: RCL OF = MSB(result) ^ CF; RCR OF = MSB(dest) ^ CF before, which is MSB(result) ^ next MSB.
                    uint msb = (expected >> (bits - 1)) & 1;
                    bool of = left ? (msb != 0) != carry : (msb ^ ((expected >> (bits - 2)) & 1)) != 0;
                    Assert.Equal(of, (code.Flags & OF) != 0);
                }
            }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(36)]
    public void DoublePrecisionShifts32(int count)
    {
        const uint dst = 0x8123_4567, src = 0x89AB_CDEF;
        foreach (var right in new[] { false, true })
        {
            using var code = Run(a =>
            {
                a.mov(eax, dst);
                a.mov(ebx, src);
                a.mov(ecx, count);
                if (right) a.shrd(eax, ebx, cl);
                else a.shld(eax, ebx, cl);
                a.mov(edx, dst);
                if (right) a.shrd(edx, ebx, (byte)count);
                else a.shld(edx, ebx, (byte)count);
            });
            int c = count & 31;
            ulong pair = right ? ((ulong)src << 32) | dst : ((ulong)dst << 32) | src;
            uint expected = c == 0 ? dst : right ? (uint)(pair >> c) : (uint)((pair << c) >> 32);
            Assert.Equal(expected, code[Gpr.Eax]);
            Assert.Equal(expected, code[Gpr.Edx]);
            if (c == 0) { Assert.Equal(Initial, code.Flags); continue; }
            bool carry = right ? ((dst >> (c - 1)) & 1) != 0 : ((dst >> (32 - c)) & 1) != 0;
            Assert.Equal(carry, (code.Flags & CF) != 0);
            AssertResultFlags(code.Flags, expected, 0x8000_0000);
        }
    }

    [Fact]
    public void DoublePrecisionShift16()
    {
        using var code = Run(a =>
        {
            a.mov(eax, 0xFFFF_1234);
            a.mov(ebx, 0xABCD);
            a.shld(ax, bx, 4);
            a.mov(edx, 0x1234);
            a.shrd(dx, bx, 4);
        });
        Assert.Equal(0xFFFF_234Au, code[Gpr.Eax]);
        Assert.Equal(0xD123u, code[Gpr.Edx]);
        Assert.True((code.Flags & CF) == 0); // bit 3 of 0x1234
    }
}
