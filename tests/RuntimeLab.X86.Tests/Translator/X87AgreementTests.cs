using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Fpu;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Tests.Interp;

namespace RuntimeLab.X86.Tests.Translator;

/// <summary>
/// The differential oracle for the translator's inline x87 (one op at a time and whole runs of x87
/// code, <c>Dbt/InlineX87</c> and <c>Dbt/X87Run</c>): each seeded <see cref="RandomX87Program"/> runs
/// on the interpreter and in dbt mode, and the two must end with the same x87 unit, bit for bit (the
/// eight registers, TOP, the tags, the status word with its condition codes, exception flags, ES and B,
/// the control word, the last instruction and operand pointers), and as the integer differential test
/// (<see cref="InterpreterAgreementTests"/>) the same registers, EFLAGS, EIP, data page and stack.
/// </summary>
public sealed unsafe class X87AgreementTests
{
    private const int Programs = 100;

    [Fact]
    public void RandomX87ProgramsEndInTheSameStateInterpretedAndTranslated()
    {
        var compiled = 0L;
        for (var seed = 0; seed < Programs; seed++) compiled += RunBoth(seed);
        Assert.True(compiled > Programs * 30, $"only {compiled} instructions ran compiled over {Programs} programs");
    }

    private static long RunBoth(int seed) =>
        InterpreterAgreementTests.RunBoth(seed, a => RandomX87Program.Emit(seed, a), RandomX87Program.Data(seed), Differences);

    /// <summary>The x87 unit where it differs, then what the integer comparison finds (registers, EFLAGS, EIP, data page, stack).</summary>
    private static List<string> Differences(GuestCode expected, GuestCode actual)
    {
        var found = new List<string>();
        var e = &expected.State->Fpu;
        var a = &actual.State->Fpu;
        for (var r = 0; r < 8; r++)
        {
            var (x, y) = (*X87.Register(expected.State, r), *X87.Register(actual.State, r));
            if (x.Significand != y.Significand || x.SignExponent != y.SignExponent) found.Add($"R{r}: interp {x}, dbt {y}");
        }
        void Field(string name, uint x, uint y)
        {
            if (x != y) found.Add($"{name}: interp 0x{x:x}, dbt 0x{y:x}");
        }
        Field("TOP", e->Top, a->Top);
        Field("empty mask", e->EmptyMask, a->EmptyMask);
        Field("status", e->Status, a->Status);
        Field("control", e->Control, a->Control);
        Field("FIP", e->Fip, a->Fip);
        Field("FCS", e->Fcs, a->Fcs);
        Field("FDP", e->Fdp, a->Fdp);
        Field("FDS", e->Fds, a->Fds);
        found.AddRange(InterpreterAgreementTests.Differences(expected, actual));
        return found;
    }
}
