namespace RuntimeLab.X86.Tests.Insn;

/// <summary>mul, imul (1, 2 and 3 operands), div and idiv at every width (insn/muldiv.c), and the #DE faults (insn/divide-error.c, built once per kind as de-KIND).</summary>
public sealed class MulDivInsnTests
{
    [Fact] public void MultiplyAndDivideMatchQemu() => InsnProgram.MatchesQemu("muldiv");

    /// <summary>Each program prints a line, then divides by zero or overflows the quotient: SIGFPE, exit 136, as under qemu-i386.</summary>
    [Theory]
    [InlineData("de-div-zero")]
    [InlineData("de-div-overflow")]
    [InlineData("de-div8-overflow")]
    [InlineData("de-idiv-overflow")]
    [InlineData("de-idiv8-overflow")]
    [InlineData("de-aam-zero")]
    public void DivideErrorKillsTheGuestAsUnderQemu(string name) => InsnProgram.MatchesQemu(name);
}
