using System.Text;
using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>Formats trace lines; the interpreter calls it once per traced instruction, after the instruction ran.</summary>
internal sealed unsafe class Tracer(TraceOptions options)
{
    private readonly IntelFormatter _formatter = new() { Options = { FirstOperandCharIndex = 8, HexPrefix = "0x", HexSuffix = "", UppercaseHex = false } };
    private readonly StringOutput _text = new();
    private ulong _traced;

    public bool Active => _traced < options.Limit;

    /// <summary>
    /// One line for <paramref name="op"/> of <paramref name="block"/>, disassembled in the block's mode.
    /// 32-bit code shows EIP; 16-bit code shows the block's CS base as a real-mode segment and IP (in
    /// protected mode the "segment" is the base >> 4, which names the same linear address).
    /// </summary>
    public void Record(CpuState* s, Block* block, DecodedOp* op)
    {
        if (!options.Covers(op->Eip) || _traced >= options.Limit) return;
        _traced++;
        var bytes = new byte[op->Length];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = Mem.Read8(s, block->CodeBase + op->Eip + (uint)i);
        var bitness = BlockCache.Bitness(block->Mode);
        var decoder = Iced.Intel.Decoder.Create(bitness, new ByteArrayCodeReader(bytes), op->Eip);
        decoder.Decode(out var instruction);
        _formatter.Format(instruction, _text);
        var address = bitness == 16 && (block->CodeBase & 0xF) == 0 && block->CodeBase < 0x10_0000
            ? $"{block->CodeBase >> 4:x4}:{op->Eip & 0xFFFF:x4}"
            : bitness == 16 ? $"{block->CodeBase + op->Eip:x8}" : $"{op->Eip:x8}";
        var line = new StringBuilder()
            .Append($"{address,-9} {Convert.ToHexString(bytes).ToLowerInvariant(),-20}  ")
            .Append(_text.ToStringAndReset());
        options.Writer.WriteLine(line.ToString());
        if (options.Registers) options.Writer.WriteLine(Registers(s));
    }

    public static string Registers(CpuState* s)
    {
        var text = new StringBuilder("          ");
        for (var r = 0; r < 8; r++) text.Append($"{Gpr.Names[r]}={s->Regs[r]:x8} ");
        text.Append($"eflags={s->Eflags:x8}");
        return text.ToString();
    }
}
