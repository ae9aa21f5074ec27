namespace RuntimeLab.X86.Tests.Insn;

/// <summary>
/// Flag producers followed at once by every setcc and jcc, adc/sbb chains, inc/dec keeping CF, lahf,
/// cmc/stc/clc (insn/sequences.c): the pairs the interpreter answers without materializing EFLAGS.
/// </summary>
public sealed class SequenceInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void FlagConsumersAfterProducersMatchQemu(string engine) => InsnProgram.MatchesQemu("sequences", engine);
}
