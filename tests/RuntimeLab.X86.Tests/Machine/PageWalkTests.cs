using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Tests.Machine;

/// <summary>The soft MMU's page walk against the Intel SDM's rules: rights, CR0.WP, accessed and dirty bits, 4 MiB pages, error codes.</summary>
public sealed class PageWalkTests : IDisposable
{
    private const uint Directory = 0x1000, Table = 0x2000;
    private const uint P = 1, W = 2, U = 4, A = 0x20, D = 0x40, Large = 0x80;
    private readonly PhysicalMemory _ram = new(8);

    public PageWalkTests()
    {
        _ram.Write32(Directory, Table | P | W | U);
    }

    private PageTranslation Walk(uint linear, AccessKind access, bool user, uint cr0 = Cr0Bits.PE | Cr0Bits.PG, uint cr4 = 0) =>
        PageWalk.Translate(_ram, cr0, Directory, cr4, linear, access, user);

    private GuestFault Fault(uint linear, AccessKind access, bool user, uint cr0 = Cr0Bits.PE | Cr0Bits.PG) =>
        Assert.Throws<GuestFaultException>(() => Walk(linear, access, user, cr0)).Fault;

    [Fact]
    public void AMappedPageTranslatesAndGetsItsAccessedAndDirtyBits()
    {
        _ram.Write32(Table + 4 * 5, 0x0030_0000 | P | W | U);
        Assert.Equal(0x300u, Walk(0x5123, AccessKind.Read, user: true).PhysicalPage);
        Assert.Equal(A, _ram.Read32(Table + 4 * 5) & (A | D));
        Walk(0x5123, AccessKind.Write, user: true);
        Assert.Equal(A | D, _ram.Read32(Table + 4 * 5) & (A | D));
        Assert.Equal(A, _ram.Read32(Directory) & A);
    }

    [Fact]
    public void ANotPresentPageFaultsWithTheAccessInTheErrorCode()
    {
        var fault = Fault(0x7000, AccessKind.Write, user: true);
        Assert.Equal(FaultVector.PageFault, fault.Vector);
        Assert.Equal(0x7000u, fault.Address);
        Assert.Equal(W | U, fault.ErrorCode); // not present, write, user
    }

    [Fact]
    public void UserCodeCannotTouchSupervisorPages()
    {
        _ram.Write32(Table + 4 * 3, 0x0030_0000 | P | W);
        Assert.Equal(P | U, Fault(0x3000, AccessKind.Read, user: true).ErrorCode);
        Walk(0x3000, AccessKind.Write, user: false);
    }

    [Fact]
    public void SupervisorWritesToReadOnlyPagesFaultOnlyUnderWriteProtect()
    {
        _ram.Write32(Table + 4 * 4, 0x0030_0000 | P | U);
        Walk(0x4000, AccessKind.Write, user: false);
        Assert.Equal(P | W, Fault(0x4000, AccessKind.Write, user: false, cr0: Cr0Bits.PE | Cr0Bits.PG | Cr0Bits.WP).ErrorCode);
        Assert.Equal(P | W | U, Fault(0x4000, AccessKind.Write, user: true).ErrorCode);
    }

    [Fact]
    public void TheDirectoryEntryLimitsTheTablesRights()
    {
        _ram.Write32(Directory, Table | P | U); // read-only directory entry over a writable page
        _ram.Write32(Table + 4 * 6, 0x0030_0000 | P | W | U);
        Assert.False(Walk(0x6000, AccessKind.Read, user: true).Writable);
        Assert.Equal(P | W | U, Fault(0x6000, AccessKind.Write, user: true).ErrorCode);
    }

    [Fact]
    public void FourMegabytePagesNeedCr4Pse()
    {
        _ram.Write32(Directory + 4, 0x0040_0000 | P | W | Large | D);
        var translation = Walk(0x0040_5000, AccessKind.Read, user: false, cr4: Cr4Bits.PSE);
        Assert.True(translation.LargePage);
        Assert.Equal(0x405u, translation.PhysicalPage);
        // Without PSE the PS bit is ignored and the entry names a page table (here: RAM of zeros, so not present).
        Assert.Throws<GuestFaultException>(() => Walk(0x0040_5000, AccessKind.Read, user: false));
    }

    [Fact]
    public void AWriteTagIsOfferedOnlyOnceTheDirtyBitIsSet()
    {
        _ram.Write32(Table + 4 * 8, 0x0030_0000 | P | W);
        Assert.False(Walk(0x8000, AccessKind.Read, user: false).Writable);
        Assert.True(Walk(0x8000, AccessKind.Write, user: false).Writable);
        Assert.True(Walk(0x8000, AccessKind.Read, user: false).Writable);
    }

    public void Dispose() => _ram.Dispose();
}
