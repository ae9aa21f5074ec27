using System.Text;
using RuntimeLab.X86.Guests;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;

namespace RuntimeLab.X86.Tests.Insn;

/// <summary>
/// Runs an instruction-test guest (lab/guests/insn/NAME.c, built by make) on the interpreter and
/// compares its output, one case per line, with what qemu-i386 printed (expected/insn/NAME.out,
/// made by regenerate-references.sh), under the engine named (see <see cref="Engines"/>): the
/// interpreter and the translator must both print QEMU's lines. A mismatch names the first
/// differing case with both lines, since each line carries the case's name, operands and input flags.
/// </summary>
internal static class InsnProgram
{
    private static readonly GuestPrograms s_guests = GuestPrograms.Locate().EnsureBuilt();

    /// <summary>
    /// <paramref name="lastBitTolerance"/>: a case may differ from QEMU's only in its result's last
    /// significand bit (one unit in the last place, flags and everything else equal); for the
    /// transcendentals QEMU computes with algorithms of its own.
    /// </summary>
    public static void MatchesQemu(string name, string engine, bool lastBitTolerance = false)
    {
        var (expectedBytes, expectedStatus) = s_guests.Expected(Path.Combine("insn", name));
        var (actualBytes, errors, status) = Run(name, Engines.Named(engine));
        // What the emulator or the guest said on stderr (an unimplemented instruction, a guest fault) explains a short output.
        var said = $"\n  engine: {engine}\n  exit status: qemu-i386 {expectedStatus}, RuntimeLab {status}" + (errors.Length > 0 ? $"\n  stderr: {Encoding.UTF8.GetString(errors).Trim()}" : "");
        var expected = Lines(expectedBytes);
        var actual = Lines(actualBytes);
        var differing = Enumerable.Range(0, Math.Min(expected.Length, actual.Length))
            .Where(i => expected[i] != actual[i] && !(lastBitTolerance && OneUnitApart(expected[i], actual[i])))
            .ToList();
        if (differing.Count > 0)
        {
            var i = differing[0];
            Assert.Fail($"{name}: {differing.Count} case(s) differ; the first, line {i + 1}:\n  expected (qemu-i386) {expected[i]}\n  actual (RuntimeLab)   {actual[i]}{said}");
        }
        if (expected.Length != actual.Length)
        {
            var shorter = Math.Min(expected.Length, actual.Length);
            Assert.Fail($"{name}: qemu-i386 printed {expected.Length} lines, RuntimeLab {actual.Length}; the first unmatched:\n  " +
                        (expected.Length > shorter ? $"expected {expected[shorter]}" : $"actual {actual[shorter]}") + said);
        }
        Assert.True(expectedStatus == status, $"{name}: qemu-i386 exited with {expectedStatus}, RuntimeLab with {status}{said}");
    }

    private static (byte[] Output, byte[] Errors, int Status) Run(string name, Dbt.EngineOptions engine)
    {
        Interpreter? first = null;
        var program = Path.Combine(s_guests.Root, "build", "insn", name);
        var output = new MemoryStream();
        var errors = new MemoryStream();
        var status = UserModeProcess.Run(new UserModeOptions
        {
            ProgramPath = "/" + name,
            Arguments = ["/" + name],
            Root = Path.GetDirectoryName(program)!,
            ReadOnly = true,
            Streams = new StandardStreams(new MemoryStream(), output, errors),
            MaxInstructions = 2_000_000_000,
            CreateCpu = (memory, threadArea) =>
            {
                var cpu = Interpreter.ForUserMode(memory, threadArea, engine);
                first ??= cpu;
                return cpu;
            },
        });
        if (engine.Engine == Dbt.X86Engine.Dbt) Engines.AssertRanCompiled(first!);
        return (output.ToArray(), errors.ToArray(), status);
    }

    /// <summary>The lines are equal but for one hexadecimal significand (x87 "sign_exponent:significand") that is one unit apart.</summary>
    private static bool OneUnitApart(string expected, string actual)
    {
        var e = expected.Split(' ');
        var a = actual.Split(' ');
        if (e.Length != a.Length) return false;
        var apart = Enumerable.Range(0, e.Length).Where(i => e[i] != a[i]).ToList();
        if (apart.Count != 1) return false;
        var (x, y) = (e[apart[0]].Split(':'), a[apart[0]].Split(':'));
        if (x.Length != 2 || y.Length != 2 || x[0] != y[0]) return false;
        if (!ulong.TryParse(x[1], System.Globalization.NumberStyles.HexNumber, null, out var p) ||
            !ulong.TryParse(y[1], System.Globalization.NumberStyles.HexNumber, null, out var q)) return false;
        return p - q == 1 || q - p == 1;
    }

    private static string[] Lines(byte[] bytes) => Encoding.UTF8.GetString(bytes).Split('\n');
}
