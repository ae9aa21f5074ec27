namespace RuntimeLab.X86.Fpu;

/// <summary>
/// The operations the host's x87 performs for the guest, one native helper each (<see cref="X87Host"/>).
/// Operands: A is ST(0) (or the value to convert), B is ST(1) or the second operand.
/// </summary>
public enum HostOp
{
    // Result = A op B under the guest's rounding and precision control.
    Add, Subtract, Multiply, Divide,
    // ST(0), ST(1) = A, B in, the partial remainder (or scaled value, or ST(1)-replacing result) out.
    PartialRemainder, PartialRemainderIeee, Scale, Yl2x, Yl2xp1, Arctangent,
    // C3, C2, C0 of A compared with B.
    Compare, CompareQuiet,
    // Result = f(A).
    SquareRoot, RoundToInteger, Exp2Minus1,
    /// <summary>Result = significand of A, Result2 = its exponent.</summary>
    Extract,
    // Result = A (in ABits: float32, float64, int16/32/64, packed BCD) widened to extended.
    LoadFloat32, LoadFloat64, LoadInt16, LoadInt32, LoadInt64, LoadBcd,
    // ResultBits = A narrowed, rounded under the guest's RC, or truncated (FISTTP).
    StoreFloat32, StoreFloat64, StoreInt16, StoreInt32, StoreInt64, TruncateInt16, TruncateInt32, TruncateInt64, StoreBcd,
    // Result = a constant rounded under the guest's RC.
    LoadPi, LoadLog2E, LoadLog2Ten, LoadLog10Two, LoadLn2,
}
