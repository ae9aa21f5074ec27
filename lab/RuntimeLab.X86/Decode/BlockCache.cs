using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Decode;

/// <summary>
/// Decoded blocks by guest address: a direct-mapped array in front of a dictionary. A block's key is
/// its EIP, CS's base and the <see cref="CodeMode"/> (the ops hold CS-relative EIPs, and the same bytes
/// decode differently as 16- and 32-bit code); its pages are linear pages. Guest code is decoded once; a write to a page holding decoded code (self-modifying code, a page reused for new
/// code) drops every block on that page, through the address space's code watch.
/// </summary>
public sealed unsafe class BlockCache : IDisposable
{
    public const int MaxInstructions = 64;
    /// <summary>Slots of the direct-mapped table; compiled code indexes it too, to chain to its successor.</summary>
    public const int FastSlots = 4096;

    private readonly CpuState* _state;
    private readonly IAddressSpace _memory;
    private readonly Dictionary<BlockKey, nint> _blocks = [];
    private readonly Dictionary<uint, List<BlockKey>> _blocksByPage = [];
    /// <summary>In native memory, so that compiled code can look successors up without leaving native code.</summary>
    private readonly nint* _fast = (nint*)NativeMemory.AllocZeroed(FastSlots, (nuint)sizeof(nint));
    private static uint s_nextSerial;
    /// <summary>Blocks dropped while one of them may still be executing; freed at the next block boundary.</summary>
    private readonly List<nint> _retired = [];
    private readonly Instruction[] _scratch = new Instruction[MaxInstructions];

    public int BlocksDecoded { get; private set; }
    public int Invalidations { get; private set; }
    /// <summary>Invalidated blocks that had been compiled.</summary>
    public int CompiledInvalidations { get; private set; }

    /// <summary>The direct-mapped table: slot (CS base + EIP) mod <see cref="FastSlots"/> holds a Block* or 0.</summary>
    public nint* FastTable => _fast;

    /// <summary>
    /// Whether <paramref name="block"/>, decoded for this key with this serial, is still live (a background
    /// compile's check before it installs). The block itself is never read: it may have been invalidated
    /// and freed meanwhile, and its memory reused for another block.
    /// </summary>
    public bool IsLive(Block* block, uint eip, uint codeBase, CodeMode mode, uint serial) =>
        _blocks.TryGetValue(new BlockKey(eip, codeBase, mode), out var live) && live == (nint)block && ((Block*)live)->Serial == serial;

    public BlockCache(CpuState* state, IAddressSpace memory)
    {
        _state = state;
        _memory = memory;
        memory.CodeWritten += Invalidate;
    }

    /// <summary>The block starting at CS:<paramref name="eip"/> in the current code mode, decoding it on first use. A fetch fault of its first instruction is thrown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Block* Get(uint eip)
    {
        // This runs once per block executed: the hit stays small enough to inline into the run loop,
        // and tests its three-part key with one branch.
        var codeBase = _state->SegmentBase[Seg.Cs];
        var mode = _state->CodeMode;
        var fast = (Block*)_fast[(int)((codeBase + eip) & (FastSlots - 1))];
        if (fast != null && ((fast->Eip ^ eip) | (fast->CodeBase ^ codeBase) | (uint)(fast->Mode ^ mode)) == 0) return fast;
        return Lookup(new BlockKey(eip, codeBase, mode));
    }

    /// <summary>The block already decoded at <paramref name="eip"/> for this key, or null: never decodes (the translator forms its units from these).</summary>
    public Block* Peek(uint eip, uint codeBase, CodeMode mode) =>
        _blocks.TryGetValue(new BlockKey(eip, codeBase, mode), out var found) ? (Block*)found : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Block* Lookup(BlockKey key)
    {
        if (!_blocks.TryGetValue(key, out var found))
        {
            found = (nint)Decode(key);
            _blocks[key] = found;
        }
        _fast[(int)((key.CodeBase + key.Eip) & (FastSlots - 1))] = found;
        return (Block*)found;
    }

    /// <summary>Frees blocks retired by invalidation; call only between blocks.</summary>
    public void Collect()
    {
        foreach (var block in _retired) Release((Block*)block);
        _retired.Clear();
    }

    private static void Release(Block* block)
    {
        Dbt.CompiledBlock.Release(block);
        Block.Free(block);
    }

    private Block* Decode(BlockKey key)
    {
        var (eip, codeBase, mode) = key;
        var linear = codeBase + eip;
        var reader = new GuestCodeReader(_state, linear);
        var decoder = Decoder.Create(Bitness(mode), reader, eip);
        var count = 0;
        var page = linear >> 12;
        while (count < MaxInstructions)
        {
            var at = codeBase + (uint)decoder.IP;
            if (count > 0 && at >> 12 != page) break; // the next page may not even be mapped: leave it to its own block
            try
            {
                decoder.Decode(out _scratch[count]);
            }
            catch (GuestFaultException) when (count > 0)
            {
                break; // the faulting instruction will be the first of its own block, and fault precisely there
            }
            if (_scratch[count].IsInvalid)
            {
                if (count > 0) break;
                count = 1; // one #UD op, so the fault is raised when and where the guest executes it
                break;
            }
            var decoded = _scratch[count++];
            // HLT and OUT stop the CPU loop, and a CR write may change translation, so nothing after them may run in the same block.
            if (decoded.FlowControl != FlowControl.Next || SystemBinders.EndsBlock(decoded) || WritesStackSegment(decoded)) break;
        }

        var block = Block.Allocate(count);
        block->Eip = eip;
        block->CodeBase = codeBase;
        block->Mode = mode;
        block->Count = count;
        block->Serial = Interlocked.Increment(ref s_nextSerial);
        block->FirstPage = page;
        var ops = block->Ops;
        for (var k = 0; k < count; k++) Translator.Translate(_scratch[k], ref ops[k], mode);
        var end = ops[count - 1].NextEip;
        block->FallthroughEip = end;
        block->LastPage = (codeBase + end - 1) >> 12;
        // Page numbers wrap: an instruction at 0xFFFFFFFF continues at linear address 0.
        for (var p = block->FirstPage; ; p = (p + 1) & 0xF_FFFF)
        {
            _memory.WatchCode(p);
            if (!_blocksByPage.TryGetValue(p, out var list)) _blocksByPage[p] = list = [];
            list.Add(key);
            if (p == block->LastPage) break;
        }
        BlocksDecoded++;
        return block;
    }

    private void Invalidate(uint page)
    {
        if (!_blocksByPage.Remove(page, out var starts)) return;
        foreach (var start in starts)
        {
            if (!_blocks.Remove(start, out var block)) continue;
            var slot = (int)((start.CodeBase + start.Eip) & (FastSlots - 1));
            if (_fast[slot] == block) _fast[slot] = 0;
            _retired.Add(block);
            Invalidations++;
            if (((Block*)block)->Code != 0) CompiledInvalidations++;
        }
    }

    /// <summary>Iced's bitness for a code mode: CS's D bit.</summary>
    public static int Bitness(CodeMode mode) => (mode & CodeMode.Code32) != 0 ? 32 : 16;

    /// <summary>
    /// A load of SS may change the stack's width (its B bit), and the ops after it were bound for the
    /// old one: the block ends there, so the next is decoded for the new mode.
    /// </summary>
    private static bool WritesStackSegment(in Instruction i) =>
        i.Mnemonic is Mnemonic.Lss || (i.Mnemonic is Mnemonic.Mov or Mnemonic.Pop && i.Op0Kind == OpKind.Register && i.Op0Register == Register.SS);

    private readonly record struct BlockKey(uint Eip, uint CodeBase, CodeMode Mode);

    public void Dispose()
    {
        _memory.CodeWritten -= Invalidate;
        Collect();
        foreach (var block in _blocks.Values) Release((Block*)block);
        _blocks.Clear();
        NativeMemory.Free(_fast);
    }

    /// <summary>Feeds Iced guest code bytes through the memory fast path, so a fetch from an unmapped page faults precisely.</summary>
    private sealed class GuestCodeReader(CpuState* state, uint start) : CodeReader
    {
        private uint _next = start;
        public override int ReadByte() => Mem.Read8(state, _next++);
    }
}
