using System.Runtime.InteropServices;
using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Memory;

/// <summary>
/// The bare-metal machine's linear address space: a soft MMU over <see cref="PhysicalMemory"/>.
/// With CR0.PG clear linear addresses are physical; with it set they go through the guest's page
/// tables (<see cref="PageWalk"/>). Either way a successful slow-path access fills the same
/// direct-mapped <see cref="TlbEntry"/> table user mode uses, so the fast path in <see cref="Mem"/> stays
/// one tag compare. An entry's write tag is set only when the current privilege may write the page,
/// its dirty bit is already set, and no decoded code lives on it, so every other write comes here.
/// The TLB is a cache of the current CPL's rights: CR0, CR3 and CR4 writes and privilege changes flush
/// it (<see cref="FlushTlb"/>), INVLPG drops one page (<see cref="InvalidatePage"/>).
/// </summary>
public sealed unsafe class SystemAddressSpace : IAddressSpace, IDisposable
{
    public const int TlbEntries = 4096;

    private readonly PhysicalMemory _ram;
    private CpuState* _cpu;
    /// <summary>Physical pages holding decoded code, and the linear pages the blocks on them were decoded at.</summary>
    private readonly Dictionary<uint, HashSet<uint>> _codeByPhysicalPage = [];
    private readonly Dictionary<uint, uint> _physicalByCodePage = [];
    private bool _largePagesCached;

    public TlbEntry* Tlb { get; }
    public uint TlbMask => TlbEntries - 1;
    public PhysicalMemory Ram => _ram;

    public event Action<uint>? CodeWritten;

    public SystemAddressSpace(PhysicalMemory ram)
    {
        _ram = ram;
        Tlb = (TlbEntry*)NativeMemory.Alloc(TlbEntries, (nuint)sizeof(TlbEntry));
        FlushTlb();
    }

    /// <summary>The CPU whose CR0, CR3, CR4 and CPL drive translation (created after this space, so attached later).</summary>
    public void Attach(CpuState* cpu)
    {
        _cpu = cpu;
        FlushTlb();
    }

    public static SystemAddressSpace Of(CpuState* s) => (SystemAddressSpace)Mem.AddressSpace(s);

    public bool PagingEnabled => (_cpu->Cr0 & Cr0Bits.PG) != 0;

    public void FlushTlb()
    {
        for (var i = 0; i < TlbEntries; i++) Tlb[i] = new TlbEntry { ReadPage = TlbEntry.Invalid, WritePage = TlbEntry.Invalid };
        _largePagesCached = false;
    }

    /// <summary>INVLPG: forgets the page's translation (all of them when a 4 MiB page may cover it), and re-checks code decoded there.</summary>
    public void InvalidatePage(uint linear)
    {
        if (_largePagesCached) FlushTlb();
        else
        {
            var entry = Tlb + ((linear >> 12) & TlbMask);
            if (entry->ReadPage == linear >> 12 || entry->WritePage == linear >> 12)
                *entry = new TlbEntry { ReadPage = TlbEntry.Invalid, WritePage = TlbEntry.Invalid };
        }
        RecheckCodePages();
    }

    /// <summary>After a change of CR0, CR3 or CR4: the TLB is flushed, and blocks whose linear page now maps elsewhere are dropped.</summary>
    public void TranslationChanged()
    {
        FlushTlb();
        RecheckCodePages();
    }

    /// <summary>
    /// Translates for the current privilege, or throws #PF. <paramref name="user"/> overrides it for
    /// the CPU's own system accesses (descriptor tables, the TSS), which are supervisor accesses at any CPL.
    /// </summary>
    public PageTranslation Translate(uint linear, AccessKind access, bool? user = null)
    {
        if (!PagingEnabled) return new PageTranslation(linear >> 12, Writable: true, LargePage: false);
        return PageWalk.Translate(_ram, _cpu->Cr0, _cpu->Cr3, _cpu->Cr4, linear, access, user ?? _cpu->Cpl == 3);
    }

    public void Read(uint address, Span<byte> destination)
    {
        if ((_cpu->DebugRegs[7] & DebugRegisterBits.Enables) != 0) Interp.Breakpoints.RecordDataAccess(_cpu, address, (uint)destination.Length, write: false);
        Access(address, destination, AccessKind.Read, user: null);
    }

    public void Write(uint address, ReadOnlySpan<byte> source)
    {
        if ((_cpu->DebugRegs[7] & DebugRegisterBits.Enables) != 0) Interp.Breakpoints.RecordDataAccess(_cpu, address, (uint)source.Length, write: true);
        WriteAs(address, source, user: null);
    }
    public void Fetch(uint address, Span<byte> destination) => Read(address, destination);

    /// <summary>A supervisor-privilege access (GDT, IDT, TSS, the ring-0 stack of an interrupt), not cached in the TLB.</summary>
    public uint ReadSystem32(uint linear)
    {
        uint value;
        Access(linear, new Span<byte>(&value, 4), AccessKind.Read, user: false);
        return value;
    }

    public ushort ReadSystem16(uint linear)
    {
        ushort value;
        Access(linear, new Span<byte>(&value, 2), AccessKind.Read, user: false);
        return value;
    }

    public void WriteSystem32(uint linear, uint value) => WriteAs(linear, new ReadOnlySpan<byte>(&value, 4), user: false);
    public void WriteSystem16(uint linear, ushort value) => WriteAs(linear, new ReadOnlySpan<byte>(&value, 2), user: false);

    private void Access(uint address, Span<byte> destination, AccessKind kind, bool? user)
    {
        // Translate every page first: a fault on the second page of a straddling access changes nothing.
        Span<uint> physical = stackalloc uint[2];
        var pages = Pages(address, destination.Length);
        for (var k = 0; k < pages; k++) physical[k] = TranslateAndFill(PageStart(address, k), kind, user);
        var offset = 0;
        for (var k = 0; k < pages; k++)
        {
            var at = address + (uint)offset;
            var count = Math.Min(destination.Length - offset, (int)(PhysicalMemory.PageSize - (at & 0xFFF)));
            _ram.Read((physical[k] << 12) | (at & 0xFFF), destination.Slice(offset, count));
            offset += count;
        }
    }

    private void WriteAs(uint address, ReadOnlySpan<byte> source, bool? user)
    {
        Span<uint> physical = stackalloc uint[2];
        var pages = Pages(address, source.Length);
        for (var k = 0; k < pages; k++) physical[k] = TranslateAndFill(PageStart(address, k), AccessKind.Write, user);
        var offset = 0;
        for (var k = 0; k < pages; k++)
        {
            var at = address + (uint)offset;
            var count = Math.Min(source.Length - offset, (int)(PhysicalMemory.PageSize - (at & 0xFFF)));
            if (_codeByPhysicalPage.Count > 0) CodeOnPageWritten(physical[k]);
            _ram.Write((physical[k] << 12) | (at & 0xFFF), source.Slice(offset, count));
            offset += count;
        }
    }

    /// <summary>The address itself for the first page, the next page's first byte for the second (what CR2 reports if it faults).</summary>
    private static uint PageStart(uint address, int k) => k == 0 ? address : (address & ~(PhysicalMemory.PageSize - 1)) + PhysicalMemory.PageSize;

    private static int Pages(uint address, int length) => (address & 0xFFF) + (uint)length > PhysicalMemory.PageSize ? 2 : 1;

    private uint TranslateAndFill(uint linear, AccessKind kind, bool? user)
    {
        var translation = Translate(linear, kind, user);
        // System accesses run with a privilege the TLB does not describe: they must not fill it.
        if (user is null && _ram.IsRam(translation.PhysicalPage << 12)) Fill(linear >> 12, translation);
        return translation.PhysicalPage;
    }

    private void Fill(uint page, PageTranslation translation)
    {
        // A page a data breakpoint watches stays out of the TLB, so that every access to it comes here.
        if ((_cpu->DebugRegs[7] & DebugRegisterBits.Enables) != 0 && Interp.Breakpoints.WatchesPage(_cpu, page)) return;
        var entry = Tlb + (page & TlbMask);
        var writable = translation.Writable && !_codeByPhysicalPage.ContainsKey(translation.PhysicalPage);
        entry->ReadPage = page;
        entry->WritePage = writable ? page : TlbEntry.Invalid;
        entry->Addend = (nint)_ram.HostPage(translation.PhysicalPage) - ((nint)page << 12);
        _largePagesCached |= translation.LargePage;
    }

    public void WatchCode(uint page)
    {
        if (_physicalByCodePage.ContainsKey(page)) return;
        uint physical;
        try
        {
            physical = Translate(page << 12, AccessKind.Read, user: false).PhysicalPage;
        }
        catch (GuestFaultException)
        {
            return; // the decoder read this page a moment ago; if it no longer translates, nothing decoded can run from it
        }
        _physicalByCodePage[page] = physical;
        if (!_codeByPhysicalPage.TryGetValue(physical, out var linearPages))
        {
            _codeByPhysicalPage[physical] = linearPages = [];
            // Any cached write tag for this physical page (an alias included) must now take the slow path.
            var host = (nint)_ram.HostPage(physical);
            for (var i = 0; i < TlbEntries; i++)
                if (Tlb[i].WritePage != TlbEntry.Invalid && Tlb[i].Addend + ((nint)Tlb[i].WritePage << 12) == host) Tlb[i].WritePage = TlbEntry.Invalid;
        }
        linearPages.Add(page);
    }

    private void CodeOnPageWritten(uint physical)
    {
        if (!_codeByPhysicalPage.Remove(physical, out var linearPages)) return;
        foreach (var page in linearPages)
        {
            _physicalByCodePage.Remove(page);
            CodeWritten?.Invoke(page);
        }
    }

    private void RecheckCodePages()
    {
        List<uint>? moved = null;
        foreach (var (page, physical) in _physicalByCodePage)
        {
            uint? now;
            try { now = Translate(page << 12, AccessKind.Read, user: false).PhysicalPage; }
            catch (GuestFaultException) { now = null; }
            if (now != physical) (moved ??= []).Add(page);
        }
        if (moved is null) return;
        foreach (var page in moved)
        {
            var physical = _physicalByCodePage[page];
            _physicalByCodePage.Remove(page);
            if (_codeByPhysicalPage.TryGetValue(physical, out var set) && set.Remove(page) && set.Count == 0) _codeByPhysicalPage.Remove(physical);
            CodeWritten?.Invoke(page);
        }
    }

    public void Dispose() => NativeMemory.Free(Tlb);
}
