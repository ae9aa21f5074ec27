using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RuntimeLab.Cli.Help;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;
using TraceOptions = RuntimeLab.X86.Interp.TraceOptions;

namespace RuntimeLab.Cli.Commands;

/// <summary>`runtimelab x86 …`: the x86 emulator. `x86 run` runs a static i386 Linux program in user mode.</summary>
public static class X86Command
{
    /// <summary>Shell conventions for a program that cannot run: 126 found but not executable, 127 not found.</summary>
    public const int CannotExecute = 126, NotFound = 127;

    public static Command Create()
    {
        var x86 = new Command("x86", "The x86 (i686) emulator: run static i386 Linux programs, boot multiboot kernels on a bare-metal PC, or dump how a guest block translates.");
        x86.Subcommands.Add(CreateRun());
        x86.Subcommands.Add(X86BootCommand.Create());
        x86.Subcommands.Add(X86DumpCommand.Create());
        return Examples.Attach(x86, "runtimelab x86 run ./hello world", "runtimelab x86 boot lab/guests/build/kernels/hello",
            "runtimelab x86 dump lab/guests/build/bench/sieve --addr main");
    }

    private static Command CreateRun()
    {
        var program = new Argument<string>("program") { Description = "A static i386 ELF executable (gcc -m32 -static), as a host path or a guest path inside --root." };
        var guestArguments = new Argument<string[]>("args") { Description = "Arguments for the program, passed unchanged (even ones that look like options).", Arity = ArgumentArity.ZeroOrMore };
        var root = new Option<string>("--root") { Description = "Host folder that is the guest's '/': all file access is confined to it.", DefaultValueFactory = _ => "." };
        var readOnly = new Option<bool>("--read-only") { Description = "Forbid the guest to create or write files." };
        var strace = new Option<bool>("--strace") { Description = "Print each system call and its result on stderr, as strace does." };
        var trace = new Option<bool>("--trace") { Description = "Print each executed instruction (address, bytes, disassembly) on stderr." };
        var traceRegisters = new Option<bool>("--trace-regs") { Description = "With --trace: the registers after each instruction." };
        var traceFrom = new Option<string?>("--trace-from") { Description = "Trace only from this address (hex)." };
        var traceTo = new Option<string?>("--trace-to") { Description = "Trace only up to this address (hex)." };
        var traceLimit = new Option<ulong?>("--trace-limit") { Description = "Stop tracing after this many instructions." };
        var maxInstructions = new Option<ulong?>("--max-instructions") { Description = "End the run (status 124) after this many guest instructions." };
        var stats = new Option<bool>("--stats") { Description = "Print instructions executed, blocks decoded and guest MIPS on stderr at exit." };
        var run = new Command("run", "Run a static i386 Linux program on the emulator (Linux user mode); exits with the guest's status.")
        {
            program, guestArguments, root, readOnly, strace, trace, traceRegisters, traceFrom, traceTo, traceLimit, maxInstructions, stats,
        };
        var engine = new X86EngineOptions();
        engine.AddTo(run);
        Examples.Attach(run,
            "runtimelab x86 run lab/guests/build/user/hello one two",
            "runtimelab x86 run --engine dbt --jit-stats lab/guests/build/bench/sieve",
            "runtimelab x86 run --strace --root /tmp/sandbox /prog",
            "runtimelab x86 run --trace --trace-regs --trace-limit 50 ./prog");
        run.SetAction(parse =>
        {
            var programPath = parse.GetValue(program)!;
            TraceOptions? traceOptions = parse.GetValue(trace)
                ? new TraceOptions(Console.Error)
                {
                    Registers = parse.GetValue(traceRegisters),
                    From = Address(parse.GetValue(traceFrom), 0),
                    To = Address(parse.GetValue(traceTo), uint.MaxValue),
                    Limit = parse.GetValue(traceLimit) ?? ulong.MaxValue,
                }
                : null;
            Interpreter? interpreter = null;
            var engineOptions = engine.Read(parse);
            var options = new UserModeOptions
            {
                ProgramPath = programPath,
                Arguments = [programPath, .. parse.GetValue(guestArguments) ?? []],
                Root = parse.GetValue(root)!,
                ReadOnly = parse.GetValue(readOnly),
                Strace = parse.GetValue(strace) ? Console.Error : null,
                MaxInstructions = parse.GetValue(maxInstructions) ?? ulong.MaxValue,
                CreateCpu = (memory, threadArea) =>
                {
                    interpreter = Interpreter.ForUserMode(memory, threadArea, engineOptions);
                    interpreter.Trace = traceOptions;
                    return interpreter;
                },
            };
            var clock = Stopwatch.StartNew();
            int status;
            try
            {
                status = UserModeProcess.Run(options);
            }
            catch (ElfException bad)
            {
                throw new CliException($"x86: {programPath}: {bad.Message}", CannotExecute);
            }
            catch (FileNotFoundException)
            {
                throw new CliException($"x86: {programPath}: no such file", NotFound);
            }
            Console.Out.Flush();
            if (parse.GetValue(stats) && interpreter is not null) PrintStats(interpreter, clock.Elapsed);
            engine.Report(parse, interpreter);
            return status;
        });
        return run;
    }

    internal static uint Address(string? text, uint fallback)
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return uint.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliException($"'{text}' is not a hexadecimal address", ExitCodes.UsageError);
    }

    private static void PrintStats(Interpreter interpreter, TimeSpan elapsed)
    {
        var instructions = interpreter.InstructionsRetired;
        Console.Error.WriteLine(
            $"runtimelab: x86: {instructions:N0} instructions in {elapsed.TotalSeconds:0.000} s ({instructions / elapsed.TotalSeconds / 1e6:0.0} MIPS), " +
            $"{interpreter.BlocksDecoded:N0} blocks decoded, {interpreter.Invalidations:N0} invalidated");
    }
}
