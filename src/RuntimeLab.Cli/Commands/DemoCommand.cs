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
/// traced, its output checked against what qemu-i386 printed. Each VM adds its stop as it arrives.
/// </summary>
public static class DemoCommand
{
    private const string Guest = "hello";
    private const int TracedInstructions = 12;

    public static Command Create()
    {
        var demo = new Command("demo", "A tour of RuntimeLab: the shared JIT backend, then a real i386 program on the x86 emulator.");
        demo.SetAction(_ =>
        {
            var width = Terminal.OutWidth;
            var report = BackendDemo.Run();
            Console.Out.Write(JitCommand.Render(report, width, Layout.Auto));
            Console.Out.WriteLine();
            var guestMatches = RunGuest();
            var jitAgrees = report.Levels.All(l => l.Result == report.ManagedResult);
            return jitAgrees && guestMatches ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return Examples.Attach(demo, "runtimelab demo", "runtimelab demo | less -S");
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
