using System.Reflection;
using System.Reflection.Emit;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>
/// The CIL opcodes with their operand kinds (Partition III §1.2), taken from the runtime's own
/// <see cref="OpCodes"/> table: the raw-byte scan decodes with it before any type is looked at.
/// </summary>
internal static class IlOpcodeTable
{
    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    static IlOpcodeTable()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode op) continue;
            var value = (ushort)op.Value;
            if (op.Size == 1) OneByte[value & 0xFF] = op;
            else TwoByte[value & 0xFF] = op;
        }
        // The 0xFE byte only introduces two-byte opcodes; it is not an instruction by itself.
        OneByte[0xFE] = null;
    }

    /// <summary>The opcode at <paramref name="offset"/>, or null for a byte sequence that is no opcode.</summary>
    public static OpCode? At(ReadOnlySpan<byte> il, int offset)
    {
        if (il[offset] != 0xFE) return OneByte[il[offset]];
        return offset + 1 < il.Length ? TwoByte[il[offset + 1]] : null;
    }

    public static int OperandSize(OperandType type, ReadOnlySpan<byte> il, int operandStart) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => operandStart + 4 <= il.Length
            ? checked(4 + 4 * (int)Math.Min(BitConverter.ToUInt32(il.Slice(operandStart, 4)), int.MaxValue / 8))
            : 4,
        _ => 4,
    };
}
