namespace RuntimeLab.X86.Tests.Insn;

/// <summary>add adc sub sbb and or xor cmp test inc dec neg not at 8/16/32 bits, register and memory forms (insn/alu.c).</summary>
public sealed class AluInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void AluOpsMatchQemu(string engine) => InsnProgram.MatchesQemu("alu", engine);
}
