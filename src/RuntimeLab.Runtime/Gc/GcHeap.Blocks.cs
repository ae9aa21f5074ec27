using System.Runtime.InteropServices;

namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// The allocation state of one size class: the block being filled, as loose fields so that the fast
/// path is a few loads and stores. Lives in native memory, one per size class.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct AllocContext
{
    /// <summary>Next free cell of the current block (its header word links to the next one), or 0.</summary>
    public nint FreeList;
    /// <summary>When the free list is empty: the next never-used cell, up to <see cref="BumpEnd"/>.</summary>
    public nint Bump;
    public nint BumpEnd;
    public int CellSize;
    /// <summary>Index of the current block, or −1.</summary>
    public int Block;
    /// <summary>
    /// Bytes handed out from this size class since the heap was made. Kept here, in native memory,
    /// because compiled code allocates inline and counts here too (see <see cref="GcHeap.SmallObjectFastPath"/>).
    /// </summary>
    public long Allocated;

    public const int FreeListOffset = 0, BumpOffset = 8, BumpEndOffset = 16, CellSizeOffset = 24, AllocatedOffset = 32;
}

/// <summary>What the heap knows about one 64 KiB block of the small-object space (a side table, so blocks hold only cells).</summary>
internal struct BlockInfo
{
    /// <summary>Size class of the cells, or −1 for a block not in use.</summary>
    public int SizeClass;
    public int CellSize;
    /// <summary>Free cells below <see cref="Bump"/>, in address order. Stale while the block is current.</summary>
    public nint FreeList;
    /// <summary>Cells at and above this address have never been handed out since the block was taken. Stale while current.</summary>
    public nint Bump;
    /// <summary>Allocated cells, as of the last sweep.</summary>
    public int LiveCells;
    /// <summary>Old cells, as of the last sweep: a minor collection does not mark them but must keep them.</summary>
    public int OldCells;
    /// <summary>Cells marked in the running collection: a block with none (and no old cells) is released without a look at its cells.</summary>
    public int MarkedCells;
    /// <summary>
    /// A free block's cells are zero except their header words, laid out for this cell size; 0: the
    /// whole block is zero; −1: it holds dead objects and is cleared when taken.
    /// </summary>
    public int ZeroLayout;
    public bool IsCurrent;
    /// <summary>In <see cref="GcHeap"/>'s young-block list: may hold young objects, so minor collections sweep it.</summary>
    public bool InYoungList;
    /// <summary>On its size class's stack of blocks with free cells.</summary>
    public bool IsAvailable;
}

public sealed unsafe partial class GcHeap
{
    private readonly AllocContext[] _contextArray;
    private readonly AllocContext* _contexts;
    private BlockInfo[] _blocks = new BlockInfo[64];
    /// <summary>Blocks below this index have been used at some point (the high-water mark of the small space).</summary>
    private int _smallTop;
    private int _blocksInUse;
    /// <summary>Per size class: blocks with free cells, not current. Entries go stale when a block is released; popping checks.</summary>
    private readonly Stack<int>[] _available;
    /// <summary>Empty blocks still committed, kept for reuse.</summary>
    private readonly Stack<int> _freeBlocks = new();
    /// <summary>Empty blocks whose pages went back to the OS.</summary>
    private readonly Stack<int> _decommittedBlocks = new();
    /// <summary>Blocks that may hold young objects: taken for allocation since the last collection, or holding survivors not yet old.</summary>
    private readonly List<int> _youngBlocks = [];

    /// <summary>Writes the context's cursor back into its block and empties it, so the next allocation of the class goes slow.</summary>
    private void RetireContext(int sizeClass)
    {
        AllocContext* c = _contexts + sizeClass;
        int b = c->Block;
        if (b >= 0)
        {
            ref BlockInfo block = ref _blocks[b];
            block.FreeList = c->FreeList;
            block.Bump = c->Bump;
            block.IsCurrent = false;
            if ((c->FreeList != 0 || c->Bump < c->BumpEnd) && !block.IsAvailable)
            {
                block.IsAvailable = true;
                _available[sizeClass].Push(b);
            }
        }
        *c = new AllocContext { Block = -1, Allocated = c->Allocated };
    }

    private void RetireAllContexts()
    {
        for (int i = 0; i < SizeClasses.Count; i++)
            RetireContext(i);
    }

    /// <summary>
    /// Gives the class a block to allocate from: one of its blocks with free cells, else an empty block.
    /// A new block that would break the heap limit first costs a full collection; then it is an error.
    /// </summary>
    private void RefillContext(int sizeClass)
    {
        for (int attempt = 0; ; attempt++)
        {
            int b = PopAvailable(sizeClass);
            if (b < 0 && WithinLimit(BlockSize))
                b = TakeEmptyBlock(sizeClass);
            if (b >= 0)
            {
                ref BlockInfo block = ref _blocks[b];
                AllocContext* c = _contexts + sizeClass;
                nint start = BlockAddress(b);
                c->FreeList = block.FreeList;
                c->Bump = block.Bump;
                c->BumpEnd = start + BlockSize / block.CellSize * block.CellSize;
                c->CellSize = block.CellSize;
                c->Block = b;
                block.FreeList = 0;
                block.IsCurrent = true;
                if (!block.InYoungList)
                {
                    block.InYoungList = true;
                    _youngBlocks.Add(b);
                }
                return;
            }
            if (attempt > 0)
                throw new GcOutOfMemoryException(SizeClasses.CellSizes[sizeClass], HeapSize, HeapLimit);
            Collect(GcKind.Full, "limit");
        }
    }

    private int PopAvailable(int sizeClass)
    {
        Stack<int> stack = _available[sizeClass];
        while (stack.TryPop(out int b))
        {
            ref BlockInfo block = ref _blocks[b];
            if (block.IsAvailable && block.SizeClass == sizeClass)
            {
                block.IsAvailable = false;
                return b;
            }
        }
        return -1;
    }

    private bool WithinLimit(long bytes) => HeapLimit <= 0 || HeapSize + bytes <= HeapLimit;

    /// <summary>An empty block set up for <paramref name="sizeClass"/>: reused, recommitted or fresh; −1 if the reservation is full.</summary>
    private int TakeEmptyBlock(int sizeClass)
    {
        int cellSize = SizeClasses.CellSizes[sizeClass];
        if (!_freeBlocks.TryPop(out int b))
        {
            if (_decommittedBlocks.TryPop(out b))
                VirtualMemory.Commit(BlockAddress(b), BlockSize);
            else if (_smallTop < _smallBlockCapacity)
            {
                b = _smallTop++;
                if (b >= _blocks.Length)
                    Array.Resize(ref _blocks, Math.Min(_blocks.Length * 2, _smallBlockCapacity));
                VirtualMemory.Commit(BlockAddress(b), BlockSize);
                _blocks[b] = new BlockInfo { SizeClass = -1 };
            }
            else
                return -1;
        }
        ref BlockInfo block = ref _blocks[b];
        // Free cells are zero but for the header word, which allocation overwrites; a block last cut
        // into another cell size has link words in the middle of the new cells, so it is cleared.
        if (block.ZeroLayout != 0 && block.ZeroLayout != cellSize)
            NativeMemory.Clear((void*)BlockAddress(b), BlockSize);
        block = new BlockInfo
        {
            SizeClass = sizeClass,
            CellSize = cellSize,
            Bump = BlockAddress(b),
        };
        _blocksInUse++;
        UpdatePeak();
        return b;
    }

    /// <summary>
    /// A sweep found the block empty: it goes to the free pool. Its dead objects are not cleared here
    /// (the block may well be decommitted); taking it again clears it in one go.
    /// </summary>
    private void ReleaseBlock(int b)
    {
        ref BlockInfo block = ref _blocks[b];
        block = new BlockInfo { SizeClass = -1, ZeroLayout = -1 };
        new Span<byte>(_cards + ((nint)b * CardsPerBlock), CardsPerBlock).Clear();
        _blocksInUse--;
        _freeBlocks.Push(b);
    }

    /// <summary>
    /// Returns empty blocks to the OS beyond a nursery's worth kept for the next allocations, so that
    /// after garbage is dropped the committed memory comes back to the live size. Only when there are
    /// twice that many: decommitting costs a system call and the pages fault back in on reuse, so a
    /// steady nursery churn must not pay it at every collection. Adjacent blocks go in one call.
    /// </summary>
    private void DecommitExcessBlocks()
    {
        int keep = (int)(_nurseryBytes / BlockSize);
        if (_freeBlocks.Count <= 2 * keep)
            return;
        var release = new List<int>(_freeBlocks.Count - keep);
        while (_freeBlocks.Count > keep)
            release.Add(_freeBlocks.Pop());
        release.Sort();
        for (int i = 0; i < release.Count;)
        {
            int j = i + 1;
            while (j < release.Count && release[j] == release[j - 1] + 1)
                j++;
            VirtualMemory.Decommit(BlockAddress(release[i]), (nuint)(j - i) * BlockSize);
            i = j;
        }
        // Pushed highest first, so the lowest blocks are reused first and the heap stays compact.
        for (int i = release.Count - 1; i >= 0; i--)
        {
            _blocks[release[i]].ZeroLayout = 0;
            _decommittedBlocks.Push(release[i]);
        }
    }
}
