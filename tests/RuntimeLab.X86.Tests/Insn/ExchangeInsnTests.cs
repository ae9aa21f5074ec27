namespace RuntimeLab.X86.Tests.Insn;

/// <summary>cmpxchg at every width, cmpxchg8b, xadd (register and locked memory), xchg and bswap (insn/exchange.c).</summary>
public sealed class ExchangeInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void ExchangesMatchQemu(string engine) => InsnProgram.MatchesQemu("exchange", engine);
}
