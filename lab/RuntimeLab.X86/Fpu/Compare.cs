using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// FCOM FCOMP FCOMPP FUCOM* FICOM* FTST into C3 C2 C0, FCOMI FUCOMI (and their pops) into ZF PF CF,
/// and FXAM. The host compares (FCOM signals on any NaN, FUCOM only on signaling ones). Imm holds
/// the number of pops, Imm2 is 1 for the quiet (unordered) forms.
/// </summary>
public static unsafe class Compare
{
    private static ushort Conditions(CpuState* s, Float80 left, Float80 right, DecodedOp* op)
    {
        X87.Binary(s, op->Imm2 != 0 ? HostOp.CompareQuiet : HostOp.Compare, left, right);
        return (ushort)(s->Fpu.Host.Status & (FpuStatus.C0 | FpuStatus.C2 | FpuStatus.C3));
    }

    private static void Pops(CpuState* s, DecodedOp* op)
    {
        for (var i = 0u; i < op->Imm; i++) X87.Pop(s);
    }

    /// <summary>FCOM/FUCOM/FICOM ST(0) with a register or memory source.</summary>
    public static void ToStatus<TSrc>(CpuState* s, DecodedOp* op) where TSrc : struct, IFpuSource
    {
        var right = TSrc.Read(s, op);
        X87.SetConditions(s, Conditions(s, X87.Read(s, 0), right, op));
        Pops(s, op);
    }

    /// <summary>FTST: ST(0) against +0.0.</summary>
    public static void Test(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        X87.SetConditions(s, Conditions(s, X87.Read(s, 0), Float80.Zero, op));
    }

    /// <summary>FCOMI/FUCOMI ST(0), ST(i): ZF = C3, PF = C2, CF = C0; OF, SF and AF cleared as Intel specifies.</summary>
    public static void ToEflags(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var right = X87.Read(s, op->Extra);
        var conditions = Conditions(s, X87.Read(s, 0), right, op);
        uint flags = ((conditions & FpuStatus.C3) != 0 ? EflagsBits.ZF : 0)
                   | ((conditions & FpuStatus.C2) != 0 ? EflagsBits.PF : 0)
                   | ((conditions & FpuStatus.C0) != 0 ? EflagsBits.CF : 0);
        LazyFlags.Set(s, flags);
        s->Fpu.Status &= unchecked((ushort)~FpuStatus.C1);
        Pops(s, op);
    }

    /// <summary>FXAM: the class of ST(0) in C3 C2 C0 and its sign in C1; an empty register answers "empty" (QEMU's encoding, the hardware's).</summary>
    public static void Examine(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var value = *X87.Register(s, X87.Physical(s, 0));
        ushort conditions = value.IsNegative ? FpuStatus.C1 : (ushort)0;
        if (X87.IsEmpty(s, 0)) conditions |= FpuStatus.C3 | FpuStatus.C0;
        else if (value.Exponent == Float80.ExponentMask)
        {
            if (value.Significand == Float80.IntegerBit) conditions |= FpuStatus.C2 | FpuStatus.C0;   // infinity
            else if ((value.Significand & Float80.IntegerBit) != 0) conditions |= FpuStatus.C0;       // NaN
        }
        else if (value.Exponent == 0) conditions |= value.Significand == 0 ? FpuStatus.C3 : (ushort)(FpuStatus.C3 | FpuStatus.C2); // zero, denormal
        else if ((value.Significand & Float80.IntegerBit) != 0) conditions |= FpuStatus.C2;           // normal
        X87.SetConditions(s, conditions);
    }
}
