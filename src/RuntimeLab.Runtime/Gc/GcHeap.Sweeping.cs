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
    /// Sweeps one block from its top down, so the rebuilt free list is in address order and free
    /// cells at the top simply lower the bump pointer (later sweeps and card scans stop there).
    /// </summary>
    private void SweepBlock(int b)
    {
        ref BlockInfo block = ref _blocks[b];
        nint start = BlockAddress(b);
        int cellSize = block.CellSize;
        nint freeList = 0, bump = block.Bump;
        bool top = true, hasYoung = false;
        int live = 0;
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
                else if (_fullGc || age < _promotionAge)
                {
                    NativeMemory.Clear((void*)(cell + ObjectLayout.HeaderSize), (nuint)(cellSize - ObjectLayout.HeaderSize));
                    free = true;
                }
                else
                    free = false;   // old and unmarked in a minor collection: not looked at, so live
                if (!free && age < _promotionAge)
                    hasYoung = true;   // (age as read before the mark was cleared: marking already aged it)
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
        block.FreeList = freeList;
        block.Bump = bump;
        block.LiveCells = live;
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
