using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// One decoded guest instruction as a line of text (address, bytes, Intel syntax): the form `--trace`
/// prints and `x86 dump` lists, so the two views of the same instruction read alike.
/// </summary>
internal sealed unsafe class GuestDisassembly
{
    private readonly IntelFormatter _formatter = new() { Options = { FirstOperandCharIndex = 8, HexPrefix = "0x", HexSuffix = "", UppercaseHex = false } };
    private readonly StringOutput _text = new();

    /// <summary>
    /// <paramref name="op"/> of <paramref name="block"/>, disassembled in the block's mode from the guest's bytes.
    /// 32-bit code shows EIP; 16-bit code shows the block's CS base as a real-mode segment and IP (in
    /// protected mode the "segment" is the base >> 4, which names the same linear address).
    /// </summary>
    public string Line(CpuState* s, Block* block, DecodedOp* op)
    {
        var bytes = new byte[op->Length];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = Mem.Read8(s, block->CodeBase + op->Eip + (uint)i);
        var bitness = BlockCache.Bitness(block->Mode);
        var decoder = Iced.Intel.Decoder.Create(bitness, new ByteArrayCodeReader(bytes), op->Eip);
        decoder.Decode(out var instruction);
        _formatter.Format(instruction, _text);
        var address = bitness == 16 && (block->CodeBase & 0xF) == 0 && block->CodeBase < 0x10_0000
            ? $"{block->CodeBase >> 4:x4}:{op->Eip & 0xFFFF:x4}"
            : bitness == 16 ? $"{block->CodeBase + op->Eip:x8}" : $"{op->Eip:x8}";
        return $"{address,-9} {Convert.ToHexString(bytes).ToLowerInvariant(),-20}  {_text.ToStringAndReset()}";
    }
}
