using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// What the frontend needs of a decoded block (its key, end and a copy of its ops), taken on the CPU's
/// thread for the frontend to lower on another: the block itself may be invalidated and freed while
/// its translation compiles. The compiled code still names the block's own ops (helper calls and
/// fault exits pass them), which is safe because it is installed only if the block is still live,
/// and dies with it.
/// </summary>
public sealed unsafe class BlockSnapshot
{
    public required uint Eip { get; init; }
    public required uint CodeBase { get; init; }
    public required CodeMode Mode { get; init; }
    public required uint FallthroughEip { get; init; }
    /// <summary>The ops as decoded, copied: read while lowering, never executed.</summary>
    public required DecodedOp[] Ops { get; init; }
    /// <summary>The live block's first op: op k is at <c>OpsAddress + k * sizeof(DecodedOp)</c>.</summary>
    public required nint OpsAddress { get; init; }
    public required nint Block { get; init; }
    public required uint Serial { get; init; }
    /// <summary>The block cache's direct-mapped table, which compiled code reads to chain to the next block.</summary>
    public required nint FastTable { get; init; }

    public int Count => Ops.Length;

    public nint OpAddress(int k) => OpsAddress + k * sizeof(DecodedOp);

    public static BlockSnapshot Of(Block* block, nint fastTable)
    {
        return new BlockSnapshot
        {
            Eip = block->Eip, CodeBase = block->CodeBase, Mode = block->Mode, FallthroughEip = block->FallthroughEip,
            Ops = new ReadOnlySpan<DecodedOp>(block->Ops, block->Count).ToArray(),
            OpsAddress = (nint)block->Ops, Block = (nint)block, Serial = block->Serial, FastTable = fastTable,
        };
    }
}
