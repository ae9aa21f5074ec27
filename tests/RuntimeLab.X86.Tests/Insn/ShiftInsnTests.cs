namespace RuntimeLab.X86.Tests.Insn;

/// <summary>shl shr sar rol ror rcl rcr shld shrd at every width, by CL counts 0 to past the width and by immediates (insn/shifts.c).</summary>
public sealed class ShiftInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void ShiftsAndRotatesMatchQemu(string engine) => InsnProgram.MatchesQemu("shifts", engine);
}
