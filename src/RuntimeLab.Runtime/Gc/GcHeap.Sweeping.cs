using System.Runtime.InteropServices;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// Sweeping: dead cells are zeroed (so allocation need not) and threaded onto their block's free
/// list; marks are cleared; empty blocks and dead large objects are released. A minor collection
/// sweeps only the young blocks and young large objects; old objects in them are left alone.
/// </summary>
public sealed unsafe partial class GcHeap
{
    private void SweepYoung()
    {
        // A block may come back into the list below; build the new list aside.
        int count = _youngBlocks.Count;
        for (int i = 0; i < count; i++)
        {
            int b = _youngBlocks[i];
            _blocks[b].InYoungList = false;
            SweepBlock(b);
        }
        _youngBlocks.RemoveRange(0, count);

        var stillYoung = new List<LargeObject>();
        foreach (LargeObject lo in _youngLarge)
            if (SweepLarge(lo))
            {
                if (AgeOf(*(ulong*)lo.Start) < _promotionAge)
                    stillYoung.Add(lo);
            }
            else
                _large.RemoveAt(LargeIndexAtOrBefore(lo.Start));
        _youngLarge = stillYoung;
    }

    private void SweepAll()
    {
        _youngBlocks.Clear();
        foreach (Stack<int> stack in _available)
            stack.Clear();
        for (int b = 0; b < _smallTop; b++)
        {
            ref BlockInfo block = ref _blocks[b];
            if (block.SizeClass < 0)
                continue;
            block.InYoungList = false;
            block.IsAvailable = false;
            SweepBlock(b);
        }

        var kept = new List<LargeObject>(_large.Count);
        var young = new List<LargeObject>();
        foreach (LargeObject lo in _large)
        {
            if (!SweepLarge(lo))
                continue;
            kept.Add(lo);
            if (AgeOf(*(ulong*)lo.Start) < _promotionAge)
                young.Add(lo);
        }
        _large = kept;
        _youngLarge = young;
    }

    /// <summary>
    /// Sweeps one block. A block where nothing was marked and nothing old is kept is released without
    /// reading its cells — the common case for nursery blocks. Otherwise the cells are visited from the
    /// top down, so the rebuilt free list is in address order and free cells at the top just lower the
    /// bump pointer; the cells that died are cleared afterwards, only if the block stays in use.
    /// </summary>
    private void SweepBlock(int b)
    {
        ref BlockInfo block = ref _blocks[b];
        if (block.MarkedCells == 0 && (_fullGc || block.OldCells == 0))
        {
            ReleaseBlock(b);
            return;
        }
        block.MarkedCells = 0;
        nint start = BlockAddress(b);
        int cellSize = block.CellSize;
        nint freeList = 0, bump = block.Bump, oldBump = block.Bump;
        bool top = true, hasYoung = false;
        int live = 0, old = 0;
        for (nint cell = block.Bump - cellSize; cell >= start; cell -= cellSize)
        {
            ulong* h = (ulong*)cell;
            bool free;
            if (*(nint*)(cell + ObjectLayout.HeaderSize) == 0)
                free = true;   // already free
            else
            {
                ulong header = *h;
                int age = AgeOf(header);
                if ((header & MarkBit) != 0)
                {
                    *h = header & ~MarkBit;
                    free = false;
                }
                else
                    free = _fullGc || age < _promotionAge;   // old and unmarked in a minor collection: not looked at, so live
                if (!free)
                {
                    if (age < _promotionAge)
                        hasYoung = true;
                    else
                        old++;
                }
            }
            if (free)
            {
                if (top)
                    bump = cell;
                else
                {
                    *h = (ulong)freeList;
                    freeList = cell;
                }
            }
            else
            {
                top = false;
                live++;
            }
        }
        if (live == 0)
        {
            ReleaseBlock(b);
            return;
        }
        // Free cells must read as zero but for the link: clear what died (its MethodTable word is still set).
        NativeMemory.Clear((void*)bump, (nuint)(oldBump - bump));
        for (nint cell = freeList; cell != 0; cell = *(nint*)cell)
            if (*(nint*)(cell + ObjectLayout.HeaderSize) != 0)
                NativeMemory.Clear((void*)(cell + ObjectLayout.HeaderSize), (nuint)(cellSize - ObjectLayout.HeaderSize));
        block.FreeList = freeList;
        block.Bump = bump;
        block.LiveCells = live;
        block.OldCells = old;
        if (hasYoung && !block.InYoungList)
        {
            block.InYoungList = true;
            _youngBlocks.Add(b);
        }
        nint bumpEnd = start + BlockSize / cellSize * cellSize;
        if ((freeList != 0 || bump < bumpEnd) && !block.IsAvailable)
        {
            block.IsAvailable = true;
            _available[block.SizeClass].Push(b);
        }
    }

    /// <summary>Sweeps one large object; false if it was dead and has been freed (the caller unlists it).</summary>
    private bool SweepLarge(LargeObject lo)
    {
        ulong* h = (ulong*)lo.Start;
        ulong header = *h;
        if ((header & MarkBit) != 0)
        {
            *h = header & ~MarkBit;
            return true;
        }
        if (!_fullGc && AgeOf(header) >= _promotionAge)
            return true;
        FreeLarge(lo);
        return false;
    }
}
