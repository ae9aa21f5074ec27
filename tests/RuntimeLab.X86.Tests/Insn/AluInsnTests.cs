namespace RuntimeLab.X86.Tests.Insn;

/// <summary>add adc sub sbb and or xor cmp test inc dec neg not at 8/16/32 bits, register and memory forms (insn/alu.c).</summary>
public sealed class AluInsnTests
{
    [Fact] public void AluOpsMatchQemu() => InsnProgram.MatchesQemu("alu");
}
