namespace RuntimeLab.X86.Tests.Insn;

/// <summary>BOUND at 32 and 16 bits over boundary indexes and bounds (insn/bound.c): out of range, #BR becomes SIGSEGV with the saved EIP at the BOUND, as under qemu-i386.</summary>
public sealed class BoundInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void BoundMatchesQemu(string engine) => InsnProgram.MatchesQemu("bound", engine);
}
