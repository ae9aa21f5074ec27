using Iced.Intel;
using RuntimeLab.X86.Cpu;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Interp;

public sealed unsafe class BitTests
{
    private const uint Data = GuestCode.DataAddress;
    private const uint CF = EflagsBits.CF, ZF = EflagsBits.ZF;

    private static GuestCode Run(Action<Assembler> body, Action<GuestCode>? setup = null)
    {
        var code = new GuestCode(body);
        setup?.Invoke(code);
        Assert.Equal(StopReason.Syscall, code.Run());
        return code;
    }

    private static uint Dword(GuestCode code, uint address)
    {
        var bytes = new byte[4];
        code.Memory.Read(address, bytes);
        return BitConverter.ToUInt32(bytes);
    }

    [Fact]
    public void BtOnRegistersTakesTheOffsetModuloTheWidth()
    {
        using var code = Run(a =>
        {
            a.mov(eax, 0b1000);
            a.mov(ecx, 35);        // bit 3
            a.bt(eax, ecx);
            a.setc(bl);
            a.bts(eax, 4);
            a.btr(eax, 3);         // was set: CF=1
            a.setc(bh);
            a.mov(edx, 0xFFFF);
            a.btc(dx, 17);         // 16-bit: bit 1, was set
            a.setc(cl);
        });
        Assert.Equal(1u, code[Gpr.Ebx] & 0xFF);
        Assert.Equal(1u, (code[Gpr.Ebx] >> 8) & 0xFF);
        Assert.Equal(0b1_0000u, code[Gpr.Eax]);
        Assert.Equal(0xFFFDu, code[Gpr.Edx]);
        Assert.Equal(1u, code[Gpr.Ecx] & 0xFF);
    }

    [Fact]
    public void RegisterOffsetsAddressBeyondAndBeforeTheMemoryOperand()
    {
        using var code = Run(a =>
        {
            a.mov(ebx, Data + 0x100);
            a.mov(ecx, 35);
            a.bts(__dword_ptr[ebx], ecx);   // dword at +4, bit 3
            a.setc(dl);
            a.mov(ecx, -1);
            a.btc(__dword_ptr[ebx], ecx);   // dword at -4, bit 31
            a.setc(dh);
            a.mov(ecx, 17);
            a.btr(__word_ptr[ebx + 8], cx); // word at +10, bit 1
            a.setc(al);
            a.bt(__dword_ptr[ebx], 33);     // immediate: modulo 32, bit 1 of [ebx]
            a.setc(ah);
        }, code =>
        {
            code.Memory.Write(Data + 0xFC, BitConverter.GetBytes(0x8000_0000u));
            code.Memory.Write(Data + 0x100, BitConverter.GetBytes(2u));
            code.Memory.Write(Data + 0x10A, BitConverter.GetBytes((ushort)0xFFFF));
        });
        Assert.Equal(8u, Dword(code, Data + 0x104));
        Assert.Equal(0u, code[Gpr.Edx] & 0xFF);
        Assert.Equal(0u, Dword(code, Data + 0xFC));
        Assert.Equal(1u, (code[Gpr.Edx] >> 8) & 0xFF);
        Assert.Equal(0xFFFDu, Dword(code, Data + 0x10A) & 0xFFFF);
        Assert.Equal(0x0101u, code[Gpr.Eax] & 0xFFFF);
    }

    [Fact]
    public void BtKeepsZeroFlag()
    {
        using var code = Run(a =>
        {
            a.xor(eax, eax);       // ZF=1
            a.mov(ebx, 1);
            a.bt(ebx, 0);          // CF=1, ZF stays 1
        });
        Assert.Equal(CF | ZF, code.Flags & (CF | ZF));
    }

    [Fact]
    public void BsfAndBsr()
    {
        using var code = Run(a =>
        {
            a.mov(eax, 0x0050_0000);
            a.bsf(ecx, eax);
            a.bsr(edx, eax);
            a.mov(esi, 0x1234);
            a.mov(edi, 0x5678);
            a.xor(eax, eax);
            a.add(eax, 1);         // ZF=0 before
            a.xor(eax, eax);
            a.mov(ebp, 1);
            a.test(ebp, ebp);      // ZF=0
            a.bsf(esi, eax);       // source 0: ESI unchanged, ZF=1
            a.bsr(di, ax);         // likewise at 16 bits
        });
        Assert.Equal(20u, code[Gpr.Ecx]);
        Assert.Equal(22u, code[Gpr.Edx]);
        Assert.Equal(0x1234u, code[Gpr.Esi]);
        Assert.Equal(0x5678u, code[Gpr.Edi]);
        Assert.True((code.Flags & ZF) != 0);
    }

    [Fact]
    public void RepBsfIsBsfOnThisCpu()
    {
        using var code = Run(a =>
        {
            a.mov(ebx, 0x50);
            a.db(0xF3, 0x0F, 0xBC, 0xC3); // tzcnt eax, ebx: bsf without BMI1
            a.mov(ecx, 77);
            a.xor(ebx, ebx);
            a.db(0xF3, 0x0F, 0xBC, 0xCB); // tzcnt ecx, ebx with a zero source: ECX unchanged (tzcnt would give 32)
        });
        Assert.Equal(4u, code[Gpr.Eax]);
        Assert.Equal(77u, code[Gpr.Ecx]);
        Assert.True((code.Flags & ZF) != 0);
        Assert.True((code.Flags & CF) == 0);
    }
}
