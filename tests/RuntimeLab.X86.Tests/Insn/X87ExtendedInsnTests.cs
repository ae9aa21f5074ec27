namespace RuntimeLab.X86.Tests.Insn;

/// <summary>fpatan fyl2x fyl2xp1 f2xm1 over the special operands (insn/x87-extended.c).</summary>
public sealed class X87ExtendedInsnTests
{
    // qemu-i386 7.2 computes these four with its own extended-precision floatx80 algorithms; RuntimeLab
    // runs them on the host's x87. 58 of the 1220 cases differ: results 1 ulp apart (fpatan, fyl2x), PE
    // reported for exact fyl2x results, and which NaN comes out of two NaN (or unnormal) operands.
    // Not done: the test runs once the Fpu follows QEMU's algorithms.
    [Fact(Skip = "fpatan/fyl2x/fyl2xp1/f2xm1 do not yet follow qemu-i386's extended-precision algorithms")]
    public void ExtendedPrecisionTranscendentalsMatchQemu() => InsnProgram.MatchesQemu("x87-extended");
}
