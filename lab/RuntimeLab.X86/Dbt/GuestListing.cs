using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Dbt;

/// <summary>One guest instruction of a block as <c>x86 dump</c> lists it: address, bytes, Intel syntax.</summary>
internal static unsafe class GuestListing
{
    public static string Format(CpuState* s, BlockSnapshot block, int k)
    {
        var op = block.Ops[k];
        var bytes = new byte[op.Length];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = Mem.Read8(s, block.CodeBase + op.Eip + (uint)i);
        var decoder = Decoder.Create(BlockCache.Bitness(block.Mode), new ByteArrayCodeReader(bytes), op.Eip);
        decoder.Decode(out var instruction);
        var text = new StringOutput();
        new IntelFormatter { Options = { HexPrefix = "0x", HexSuffix = "", UppercaseHex = false } }.Format(instruction, text);
        return $"{op.Eip:x8}  {Convert.ToHexString(bytes).ToLowerInvariant(),-20}  {text}";
    }
}
