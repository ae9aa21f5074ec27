using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using RuntimeLab.X86.Guests;

namespace RuntimeLab.Cli.Tests;

/// <summary>
/// `runtimelab x86 dump`: one guest block's four views, checked against binutils (nm for the symbol,
/// objdump for the instruction boundaries) and against each other; bad addresses end in one line and exit 2.
/// </summary>
public sealed partial class X86DumpCommandTests
{
    private static readonly GuestPrograms s_guests = GuestPrograms.Locate().EnsureBuilt();
    private static readonly string s_sieve = s_guests.Benchmark("sieve");

    [Fact]
    public void TheFourViewsOfMainAgreeWithBinutilsAndWithEachOther()
    {
        var main = SymbolAddress(s_sieve, "main");
        var result = CliProcess.Run(["x86", "dump", "--engine", "dbt", s_sieve, "--addr", "main", "--layout", "stacked"]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        var dump = Views.Parse(result.StandardOutput);

        // 1. The guest view starts at main, and its instructions are objdump's, byte for byte.
        Assert.Equal(main, dump.Guest[0].Address);
        var end = dump.Guest[^1].Address + (uint)dump.Guest[^1].Bytes.Length / 2;
        Assert.Equal(ObjdumpInstructionBytes(s_sieve, main, end), dump.Guest.Select(g => g.Bytes).ToList());

        // 2, 3. The IR defines the block's function, named for its address; optimization does not make it bigger.
        var function = $"@x86_{main:x8}(";
        Assert.Contains(function, dump.IrBefore);
        Assert.Contains(function, dump.IrAfter);
        // (Equal texts would mean the "after" view is not the optimizer's output: O2 always rewrites a block, if only its calls into tail calls.)
        Assert.NotEqual(dump.IrBefore, dump.IrAfter);
        Assert.True(IrInstructions(dump.IrAfter) <= IrInstructions(dump.IrBefore),
            $"{IrInstructions(dump.IrAfter)} IR instructions after O2, {IrInstructions(dump.IrBefore)} before");

        // 4. The host code is a function: it leaves only by ret or a jump (a tail call chains to the next block).
        Assert.NotEmpty(dump.Host);
        Assert.Matches(@"^(ret|jmp)\b", dump.Host[^1]);
        Assert.Contains(dump.Host, i => i.StartsWith("ret", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAddrTheBlockIsTheEntryAndADecimalAddressNamesTheSameBlock()
    {
        var entry = BinaryPrimitives.ReadUInt32LittleEndian(File.ReadAllBytes(s_sieve).AsSpan(24, 4));
        var byDefault = CliProcess.Run(["x86", "dump", s_sieve, "--layout", "stacked", "--opt", "0"]);
        var byDecimal = CliProcess.Run(["x86", "dump", s_sieve, "--addr", entry.ToString(CultureInfo.InvariantCulture), "--layout", "stacked", "--opt", "0"]);
        Assert.True(byDefault.ExitCode == 0, byDefault.StandardError);
        Assert.True(byDecimal.ExitCode == 0, byDecimal.StandardError);
        var guest = Views.Parse(byDefault.StandardOutput).Guest;
        Assert.Equal(entry, guest[0].Address);
        Assert.Equal(guest, Views.Parse(byDecimal.StandardOutput).Guest);
        Assert.Contains("LLVM IR after O0", byDefault.StandardOutput);
    }

    [Theory]
    [InlineData("0x10", "0x00000010 is not in an executable segment")]
    [InlineData("0xc0000000", "0xc0000000 is not in an executable segment")]
    [InlineData("no_such_function", "no symbol 'no_such_function'")]
    [InlineData("0x12g4", "'0x12g4' is not a 32-bit hexadecimal address")]
    public void ABadAddressIsOneLineOnStderrAndExitCode2(string address, string message)
    {
        var result = CliProcess.Run(["x86", "dump", s_sieve, "--addr", address]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"runtimelab: error: x86 dump: {s_sieve}: ", line);
        Assert.Contains(message, line);
    }

    [Fact]
    public void HelpExplainsThatTheDumpAlwaysTranslatesAndGivesExamples()
    {
        var result = CliProcess.Run(["x86", "dump", "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--addr", result.StandardOutput);
        Assert.Contains("--engine", result.StandardOutput);
        Assert.Contains("always translates", result.StandardOutput);
        Assert.Contains("runtimelab x86 dump lab/guests/build/bench/sieve --addr main", result.StandardOutput);
    }

    private sealed record GuestLine(uint Address, string Bytes);

    /// <summary>The four views of a `--layout stacked` dump, split at their headings.</summary>
    private sealed record Views(List<GuestLine> Guest, string IrBefore, string IrAfter, List<string> Host)
    {
        public static Views Parse(string output)
        {
            var lines = output.Split('\n');
            var guestStart = Array.FindIndex(lines, l => l.StartsWith("1. Guest x86 instructions", StringComparison.Ordinal)) + 1;
            var irBefore = Array.FindIndex(lines, l => l.StartsWith("── 2. LLVM IR", StringComparison.Ordinal));
            var irAfter = Array.FindIndex(lines, l => l.StartsWith("── 3. LLVM IR", StringComparison.Ordinal));
            var host = Array.FindIndex(lines, l => l.StartsWith("4. Host x86-64 code", StringComparison.Ordinal));
            Assert.True(guestStart > 0 && irBefore > guestStart && irAfter > irBefore && host > irAfter, $"the four views, in order, in:\n{output}");
            var guest = lines[guestStart..irBefore].TakeWhile(l => l.Length > 0).Select(l =>
            {
                var match = GuestPattern().Match(l);
                Assert.True(match.Success, $"a guest instruction line: '{l}'");
                return new GuestLine(uint.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture), match.Groups[2].Value);
            }).ToList();
            Assert.NotEmpty(guest);
            // A host line is "address  bytes  instruction"; the instruction is what follows the second run of spaces.
            var hostInstructions = lines[(host + 1)..].Where(l => l.Length > 0).Select(l => HostPattern().Match(l).Groups[1].Value).ToList();
            return new Views(guest, string.Join('\n', lines[(irBefore + 1)..irAfter]), string.Join('\n', lines[(irAfter + 1)..host]), hostInstructions);
        }
    }

    /// <summary>Instructions in an IR listing: the indented lines of function bodies.</summary>
    private static int IrInstructions(string ir) => ir.Split('\n').Count(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.TrimStart().StartsWith(';'));

    private static uint SymbolAddress(string program, string symbol)
    {
        var line = Tool("nm", program).Split('\n').Single(l => l.EndsWith($" T {symbol}", StringComparison.Ordinal));
        return uint.Parse(line.Split(' ')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    /// <summary>Each instruction's bytes (lowercase hex) as objdump decodes [start, end) of the program's code.</summary>
    private static List<string> ObjdumpInstructionBytes(string program, uint start, uint end)
    {
        var instructions = new List<string>();
        var listing = Tool("objdump", "-d", "-M", "intel", $"--start-address=0x{start:x}", $"--stop-address=0x{end:x}", program);
        foreach (Match match in ObjdumpPattern().Matches(listing))
        {
            var bytes = match.Groups[1].Value.Replace(" ", "");
            // objdump continues a long instruction's bytes on a line of their own, without a mnemonic.
            if (match.Groups[2].Value.Trim().Length == 0 && instructions.Count > 0) instructions[^1] += bytes;
            else instructions.Add(bytes);
        }
        return instructions;
    }

    private static string Tool(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(name, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{name} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    [GeneratedRegex(@"^([0-9a-f]{8}) +([0-9a-f]+) +\S")]
    private static partial Regex GuestPattern();

    [GeneratedRegex(@"^[0-9a-f]+ +[0-9a-f]+ +(.+)$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^ *[0-9a-f]+:\t((?:[0-9a-f]{2} )+)[ \t]*(.*)$", RegexOptions.Multiline)]
    private static partial Regex ObjdumpPattern();
}
