namespace RuntimeLab.X86.Tests.Insn;

/// <summary>bt bts btr btc (register, immediate and memory bit-string forms) and bsf/bsr incl. a zero source (insn/bits.c).</summary>
public sealed class BitInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void BitOpsMatchQemu(string engine) => InsnProgram.MatchesQemu("bits", engine);
}
