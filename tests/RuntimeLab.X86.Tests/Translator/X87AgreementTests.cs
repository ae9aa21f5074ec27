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
/// the control word, the last instruction and operand pointers), the same registers and EFLAGS, and
/// the same data page.
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

    private static long RunBoth(int seed)
    {
        using var interpreted = Start(seed, Engines.Named("interp"));
        using var translated = Start(seed, Engines.Named("dbt"));
        var expectedStop = interpreted.Run();
        var actualStop = translated.Run();
        Assert.True(expectedStop == StopReason.Syscall, $"seed {seed}: the interpreter stopped with {expectedStop}, not at int 0x80");
        var differences = Differences(interpreted, translated);
        if (actualStop != expectedStop) differences.Insert(0, $"stop: interp {expectedStop}, dbt {actualStop}");
        if (differences.Count > 0)
            Assert.Fail($"seed {seed}: dbt and interp disagree:\n  {string.Join("\n  ", differences)}\n{InterpreterAgreementTests.Listing(interpreted.Code)}");
        return (long)translated.Cpu.Translation!.CompiledInstructions;
    }

    private static GuestCode Start(int seed, Dbt.EngineOptions engine)
    {
        var guest = new GuestCode(a => RandomX87Program.Emit(seed, a), engine: engine);
        guest.Memory.Write(GuestCode.DataAddress, RandomX87Program.Data(seed));
        return guest;
    }

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
        for (var r = 0; r < 8; r++) Field(Gpr.Names[r], expected[r], actual[r]);
        Field("eflags", expected.Flags, actual.Flags);
        var (x1, y1) = (new byte[0x1000], new byte[0x1000]);
        expected.Memory.Read(GuestCode.DataAddress, x1);
        actual.Memory.Read(GuestCode.DataAddress, y1);
        var at = x1.AsSpan().CommonPrefixLength(y1);
        if (at < x1.Length) found.Add($"data at +0x{at:x}: interp 0x{x1[at]:x2}, dbt 0x{y1[at]:x2}");
        return found;
    }
}
