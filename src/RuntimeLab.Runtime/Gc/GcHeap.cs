using System.Runtime.CompilerServices;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// The application VM's heap: a non-moving, generational mark-sweep collector over native memory.
/// One instance per VM; no static mutable state, so several VMs can run in one process. Not
/// thread-safe: the VM allocates, stores references and collects from one thread at a time.
/// <para>
/// Layout: one reserved address range. Its lower half holds 64 KiB blocks, each cut into cells of
/// one size class (bump allocation in a fresh block, per-block free lists after a sweep); its upper
/// half holds large objects (&gt; <see cref="SizeClasses.MaxSmallSize"/> bytes) on whole pages. A card
/// table with one byte per 512 bytes covers the whole range.
/// </para>
/// <para>
/// Generations live in the header: two age bits count the collections an object survived; at
/// <see cref="GcHeapOptions.PromotionAge"/> it is old. A minor collection marks only young objects,
/// from the roots and from the dirty cards of old objects, and sweeps only the blocks that can hold
/// young objects; a full collection marks and sweeps everything. Objects never move, so host code
/// may hold raw references across allocations (as long as it reports them as roots).
/// </para>
/// </summary>
public sealed unsafe partial class GcHeap : IDisposable
{
    public const int BlockShift = 16;
    public const int BlockSize = 1 << BlockShift;
    /// <summary>One card byte covers 2^CardShift bytes of heap.</summary>
    public const int CardShift = 9;
    public const int CardSize = 1 << CardShift;
    private const int CardsPerBlock = BlockSize >> CardShift;

    private const ulong MarkBit = (ulong)ObjectHeader.Marked;
    private const ulong AgeBits = (ulong)ObjectHeader.AgeMask;
    private const int AgeShift = (int)ObjectHeader.AgeShift;
    private const int MaxAge = 3;

    // The reservation: [_base, _base + _reserved) = small-object blocks, then the large-object space.
    private readonly nint _base;
    private readonly nuint _reserved;
    private readonly nint _largeBase;
    private readonly int _smallBlockCapacity;
    private readonly byte* _cards;
    private readonly nuint _cardBytes;
    private readonly int _pageSize;

    private readonly int _promotionAge;
    private readonly long _nurseryBytes;
    private readonly double _fullGrowthFactor;
    private readonly long _minFullHeadroom;

    private readonly GcRootReporter _reporter;
    private bool _disposed;

    public GcHeap(GcHeapOptions? options = null)
    {
        options ??= new GcHeapOptions();
        if (options.PromotionAge is < 1 or > MaxAge)
            throw new ArgumentOutOfRangeException(nameof(options), "PromotionAge must be 1..3.");
        _promotionAge = options.PromotionAge;
        _nurseryBytes = Math.Max(options.NurseryBytes, BlockSize);
        _fullGrowthFactor = Math.Max(options.FullGrowthFactor, 1.1);
        _minFullHeadroom = Math.Max(options.MinFullHeadroom, 0);
        HeapLimit = options.HeapLimit;
        _gcStress = Math.Max(options.GcStress, 0);
        Trace = options.Trace;
        _pageSize = Math.Max(VirtualMemory.PageSize, 4096);

        // Both halves must hold the limit (one huge array may take it all); round to whole blocks.
        long want = Math.Max(options.ReserveBytes, options.HeapLimit > 0 ? 2 * options.HeapLimit + 4 * BlockSize : 0);
        nuint reserve = (nuint)Math.Max(want, 4L * BlockSize) + (2 * BlockSize - 1) & ~(nuint)(2 * BlockSize - 1);
        while ((_base = VirtualMemory.Reserve(reserve)) == 0)
        {
            if (reserve <= 64u << 20)
                throw new OutOfMemoryException("Cannot reserve address space for the GC heap.");
            reserve /= 2;
        }
        _reserved = reserve;
        _largeBase = _base + (nint)(reserve / 2);
        _smallBlockCapacity = (int)Math.Min(reserve / 2 / BlockSize, int.MaxValue);
        _cardBytes = reserve >> CardShift;
        _cards = (byte*)VirtualMemory.Reserve(_cardBytes);
        if (_cards == null)
        {
            VirtualMemory.Release(_base, _reserved);
            throw new OutOfMemoryException("Cannot reserve the GC card table.");
        }
        VirtualMemory.Commit((nint)_cards, _cardBytes);

        // A pinned managed array, not native memory: after Dispose the empty contexts still send every
        // allocation to the slow path, which throws ObjectDisposedException instead of crashing.
        _contextArray = GC.AllocateArray<AllocContext>(SizeClasses.Count, pinned: true);
        _contexts = (AllocContext*)Unsafe.AsPointer(ref _contextArray[0]);
        _available = new Stack<int>[SizeClasses.Count];
        for (int i = 0; i < SizeClasses.Count; i++)
        {
            _contexts[i].Block = -1;
            _available[i] = new Stack<int>();
        }
        _reporter = new GcRootReporter(this);
        _nextFullThreshold = _minFullHeadroom;
    }

    /// <summary>The VM's root provider; may be set after construction. Null means "no roots but handles".</summary>
    public IGcRootProvider? Roots { get; set; }

    /// <summary>Strong, pinned and weak handles owned by the runtime.</summary>
    public GcHandles Handles { get; } = new();

    /// <summary>Bytes the heap may occupy (small blocks in use plus large objects); 0 = no limit.</summary>
    public long HeapLimit { get; set; }

    /// <summary>0 = off; N: a minor collection at every allocation and a full one at every N-th.</summary>
    public int GcStress
    {
        get => _gcStress;
        set
        {
            _gcStress = Math.Max(value, 0);
            if (!_disposed)
                RetireAllContexts();   // so that the next allocation takes the slow path
        }
    }
    private int _gcStress;

    /// <summary>When set, one line per collection (<c>--gc-trace</c>).</summary>
    public TextWriter? Trace { get; set; }

    /// <summary>Card table base biased so that <c>CardTableBiased[address &gt;&gt; CardShift]</c> is the card of any heap address.</summary>
    public nint CardTableBiased => (nint)_cards - (_base >> CardShift);
    public nint CardTable => (nint)_cards;
    public nint ReservedBase => _base;
    public nint ReservedBytes => (nint)_reserved;

    /// <summary>Bytes in use: small-object blocks holding (or being filled with) objects, plus large objects.</summary>
    public long HeapSize => (long)_blocksInUse * BlockSize + _largeBytes;

    /// <summary>Bytes of memory taken from the OS: blocks in use, empty blocks kept for reuse, large objects.</summary>
    public long CommittedBytes => (long)(_blocksInUse + _freeBlocks.Count) * BlockSize + _largeBytes;

    /// <summary>Is <paramref name="address"/> inside the heap's reserved range?</summary>
    public bool IsInHeap(nint address) => (nuint)(address - _base) < _reserved;

    /// <summary>
    /// The object whose memory contains <paramref name="address"/> (its header word included), or 0 if
    /// the address is outside the heap, in a free cell, or in no object. O(1) for small objects (block
    /// table, then a division by the cell size); O(log n) for large ones.
    /// </summary>
    public nint FindObject(nint address)
    {
        nuint offset = (nuint)(address - _base);
        if (offset >= _reserved)
            return 0;
        if (address >= _largeBase)
            return FindLargeObject(address);
        int b = (int)(offset >> BlockShift);
        if (b >= _smallTop)
            return 0;
        ref BlockInfo block = ref _blocks[b];
        if (block.SizeClass < 0)
            return 0;
        nint start = BlockAddress(b);
        nint cell = start + (address - start) / block.CellSize * block.CellSize;
        nint bump = block.IsCurrent ? _contexts[block.SizeClass].Bump : block.Bump;
        if (cell >= bump || *(nint*)(cell + ObjectLayout.HeaderSize) == 0)
            return 0;   // never allocated, or a free cell (free cells have a zero MethodTable word)
        return cell + ObjectLayout.HeaderSize;
    }

    /// <summary>
    /// The generation a program sees through GC.GetGeneration: 0 for an object that has survived no
    /// collection, 1 for a young survivor, 2 (GC.MaxGeneration) once it is old. The ages are the
    /// header's age bits, so this is exactly what the next minor collection will treat as young.
    /// </summary>
    public int GenerationOf(nint obj)
    {
        int age = AgeOf(*(ulong*)(obj - ObjectLayout.HeaderSize));
        return age >= _promotionAge ? MaxGeneration : Math.Min(age, MaxGeneration - 1);
    }

    /// <summary>The oldest generation GC.GetGeneration reports, as CoreCLR's 2.</summary>
    public const int MaxGeneration = 2;

    /// <summary>Size in bytes of an object, header included, rounded to 8: what its allocation asked for.</summary>
    public static long ObjectSize(nint obj)
    {
        MethodTable* mt = *(MethodTable**)obj;
        long size = ObjectLayout.HeaderSize + (long)FixedSize(mt);
        if (mt->HasComponents)
            size += (long)*(int*)(obj + ObjectLayout.ArrayLengthOffset) * mt->ComponentSize;
        return (size + 7) & ~7L;
    }

    /// <summary>Bytes before the first element (or all of an object), from the object pointer.</summary>
    private static uint FixedSize(MethodTable* mt)
        => (mt->Flags & MethodTableFlags.MultiDimArray) != 0
            ? Math.Max(mt->BaseSize, (uint)ObjectLayout.MdArrayDataOffset(mt->Rank))
            : mt->BaseSize;

    private static int DataOffset(MethodTable* mt)
        => (mt->Flags & MethodTableFlags.MultiDimArray) != 0 ? ObjectLayout.MdArrayDataOffset(mt->Rank) : ObjectLayout.SzArrayDataOffset;

    private nint BlockAddress(int block) => _base + ((nint)block << BlockShift);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Frees all native memory. References into the heap are dangling afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        VirtualMemory.Release(_base, _reserved);
        VirtualMemory.Release((nint)_cards, _cardBytes);
        for (int i = 0; i < SizeClasses.Count; i++)
            _contexts[i] = new AllocContext { Block = -1 };
    }
}
