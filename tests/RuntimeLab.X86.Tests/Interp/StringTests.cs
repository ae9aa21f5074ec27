using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;
using static Iced.Intel.AssemblerRegisters;

namespace RuntimeLab.X86.Tests.Interp;

public sealed unsafe class StringTests
{
    private const uint Data = GuestCode.DataAddress;

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(k => (byte)(k * 7 + 1)).ToArray();

    private static byte[] Read(GuestCode code, uint address, int length)
    {
        var bytes = new byte[length];
        code.Memory.Read(address, bytes);
        return bytes;
    }

    [Theory]
    [InlineData(37)]
    [InlineData(0x300)]
    public void RepMovsbForward(int length)
    {
        using var code = new GuestCode(a =>
        {
            a.cld();
            a.mov(esi, Data);
            a.mov(edi, Data + 0x800);
            a.mov(ecx, length);
            a.rep.movsb();
        });
        var source = Pattern(length);
        code.Memory.Write(Data, source);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(source, Read(code, Data + 0x800, length));
        Assert.Equal(0u, code[Gpr.Ecx]);
        Assert.Equal(Data + (uint)length, code[Gpr.Esi]);
        Assert.Equal(Data + 0x800 + (uint)length, code[Gpr.Edi]);
    }

    [Fact]
    public void RepMovsbWithTheDestinationJustAheadReplicatesLikeForwardBytes()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(esi, Data);
            a.mov(edi, Data + 3);
            a.mov(ecx, 30);
            a.rep.movsb();
            a.mov(esi, Data + 0x100);
            a.mov(edi, Data + 0x102);
            a.mov(ecx, 8);
            a.rep.movsd();
        });
        code.Memory.Write(Data, [1, 2, 3]);
        code.Memory.Write(Data + 0x100, [9, 8, 7, 6]);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(Enumerable.Range(0, 33).Select(k => (byte)(k % 3 + 1)).ToArray(), Read(code, Data, 33));
        // Dword by dword, each read after the previous write: the reference is the same loop on a byte array.
        var expected = new byte[0x24];
        new byte[] { 9, 8, 7, 6 }.CopyTo(expected, 0);
        for (var k = 0; k < 8; k++) Array.Copy(expected, k * 4, expected, k * 4 + 2, 4);
        Assert.Equal(expected[..0x22], Read(code, Data + 0x100, 0x22));
    }

    [Fact]
    public void RepMovsbBackwardWithDf()
    {
        using var code = new GuestCode(a =>
        {
            a.std();
            a.mov(esi, Data + 9);
            a.mov(edi, Data + 0x109);
            a.mov(ecx, 10);
            a.rep.movsb();
            a.cld();
        });
        var source = Pattern(10);
        code.Memory.Write(Data, source);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(source, Read(code, Data + 0x100, 10));
        Assert.Equal(Data - 1, code[Gpr.Esi]);
        Assert.Equal(Data + 0xFF, code[Gpr.Edi]);
    }

    [Fact]
    public void RepStosdForwardAndBackward()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(eax, 0x1122_3344);
            a.mov(edi, Data);
            a.mov(ecx, 1000);
            a.rep.stosd();
            a.mov(ebx, edi);
            a.std();
            a.mov(eax, 0x5566_7788);
            a.mov(edi, Data + 0x1000 - 4);
            a.mov(ecx, 3);
            a.rep.stosd();
            a.cld();
        });
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(Data + 4000, code[Gpr.Ebx]);
        var memory = Read(code, Data, 0x1000);
        for (var k = 0; k < 1000; k++) Assert.Equal(0x1122_3344u, BitConverter.ToUInt32(memory, k * 4));
        for (var k = 1; k <= 3; k++) Assert.Equal(0x5566_7788u, BitConverter.ToUInt32(memory, 0x1000 - 4 * k));
        Assert.Equal(0u, BitConverter.ToUInt32(memory, 0x1000 - 16));
        Assert.Equal(Data + 0x1000 - 16, code[Gpr.Edi]);
    }

    [Fact]
    public void RepWithEcxZeroDoesNothingAtAll()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(eax, 5);
            a.cmp(eax, 5);         // ZF=1, CF=0
            a.xor(ecx, ecx);       // still ZF=1
            a.mov(esi, 0x3000_0000); // unmapped: would fault if touched
            a.mov(edi, 0x3000_0000);
            a.rep.movsb();
            a.repne.cmpsb();
            a.rep.stosd();
        });
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(0x3000_0000u, code[Gpr.Esi]);
        Assert.Equal(0x3000_0000u, code[Gpr.Edi]);
        Assert.True((code.Flags & EflagsBits.ZF) != 0);
    }

    [Fact]
    public void RepeCmpsbStopsAtTheFirstDifference()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(esi, Data);
            a.mov(edi, Data + 0x100);
            a.mov(ecx, 11);
            a.repe.cmpsb();
        });
        code.Memory.Write(Data, "hello world"u8.ToArray());
        code.Memory.Write(Data + 0x100, "hello there"u8.ToArray());
        Assert.Equal(StopReason.Syscall, code.Run());
        // Seven compared ('w' against 't' is the seventh), ZF=0, 'w' > 't' so no borrow.
        Assert.Equal(4u, code[Gpr.Ecx]);
        Assert.Equal(Data + 7, code[Gpr.Esi]);
        Assert.Equal(Data + 0x107, code[Gpr.Edi]);
        Assert.Equal(0u, code.Flags & (EflagsBits.ZF | EflagsBits.CF));
    }

    [Fact]
    public void RepneScasbFindsTheTerminator()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(edi, Data);
            a.xor(eax, eax);
            a.mov(ecx, -1);
            a.repne.scasb();
            a.not(ecx);
            a.dec(ecx);            // the strlen idiom
        });
        code.Memory.Write(Data, "RuntimeLab\0"u8.ToArray());
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(10u, code[Gpr.Ecx]);
        Assert.Equal(Data + 11, code[Gpr.Edi]);
    }

    [Fact]
    public void LodsAndScasWords()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(esi, Data);
            a.lodsw();
            a.lodsd();
            a.mov(ebx, eax);
            a.mov(edi, Data);
            a.mov(eax, 0x2211);
            a.scasw();
            a.sete(cl);
        });
        code.Memory.Write(Data, [0x11, 0x22, 0x33, 0x44, 0x55, 0x66]);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(0x6655_4433u, code[Gpr.Ebx]);
        Assert.Equal(Data + 6, code[Gpr.Esi]);
        Assert.Equal(1u, code[Gpr.Ecx] & 0xFF);
    }

    [Fact]
    public void SegmentOverrideAppliesToTheSourceOnly()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(esi, 0x10);
            a.mov(edi, Data + 0x200);
            a.mov(ecx, 4);
            a.db(0xF3, 0x64, 0xA4); // rep fs movsb
        });
        code.Cpu.SetSegmentBase(Seg.Fs, Data);
        code.Memory.Write(Data + 0x10, [1, 2, 3, 4]);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, Read(code, Data + 0x200, 4));
        Assert.Equal(0x14u, code[Gpr.Esi]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RepMovsFaultsAtTheExactElementAndRestarts(bool dwords)
    {
        // The destination runs off the data page after 16 bytes; the page above is unmapped.
        using var code = new GuestCode(a =>
        {
            a.mov(esi, Data);              // 5 bytes
            a.mov(edi, Data + 0xFF0);      // 5
            a.mov(ecx, dwords ? 8 : 32);   // 5
            if (dwords) a.rep.movsd(); else a.rep.movsb();
        });
        var source = Pattern(32);
        code.Memory.Write(Data, source);
        Assert.Equal(StopReason.Fault, code.Run());
        Assert.Equal(FaultVector.PageFault, code.State->Fault.Vector);
        Assert.Equal(Data + 0x1000, code.State->Fault.Address);
        Assert.Equal(GuestCode.CodeAddress + 15, code.State->Eip);
        Assert.Equal(dwords ? 4u : 16u, code[Gpr.Ecx]);
        Assert.Equal(Data + 16, code[Gpr.Esi]);
        Assert.Equal(Data + 0x1000, code[Gpr.Edi]);
        Assert.Equal(source[..16], Read(code, Data + 0xFF0, 16));
        // Map the page and resume: the instruction finishes the job.
        code.Memory.Map(Data + 0x1000, 0x1000, Protection.ReadWrite);
        Assert.Equal(StopReason.Syscall, code.Run());
        Assert.Equal(source, Read(code, Data + 0xFF0, 32));
        Assert.Equal(0u, code[Gpr.Ecx]);
    }

    [Fact]
    public void AnElementStraddlingTheEndOfTheMappingFaultsBeforeAnyByteOfIt()
    {
        using var code = new GuestCode(a =>
        {
            a.mov(eax, 0xAABB_CCDD);
            a.mov(edi, Data + 0xFFA);
            a.mov(ecx, 4);
            a.rep.stosd();
        });
        Assert.Equal(StopReason.Fault, code.Run());
        Assert.Equal(Data + 0x1000, code.State->Fault.Address);
        // The first element fit; the second (0xFFE..0x1001) faulted whole.
        Assert.Equal(3u, code[Gpr.Ecx]);
        Assert.Equal(Data + 0xFFE, code[Gpr.Edi]);
        Assert.Equal(new byte[] { 0xDD, 0xCC, 0xBB, 0xAA, 0, 0 }, Read(code, Data + 0xFFA, 6));
    }
}
