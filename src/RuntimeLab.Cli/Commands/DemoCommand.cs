using System.CommandLine;
using System.Diagnostics;
using RuntimeLab.Cli.Help;
using RuntimeLab.Cli.Hosting;
using RuntimeLab.Cli.Rendering;
using RuntimeLab.Lab.Experiments.Backend;
using RuntimeLab.X86.Guests;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;
using TraceOptions = RuntimeLab.X86.Interp.TraceOptions;

namespace RuntimeLab.Cli.Commands;

/// <summary>
/// `runtimelab demo`: the tour a newcomer runs first. One function through the shared LLVM backend,
/// then a real i386 program (built by gcc -m32 -static) on the x86 emulator, its first instructions
/// traced, its output checked against what qemu-i386 printed; then a C# sample on the application VM.
/// </summary>
public static class DemoCommand
{
    private const string Guest = "hello";
    private const int TracedInstructions = 12;

    public static Command Create()
    {
        var demo = new Command("demo", "A tour of RuntimeLab: the shared JIT backend, a real i386 program on the x86 emulator, and a C# program on the application VM.");
        demo.SetAction(_ =>
        {
            var width = Terminal.OutWidth;
            var report = BackendDemo.Run();
            Console.Out.Write(JitCommand.Render(report, width, Layout.Auto));
            Console.Out.WriteLine();
            var guestMatches = RunGuest();
            Console.Out.WriteLine();
            var sampleRan = RunSample();
            var jitAgrees = report.Levels.All(l => l.Result == report.ManagedResult);
            return jitAgrees && guestMatches && sampleRan ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return Examples.Attach(demo, "runtimelab demo", "runtimelab demo | less -S");
    }

    /// <summary>The application VM: a C# sample compiled against RuntimeLab's base library and run on
    /// RuntimeLab's interpreter and heap (the conformance tests compare such programs with CoreCLR).</summary>
    private static bool RunSample()
    {
        var source = Path.Combine(RepositoryRoot(), "bytecode", "samples", "hello", "Program.cs");
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var clock = Stopwatch.StartNew();
        int code;
        try
        {
            code = Runtime.AppVm.Run(source, ["one", "two"], new Runtime.AppIo(TextReader.Null, stdout, stderr),
                new Runtime.RunOptions { GcStats = true });
        }
        catch (Runtime.AppLoadException e)
        {
            Console.Out.WriteLine($"The application VM could not run bytecode/samples/hello/Program.cs: {e.Message}");
            return false;
        }
        var elapsed = clock.Elapsed;
        var text = Console.Out;
        text.WriteLine("The application VM: bytecode/samples/hello/Program.cs, compiled by Roslyn against RuntimeLab's base library,");
        text.WriteLine("run on RuntimeLab's interpreter with objects in its own garbage-collected heap (the host CLR never runs it):");
        text.WriteLine("    runtimelab run --gc-stats bytecode/samples/hello/Program.cs one two");
        text.WriteLine();
        text.WriteLine("── what it printed ──");
        text.Write(stdout.ToString());
        text.WriteLine();
        text.WriteLine("── the collector's statistics ──");
        text.Write(stderr.ToString());
        text.WriteLine();
        text.WriteLine($"Exit code {code} (Main's return value) in {elapsed.TotalMilliseconds:0} ms, compile included.");
        return code == 3;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RuntimeLab.sln"))) return dir.FullName;
        throw new CliException("the RuntimeLab repository (RuntimeLab.sln) was not found above the runtimelab command");
    }

    private static bool RunGuest()
    {
        var guests = GuestPrograms.Locate().EnsureBuilt();
        var program = guests.UserProgram(Guest);
        var arguments = guests.ArgumentsOf(Guest);
        var trace = new StringWriter();
        var output = new MemoryStream();
        Interpreter? cpu = null;
        var clock = Stopwatch.StartNew();
        var status = UserModeProcess.Run(new UserModeOptions
        {
            ProgramPath = "/" + Guest,
            Arguments = ["/" + Guest, .. arguments],
            Root = Path.GetDirectoryName(program)!,
            ReadOnly = true,
            Streams = new StandardStreams(new MemoryStream(), output, new MemoryStream()),
            CreateCpu = (memory, threadArea) =>
            {
                cpu = Interpreter.ForUserMode(memory, threadArea);
                cpu.Trace = new TraceOptions(trace) { Registers = true, Limit = TracedInstructions };
                return cpu;
            },
        });
        var elapsed = clock.Elapsed;
        var (expected, expectedStatus) = guests.Expected(Guest);
        var matches = output.ToArray().AsSpan().SequenceEqual(expected) && status == expectedStatus;

        var text = Console.Out;
        text.WriteLine($"The x86 emulator: lab/guests/user/{Guest}.c, built by gcc -m32 -static (glibc), run in Linux user mode:");
        text.WriteLine($"    runtimelab x86 run --root lab/guests/build/user /{Guest} {string.Join(' ', arguments)}");
        text.WriteLine();
        text.WriteLine($"── its first {TracedInstructions} instructions (address, bytes, instruction; registers after) ──");
        text.Write(trace.ToString());
        text.WriteLine();
        text.WriteLine("── what it printed ──");
        text.Write(System.Text.Encoding.UTF8.GetString(output.ToArray()));
        text.WriteLine();
        text.WriteLine($"Exit status {status}; {cpu!.InstructionsRetired:N0} guest instructions in {elapsed.TotalMilliseconds:0} ms (start-up included), {cpu.BlocksDecoded:N0} blocks decoded.");
        text.WriteLine(matches
            ? "Output and exit status are identical to qemu-i386's (lab/guests/expected)."
            : "MISMATCH: the output or exit status differs from qemu-i386's (lab/guests/expected).");
        return matches;
    }
}
