namespace RuntimeLab.X86.Tests.Insn;

/// <summary>daa das aaa aas over every AL and carry-in, aam and aad with several bases (insn/bcd.c); aam 0 is in MulDivInsnTests.</summary>
public sealed class BcdInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void BcdAdjustsMatchQemu(string engine) => InsnProgram.MatchesQemu("bcd", engine);
}
