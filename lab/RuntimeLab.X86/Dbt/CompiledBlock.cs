using System.Runtime.InteropServices;
using RuntimeLab.Jit.Compile;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// A block's translation: the backend's module that holds its code. It lives exactly as long as the
/// block: <see cref="BlockCache"/> releases it when it frees the block, which happens only between
/// blocks, so no compiled frame can still be running in it.
/// </summary>
public sealed unsafe class CompiledBlock(CompiledModule module)
{
    public CompiledModule Module { get; } = module;

    public static void Install(Block* block, CompiledModule module)
    {
        block->Code = module.Functions[0].Address;
        block->CodeOwner = GCHandle.ToIntPtr(GCHandle.Alloc(new CompiledBlock(module)));
    }

    public static void Release(Block* block)
    {
        if (block->CodeOwner == 0) return;
        var handle = GCHandle.FromIntPtr(block->CodeOwner);
        ((CompiledBlock)handle.Target!).Module.Dispose();
        handle.Free();
        block->Code = block->CodeOwner = 0;
    }
}
