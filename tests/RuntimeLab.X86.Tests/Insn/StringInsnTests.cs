namespace RuntimeLab.X86.Tests.Insn;

/// <summary>movs stos lods scas cmps with rep/repe/repne, DF set and clear, count 0, and %fs/%gs source overrides (insn/strings.c).</summary>
public sealed class StringInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void StringOpsMatchQemu(string engine) => InsnProgram.MatchesQemu("strings", engine);
}
