using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Decode;

/// <summary>What a binder needs to know about an instruction's operands to pick a handler specialization.</summary>
public readonly record struct OperandInfo(int Bits, Form Form, bool HasMemory)
{
    /// <summary>The block's stack addresses through ESP (SS's B bit), not SP.</summary>
    public bool Stack32 { get; init; } = true;

    public static OperandInfo Of(in Instruction i)
    {
        var count = i.OpCount;
        var k0 = count > 0 ? Kind(i.Op0Kind) : OperandClass.None;
        var k1 = count > 1 ? Kind(i.Op1Kind) : OperandClass.None;
        var form = (k0, k1) switch
        {
            (OperandClass.Register, OperandClass.Register) => Form.RR,
            (OperandClass.Register, OperandClass.Memory) => Form.RM,
            (OperandClass.Memory, OperandClass.Register) => Form.MR,
            (OperandClass.Register, OperandClass.Immediate) => Form.RI,
            (OperandClass.Memory, OperandClass.Immediate) => Form.MI,
            (OperandClass.Memory, _) => Form.M,
            _ => Form.R,
        };
        var bits = k0 switch
        {
            OperandClass.Register => i.Op0Register.GetSize() * 8,
            OperandClass.Memory => i.MemorySize.GetSize() * 8,
            _ => 32,
        };
        return new OperandInfo(bits, form, k0 == OperandClass.Memory || k1 == OperandClass.Memory);
    }

    private enum OperandClass { None, Register, Memory, Immediate, Other }

    private static OperandClass Kind(OpKind kind) => kind switch
    {
        OpKind.Register => OperandClass.Register,
        OpKind.Memory => OperandClass.Memory,
        OpKind.Immediate8 or OpKind.Immediate16 or OpKind.Immediate32 or OpKind.Immediate8to16 or OpKind.Immediate8to32 => OperandClass.Immediate,
        _ => OperandClass.Other,
    };

    /// <summary>Byte offset of a general-purpose register of any width in <see cref="CpuState.Regs"/>.</summary>
    public static byte RegisterOffset(Register register)
    {
        if (register >= Register.EAX && register <= Register.EDI) return (byte)((register - Register.EAX) * 4);
        if (register >= Register.AX && register <= Register.DI) return (byte)((register - Register.AX) * 4);
        if (register >= Register.AL && register <= Register.BL) return (byte)((register - Register.AL) * 4);
        if (register >= Register.AH && register <= Register.BH) return (byte)((register - Register.AH) * 4 + 1);
        throw new NotSupportedException($"not a general-purpose register: {register}");
    }

    public static bool IsGeneralPurpose(Register register) =>
        register is >= Register.EAX and <= Register.EDI or >= Register.AX and <= Register.DI or >= Register.AL and <= Register.BH;

    public static bool IsSegment(Register register) => register is >= Register.ES and <= Register.GS;

    public static byte SegmentIndex(Register register) => (byte)(register - Register.ES);
}
