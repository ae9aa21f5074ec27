using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// What the frontend needs of a translation unit, taken on the CPU's thread for the frontend to lower
/// on another (the blocks themselves may be invalidated and freed while it compiles): the entry
/// block's key, and a copy of the ops of each block in the unit. The unit is the entry block and the
/// already-decoded blocks its direct branches reach on the entry's own pages (<see cref="MaxBlocks"/>
/// at most), so a hot loop of several blocks becomes one function with a loop in it. Keeping to the
/// entry's pages is what makes the unit safe: a write that invalidates any of its blocks
/// invalidates the entry too, and the compiled code dies with it.
/// </summary>
/// <remarks>
/// The compiled code still names the blocks' own ops (helper calls and fault exits pass them), which
/// is safe because it is installed only if the entry block is still live.
/// </remarks>
public sealed unsafe class BlockSnapshot
{
    public const int MaxBlocks = 8;

    public required uint Eip { get; init; }
    public required uint CodeBase { get; init; }
    public required CodeMode Mode { get; init; }
    /// <summary>The entry block first, then the others in the order they were found.</summary>
    public required IReadOnlyList<UnitBlock> Blocks { get; init; }
    public required nint Block { get; init; }
    public required uint Serial { get; init; }
    /// <summary>The block cache's direct-mapped table, which compiled code reads to chain to the next block.</summary>
    public required nint FastTable { get; init; }

    /// <summary>Guest instructions in the unit.</summary>
    public int Count => Blocks.Sum(b => b.Ops.Length);

    /// <summary>
    /// The unit that starts at <paramref name="block"/>. With <paramref name="cache"/>, the blocks its direct
    /// branches reach join it; without, it is the block alone.
    /// </summary>
    public static BlockSnapshot Of(Block* block, nint fastTable, BlockCache? cache = null)
    {
        var blocks = new List<UnitBlock> { UnitBlock.Of(block) };
        if (cache is not null)
        {
            var seen = new HashSet<uint> { block->Eip };
            for (var next = 0; next < blocks.Count && blocks.Count < MaxBlocks; next++)
            {
                foreach (var target in blocks[next].DirectTargets())
                {
                    if (blocks.Count == MaxBlocks || !seen.Add(target)) continue;
                    var found = cache.Peek(target, block->CodeBase, block->Mode);
                    if (found != null && found->FirstPage >= block->FirstPage && found->LastPage <= block->LastPage) blocks.Add(UnitBlock.Of(found));
                }
            }
        }
        return new BlockSnapshot
        {
            Eip = block->Eip, CodeBase = block->CodeBase, Mode = block->Mode, Blocks = blocks,
            Block = (nint)block, Serial = block->Serial, FastTable = fastTable,
        };
    }
}

/// <summary>One block of a translation unit: where it starts and ends, and its ops as decoded (copied: read while lowering, never executed).</summary>
public sealed unsafe class UnitBlock
{
    public required uint Eip { get; init; }
    public required uint FallthroughEip { get; init; }
    public required DecodedOp[] Ops { get; init; }
    /// <summary>The live block's first op: op k is at <c>OpsAddress + k * sizeof(DecodedOp)</c>.</summary>
    public required nint OpsAddress { get; init; }
    /// <summary>The live block (valid on the CPU's thread while the unit is being formed).</summary>
    public required nint Block { get; init; }

    public nint OpAddress(int k) => OpsAddress + k * sizeof(DecodedOp);

    private static readonly nint s_jcc = (nint)(delegate*<CpuState*, DecodedOp*, void>)&Control.Jcc;
    private static readonly nint s_jmp = (nint)(delegate*<CpuState*, DecodedOp*, void>)&Control.Jmp;
    private static readonly nint s_loop = (nint)(delegate*<CpuState*, DecodedOp*, void>)&Control.Loop<W32>;

    /// <summary>Where the block's last op can send execution, when that is fixed at decode time.</summary>
    public IEnumerable<uint> DirectTargets()
    {
        var last = Ops[^1];
        var handler = (nint)last.Handler;
        if (handler == s_jcc || handler == s_loop) return [last.Imm, last.NextEip];
        if (handler == s_jmp) return [last.Imm];
        return [];
    }

    public static UnitBlock Of(Block* block) => new()
    {
        Eip = block->Eip, FallthroughEip = block->FallthroughEip, Block = (nint)block,
        Ops = new ReadOnlySpan<DecodedOp>(block->Ops, block->Count).ToArray(), OpsAddress = (nint)block->Ops,
    };
}
