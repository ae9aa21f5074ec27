namespace RuntimeLab.X86.Tests.Insn;

/// <summary>setcc, cmovcc and jcc on every condition under all 32 states of CF PF ZF SF OF (insn/conditions.c).</summary>
public sealed class ConditionInsnTests
{
    [Fact] public void ConditionsMatchQemu() => InsnProgram.MatchesQemu("conditions");
}
