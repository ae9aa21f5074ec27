using System.Runtime.InteropServices;
using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Memory;

/// <summary>
/// Linux user mode's flat 4 GiB guest address space. All of it is reserved up front in one host
/// mapping, so guest address A is host address Base + A and no guest address, whatever its value,
/// can reach host memory outside the reservation. Guest permissions live in a per-page table; the
/// fast-path entry of a page is valid only for the accesses its permissions allow, so a host fault
/// can never happen: anything else takes the slow path, which raises a guest page fault.
/// </summary>
public sealed unsafe class UserAddressSpace : IAddressSpace, IDisposable
{
    public const uint PageSize = 0x1000;
    private const ulong SpaceSize = 1ul << 32;
    private const int PageCount = 1 << 20;

    private readonly nint _base;
    private readonly Protection[] _protection = new Protection[PageCount];
    private readonly bool[] _watched = new bool[PageCount];
    private bool _disposed;

    /// <summary>One fast-path entry per guest page: user mode never misses for a legal access.</summary>
    public TlbEntry* Tlb { get; }
    public uint TlbMask => PageCount - 1;

    public event Action<uint>? CodeWritten;

    public UserAddressSpace()
    {
        _base = HostMemory.Reserve(SpaceSize);
        Tlb = (TlbEntry*)NativeMemory.Alloc(PageCount, (nuint)sizeof(TlbEntry));
        for (var page = 0; page < PageCount; page++)
            Tlb[page] = new TlbEntry { ReadPage = TlbEntry.Invalid, WritePage = TlbEntry.Invalid, Addend = _base };
    }

    public static uint PageOf(uint address) => address >> 12;
    public static uint AlignDown(uint address) => address & ~(PageSize - 1);
    public static ulong AlignUp(ulong value) => (value + PageSize - 1) & ~(ulong)(PageSize - 1);

    public Protection ProtectionOf(uint address) => _protection[address >> 12];
    public bool IsMapped(uint page) => _protection[page] != Protection.None || _committed[page];

    private readonly bool[] _committed = new bool[PageCount];

    /// <summary>Maps zero-filled pages covering [start, start + length) with <paramref name="protection"/>.</summary>
    public void Map(uint start, ulong length, Protection protection)
    {
        var (first, count) = Pages(start, length);
        HostMemory.Commit(_base + (nint)((ulong)first << 12), (ulong)count << 12);
        for (var page = first; page < first + count; page++)
        {
            _committed[page] = true;
            SetProtection(page, protection);
        }
    }

    /// <summary>Changes permissions of mapped pages (mprotect).</summary>
    public void Protect(uint start, ulong length, Protection protection)
    {
        var (first, count) = Pages(start, length);
        for (var page = first; page < first + count; page++)
            if (_committed[page]) SetProtection(page, protection);
    }

    /// <summary>Unmaps pages; they read as zero when mapped again.</summary>
    public void Unmap(uint start, ulong length)
    {
        var (first, count) = Pages(start, length);
        for (var page = first; page < first + count; page++)
        {
            if (!_committed[page]) continue;
            if (_watched[page]) { _watched[page] = false; CodeWritten?.Invoke(page); }
            _committed[page] = false;
            SetProtection(page, Protection.None);
            HostMemory.Decommit(_base + (nint)((ulong)page << 12), PageSize);
        }
    }

    /// <summary>
    /// fork: a new address space with this one's mappings, permissions and contents, copied now
    /// (there is no copy-on-write). Runs of mapped pages are committed and copied together.
    /// </summary>
    public UserAddressSpace Clone()
    {
        var copy = new UserAddressSpace();
        for (uint page = 0; page < PageCount;)
        {
            if (!_committed[page]) { page++; continue; }
            var first = page;
            while (page < PageCount && _committed[page]) page++;
            var offset = (nint)((ulong)first << 12);
            var bytes = (ulong)(page - first) << 12;
            HostMemory.Commit(copy._base + offset, bytes);
            Buffer.MemoryCopy((void*)(_base + offset), (void*)(copy._base + offset), bytes, bytes);
            for (var p = first; p < page; p++)
            {
                copy._committed[p] = true;
                copy.SetProtection(p, _protection[p]);
            }
        }
        return copy;
    }

    /// <summary>The lowest free range of <paramref name="length"/> bytes at or above <paramref name="from"/>, or null.</summary>
    public uint? FindFree(ulong length, uint from, uint below = 0xC000_0000)
    {
        var needed = (uint)(AlignUp(length) >> 12);
        uint run = 0;
        for (var page = PageOf(from); page < PageOf(below); page++)
        {
            run = _committed[page] ? 0 : run + 1;
            if (run == needed) return (page - needed + 1) << 12;
        }
        return null;
    }

    private static (uint First, uint Count) Pages(uint start, ulong length)
    {
        var first = start >> 12;
        var end = Math.Min(AlignUp(start + length) >> 12, PageCount);
        return (first, (uint)(end - first));
    }

    private void SetProtection(uint page, Protection protection)
    {
        _protection[page] = protection;
        Tlb[page].ReadPage = (protection & Protection.Read) != 0 ? page : TlbEntry.Invalid;
        Tlb[page].WritePage = (protection & Protection.Write) != 0 && !_watched[page] ? page : TlbEntry.Invalid;
    }

    public void WatchCode(uint page)
    {
        if (_watched[page]) return;
        _watched[page] = true;
        Tlb[page].WritePage = TlbEntry.Invalid;
    }

    public void Read(uint address, Span<byte> destination)
    {
        CheckRange(address, destination.Length, Protection.Read, isWrite: false);
        var offset = 0;
        while (offset < destination.Length)
        {
            var at = address + (uint)offset;
            var count = Math.Min(destination.Length - offset, (int)(PageSize - (at & 0xFFF)));
            new ReadOnlySpan<byte>((void*)(_base + (nint)at), count).CopyTo(destination.Slice(offset, count));
            offset += count;
        }
    }

    public void Fetch(uint address, Span<byte> destination) => Read(address, destination);

    public void Write(uint address, ReadOnlySpan<byte> source)
    {
        // Check every page before writing any byte, so that a faulting write changes nothing.
        CheckRange(address, source.Length, Protection.Write, isWrite: true);
        var offset = 0;
        while (offset < source.Length)
        {
            var at = address + (uint)offset;
            var page = at >> 12;
            if (_watched[page])
            {
                _watched[page] = false;
                SetProtection(page, _protection[page]);
                CodeWritten?.Invoke(page);
            }
            var count = Math.Min(source.Length - offset, (int)(PageSize - (at & 0xFFF)));
            source.Slice(offset, count).CopyTo(new Span<byte>((void*)(_base + (nint)at), count));
            offset += count;
        }
    }

    /// <summary>Reads a NUL-terminated string (at most <paramref name="limit"/> bytes) for a system call.</summary>
    public byte[] ReadCString(uint address, int limit = 4096)
    {
        var bytes = new List<byte>();
        Span<byte> one = stackalloc byte[1];
        for (var i = 0; i < limit; i++)
        {
            Read(address + (uint)i, one);
            if (one[0] == 0) return [.. bytes];
            bytes.Add(one[0]);
        }
        throw GuestFaultException.PageFault(address, write: false);
    }

    private void CheckRange(uint address, int length, Protection needed, bool isWrite)
    {
        var offset = 0;
        while (offset < length)
        {
            var at = address + (uint)offset;
            // A mapped page that forbids the access is a protection fault (P = 1: SEGV_ACCERR), not a missing page.
            if ((_protection[at >> 12] & needed) == 0) throw GuestFaultException.PageFault(at, isWrite, present: _committed[at >> 12]);
            offset += (int)(PageSize - (at & 0xFFF));
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        HostMemory.Release(_base, SpaceSize);
        NativeMemory.Free(Tlb);
    }
}
