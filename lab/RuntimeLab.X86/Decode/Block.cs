using System.Runtime.InteropServices;
using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Decode;

/// <summary>
/// A run of decoded instructions ending at a control transfer, a page end, or a length limit.
/// Lives in native memory (header followed by the ops) so handlers receive stable pointers.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct Block
{
    /// <summary>The block's key: EIP, CS's base and the code mode it was decoded for (the same bytes in another mode are another block).</summary>
    public uint Eip;
    public uint CodeBase;
    public CodeMode Mode;
    /// <summary>Where execution continues if no instruction of the block changes EIP.</summary>
    public uint FallthroughEip;
    public uint FirstPage;
    public uint LastPage;
    public int Count;
    /// <summary>Executions so far, while the block is interpreted (tiered mode compiles it at the threshold).</summary>
    public int Heat;
    /// <summary>Unique per decoded block, so a background compile can tell its block from a later one at the same address.</summary>
    public uint Serial;
    private int _padding; // with the pointers below, keeps the ops after the header 8-byte aligned
    /// <summary>The translation's entry, <c>DecodedOp* (CpuState*)</c> (see <see cref="Dbt.CompiledBlock"/>); 0 while interpreted.</summary>
    public nint Code;
    /// <summary>A GCHandle to the <see cref="Dbt.CompiledBlock"/> that owns <see cref="Code"/>, freed with the block.</summary>
    public nint CodeOwner;

    public DecodedOp* Ops
    {
        get { fixed (Block* self = &this) return (DecodedOp*)(self + 1); }
    }

    public static Block* Allocate(int count) =>
        (Block*)NativeMemory.AllocZeroed((nuint)(sizeof(Block) + count * sizeof(DecodedOp)));

    public static void Free(Block* block) => NativeMemory.Free(block);
}
