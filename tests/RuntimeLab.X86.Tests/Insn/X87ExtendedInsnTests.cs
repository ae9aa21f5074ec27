namespace RuntimeLab.X86.Tests.Insn;

/// <summary>fpatan fyl2x fyl2xp1 f2xm1 over the special operands (insn/x87-extended.c).</summary>
public sealed class X87ExtendedInsnTests
{
    // qemu-i386 7.2 computes these four with its own extended-precision floatx80 algorithms; RuntimeLab
    // runs them on the host's x87, with QEMU's rules for NaN operands and exact results (Fpu/QemuRules.cs).
    // What remains is the last bit of a few results (3 of the 1220 cases: one fpatan, two fyl2x of pi),
    // which the test allows, and nothing else: flags, NaNs and every other bit must be QEMU's.
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void ExtendedPrecisionTranscendentalsMatchQemuToTheLastBit(string engine) => InsnProgram.MatchesQemu("x87-extended", engine, lastBitTolerance: true);
}
