namespace RuntimeLab.X86.Tests.Insn;

/// <summary>mul, imul (1, 2 and 3 operands), div and idiv at every width (insn/muldiv.c), and the #DE faults (insn/divide-error.c, built once per kind as de-KIND).</summary>
public sealed class MulDivInsnTests
{
    [Theory, MemberData(nameof(Engines.Each), MemberType = typeof(Engines))]
    public void MultiplyAndDivideMatchQemu(string engine) => InsnProgram.MatchesQemu("muldiv", engine);

    /// <summary>Each program prints a line, then divides by zero or overflows the quotient: SIGFPE, exit 136, as under qemu-i386.</summary>
    [Theory, MemberData(nameof(DivideErrorsAndEngines))]
    public void DivideErrorKillsTheGuestAsUnderQemu(string name, string engine) => InsnProgram.MatchesQemu(name, engine);

    /// <summary>Every kind in every engine: in dbt the #DE comes from compiled code.</summary>
    public static TheoryData<string, string> DivideErrorsAndEngines()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in (string[])["de-div-zero", "de-div-overflow", "de-div8-overflow", "de-idiv-overflow", "de-idiv8-overflow", "de-aam-zero"])
            foreach (var engine in Engines.All) data.Add(name, engine);
        return data;
    }
}
