using System.Text;
using Iced.Intel;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Tests.Interp;

namespace RuntimeLab.X86.Tests.Translator;

/// <summary>
/// The differential oracle for the translator: each seeded <see cref="RandomProgram"/> runs on the
/// interpreter and in dbt mode, and the two must end with the same registers, EFLAGS, EIP, data page
/// and stack. A failure names the seed and lists the program, so it reproduces by itself.
/// </summary>
public sealed unsafe class InterpreterAgreementTests
{
    private const int Programs = 100;

    [Fact]
    public void RandomProgramsEndInTheSameStateInterpretedAndTranslated()
    {
        var compiled = 0L;
        for (var seed = 0; seed < Programs; seed++) compiled += RunBoth(seed);
        // Most of each program must have run as translated code, or the comparison proved little.
        Assert.True(compiled > Programs * 20, $"only {compiled} instructions ran compiled over {Programs} programs");
    }

    private static long RunBoth(int seed) => RunBoth(seed, a => RandomProgram.Emit(seed, a), RandomProgram.Data(seed), Differences);

    /// <summary>
    /// Runs the program <paramref name="emit"/> makes, over <paramref name="data"/> in the data page, on the
    /// interpreter and in dbt mode, and fails with the seed, the <paramref name="differences"/> and the listing
    /// where the two end apart; returns the instructions dbt ran compiled.
    /// </summary>
    internal static long RunBoth(int seed, Action<Assembler> emit, byte[] data, Func<GuestCode, GuestCode, List<string>> differences)
    {
        using var interpreted = Start(emit, data, Engines.Named("interp"));
        using var translated = Start(emit, data, Engines.Named("dbt"));
        var expectedStop = interpreted.Run();
        var actualStop = translated.Run();
        var where = $"seed {seed}";
        // The generators only make programs that end at the int 0x80 they append; anything else is a generator bug.
        Assert.True(expectedStop == StopReason.Syscall, $"{where}: the interpreter stopped with {expectedStop}, not at int 0x80\n{Listing(interpreted.Code)}");
        var found = differences(interpreted, translated);
        if (actualStop != expectedStop) found.Insert(0, $"stop: interp {expectedStop}, dbt {actualStop}");
        if (found.Count > 0)
            Assert.Fail($"{where}: dbt and interp disagree:\n  {string.Join("\n  ", found)}\n{Listing(interpreted.Code)}");
        return (long)translated.Cpu.Translation!.CompiledInstructions;
    }

    private static GuestCode Start(Action<Assembler> emit, byte[] data, Dbt.EngineOptions engine)
    {
        var guest = new GuestCode(emit, engine: engine);
        guest.Memory.Write(GuestCode.DataAddress, data);
        return guest;
    }

    /// <summary>The registers, EFLAGS, EIP, data page and stack where they differ.</summary>
    internal static List<string> Differences(GuestCode expected, GuestCode actual)
    {
        var found = new List<string>();
        for (var r = 0; r < 8; r++)
            if (expected[r] != actual[r]) found.Add($"{Gpr.Names[r]}: interp 0x{expected[r]:x8}, dbt 0x{actual[r]:x8}");
        if (expected.Flags != actual.Flags) found.Add($"eflags: interp 0x{expected.Flags:x8}, dbt 0x{actual.Flags:x8}");
        if (expected.State->Eip != actual.State->Eip) found.Add($"eip: interp 0x{expected.State->Eip:x8}, dbt 0x{actual.State->Eip:x8}");
        Compare("data", GuestCode.DataAddress, 0x1000);
        // pushfd leaves its copies of EFLAGS below ESP.
        Compare("stack", GuestCode.StackTop - 0x100, 0x100);
        return found;

        void Compare(string what, uint address, int length)
        {
            var (e, a) = (new byte[length], new byte[length]);
            expected.Memory.Read(address, e);
            actual.Memory.Read(address, a);
            var at = e.AsSpan().CommonPrefixLength(a);
            if (at < length) found.Add($"{what} at 0x{address + (uint)at:x8}: interp 0x{e[at]:x2}, dbt 0x{a[at]:x2} (first of {Enumerable.Range(0, length).Count(i => e[i] != a[i])} differing bytes)");
        }
    }

    /// <summary>The program disassembled, one instruction a line with its address.</summary>
    internal static string Listing(byte[] code)
    {
        var decoder = Iced.Intel.Decoder.Create(32, new ByteArrayCodeReader(code), GuestCode.CodeAddress);
        var formatter = new IntelFormatter();
        var text = new StringBuilder();
        var output = new StringOutput();
        while (decoder.IP < GuestCode.CodeAddress + (ulong)code.Length)
        {
            decoder.Decode(out var instruction);
            formatter.Format(instruction, output);
            text.Append($"  {instruction.IP:x8}  {output.ToStringAndReset()}\n");
        }
        return text.ToString();
    }
}
