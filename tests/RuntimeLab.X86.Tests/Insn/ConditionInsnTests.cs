namespace RuntimeLab.X86.Tests.Insn;

/// <summary>setcc, cmovcc and jcc on every condition under all 32 states of CF PF ZF SF OF (insn/conditions.c).</summary>
public sealed class ConditionInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void ConditionsMatchQemu(string engine) => InsnProgram.MatchesQemu("conditions", engine);
}
