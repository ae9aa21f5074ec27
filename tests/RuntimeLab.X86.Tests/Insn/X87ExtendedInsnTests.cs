namespace RuntimeLab.X86.Tests.Insn;

/// <summary>fpatan fyl2x fyl2xp1 f2xm1 over the special operands (insn/x87-extended.c).</summary>
public sealed class X87ExtendedInsnTests
{
    // qemu-i386 7.2 computes these four with its own extended-precision floatx80 algorithms; RuntimeLab
    // runs them on the host's x87, which differs in the last bit of some results and reports PE for exact
    // ones (about 300 of 1220 cases). Not done: the test runs once the Fpu follows QEMU's algorithms.
    [Fact(Skip = "fpatan/fyl2x/fyl2xp1/f2xm1 do not yet follow qemu-i386's extended-precision algorithms")]
    public void ExtendedPrecisionTranscendentalsMatchQemu() => InsnProgram.MatchesQemu("x87-extended");
}
