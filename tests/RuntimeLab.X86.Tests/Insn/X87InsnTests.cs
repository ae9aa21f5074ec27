namespace RuntimeLab.X86.Tests.Insn;

/// <summary>
/// x87 arithmetic, comparisons (fcom fucom fcomi fucomi with NaN), fprem/fprem1, fxam, fxtract,
/// fscale, fsqrt of negatives and the double-precision transcendentals over zeros, denormals,
/// infinities and NaNs; rounding modes on fadd fdiv fsqrt frndint fist and precision control
/// (insn/x87.c). Where qemu-i386 departs from Intel's defined behaviour the program masks it and says why.
/// </summary>
public sealed class X87InsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void X87EdgeCasesMatchQemu(string engine) => InsnProgram.MatchesQemu("x87", engine);
}
