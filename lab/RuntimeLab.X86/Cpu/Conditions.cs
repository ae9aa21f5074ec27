using System.Runtime.CompilerServices;

namespace RuntimeLab.X86.Cpu;

/// <summary>The sixteen x86 condition codes (the low nibble of Jcc, SETcc and CMOVcc).</summary>
public enum Condition : byte { O = 0, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G }

public static unsafe class Conditions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Test(CpuState* s, Condition condition)
    {
        // The hot pair first: after SUB/CMP at 32 bits the comparisons need no flag materialization.
        if (s->CcOp == CcOp.Sub32)
        {
            uint dst = s->CcDst, src = s->CcSrc, src1 = dst + src;
            switch (condition)
            {
                case Condition.E: return dst == 0;
                case Condition.NE: return dst != 0;
                case Condition.B: return src1 < src;
                case Condition.AE: return src1 >= src;
                case Condition.BE: return src1 <= src;
                case Condition.A: return src1 > src;
                case Condition.L: return (int)src1 < (int)src;
                case Condition.GE: return (int)src1 >= (int)src;
                case Condition.LE: return (int)src1 <= (int)src;
                case Condition.G: return (int)src1 > (int)src;
            }
        }
        else if (s->CcOp == CcOp.Logic32)
        {
            switch (condition)
            {
                case Condition.E: return s->CcDst == 0;
                case Condition.NE: return s->CcDst != 0;
                case Condition.S: return (int)s->CcDst < 0;
                case Condition.NS: return (int)s->CcDst >= 0;
            }
        }
        return FromFlags(LazyFlags.Compute(s), condition);
    }

    public static bool FromFlags(uint f, Condition condition)
    {
        bool cf = (f & EflagsBits.CF) != 0, zf = (f & EflagsBits.ZF) != 0, sf = (f & EflagsBits.SF) != 0;
        bool of = (f & EflagsBits.OF) != 0, pf = (f & EflagsBits.PF) != 0;
        return condition switch
        {
            Condition.O => of, Condition.NO => !of,
            Condition.B => cf, Condition.AE => !cf,
            Condition.E => zf, Condition.NE => !zf,
            Condition.BE => cf || zf, Condition.A => !cf && !zf,
            Condition.S => sf, Condition.NS => !sf,
            Condition.P => pf, Condition.NP => !pf,
            Condition.L => sf != of, Condition.GE => sf == of,
            Condition.LE => zf || sf != of, Condition.G => !zf && sf == of,
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };
    }
}
