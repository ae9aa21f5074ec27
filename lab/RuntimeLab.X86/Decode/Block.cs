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
    private int _padding; // keeps the ops after the header 8-byte aligned

    public DecodedOp* Ops
    {
        get { fixed (Block* self = &this) return (DecodedOp*)(self + 1); }
    }

    public static Block* Allocate(int count) =>
        (Block*)NativeMemory.AllocZeroed((nuint)(sizeof(Block) + count * sizeof(DecodedOp)));

    public static void Free(Block* block) => NativeMemory.Free(block);
}
