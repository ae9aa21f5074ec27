using System.CommandLine;
using System.Diagnostics;
using RuntimeLab.Cli.Help;
using RuntimeLab.X86.Devices;
using RuntimeLab.X86.Machine;
using TraceOptions = RuntimeLab.X86.Interp.TraceOptions;

namespace RuntimeLab.Cli.Commands;

/// <summary>
/// `runtimelab x86 boot KERNEL`: the bare-metal PC. It boots a multiboot ELF kernel the way
/// `qemu-system-i386 -kernel` does, with COM1 on stdout, and exits with the kernel's isa-debug-exit status.
/// </summary>
public static class X86BootCommand
{
    public static Command Create()
    {
        var kernel = new Argument<string>("kernel") { Description = "A Multiboot (v1) ELF kernel: the header in its first 8 KiB, loaded at its physical addresses." };
        var megabytes = new Option<uint>("-m") { Description = "RAM in MiB (2 to 3072), as qemu's -m.", DefaultValueFactory = _ => MachineOptions.DefaultMegabytes };
        var debugcon = new Option<string?>("--debugcon") { Description = "Where port 0xE9 output goes: a file, or 'stderr'. Without it the port is absent, as in QEMU." };
        var maxInstructions = new Option<ulong?>("--max-instructions") { Description = "End the run (status 124) after this many guest instructions." };
        var timeout = new Option<double?>("--timeout") { Description = "End the run (status 124) after this many seconds of host time." };
        var trace = new Option<bool>("--trace") { Description = "Print each executed instruction (address, bytes, disassembly) on stderr." };
        var traceRegisters = new Option<bool>("--trace-regs") { Description = "With --trace: the registers after each instruction." };
        var traceFrom = new Option<string?>("--trace-from") { Description = "Trace only from this address (hex)." };
        var traceTo = new Option<string?>("--trace-to") { Description = "Trace only up to this address (hex)." };
        var traceLimit = new Option<ulong?>("--trace-limit") { Description = "Stop tracing after this many instructions." };
        var stats = new Option<bool>("--stats") { Description = "Print instructions executed and guest MIPS on stderr at exit." };
        var clockSource = new Option<ClockSource>("--clock")
        {
            Description = "What guest time (PIT, RTC, HLT) follows: 'instructions' (one per nanosecond: every run the same, the default) or 'host' (wall time, as QEMU without -icount).",
            DefaultValueFactory = _ => ClockSource.Instructions,
        };
        var boot = new Command("boot",
            "Boot a multiboot kernel on the bare-metal PC (as qemu-system-i386 -kernel): COM1 on stdin and stdout, exit status from isa-debug-exit " +
            "(port 0xF4: value v exits with (v << 1) | 1), 124 at --max-instructions or --timeout. A triple fault prints a register dump and exits 0, " +
            "like QEMU with -no-reboot. Guest time follows the instruction count, so runs are reproducible, unless --clock host.")
        {
            kernel, megabytes, debugcon, maxInstructions, timeout, trace, traceRegisters, traceFrom, traceTo, traceLimit, stats, clockSource,
        };
        var engine = new X86EngineOptions();
        engine.AddTo(boot);
        Examples.Attach(boot,
            "runtimelab x86 boot lab/guests/build/kernels/hello",
            "runtimelab x86 boot --engine dbt --jit-stats lab/guests/build/kernels/sieve",
            "runtimelab x86 boot --debugcon stderr -m 64 lab/guests/build/kernels/timer",
            "runtimelab x86 boot --clock host lab/guests/build/kernels/rtc",
            "runtimelab x86 boot --trace --trace-limit 40 --max-instructions 100000 lab/guests/build/kernels/paging");
        boot.SetAction(parse =>
        {
            var kernelPath = parse.GetValue(kernel)!;
            byte[] image;
            try
            {
                image = File.ReadAllBytes(kernelPath);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new CliException($"x86: {kernelPath}: no such file", X86Command.NotFound);
            }
            var ram = parse.GetValue(megabytes);
            if (ram is < 2 or > 3072) throw new CliException($"x86: -m {ram}: RAM must be 2 to 3072 MiB", ExitCodes.UsageError);
            var debugconPath = parse.GetValue(debugcon);
            using var debugconStream = debugconPath switch
            {
                null => null,
                "stderr" => Console.OpenStandardError(),
                _ => File.Create(debugconPath),
            };
            using var serial = Console.OpenStandardOutput();
            var serialInput = Console.OpenStandardInput();
            var options = new MachineOptions
            {
                Megabytes = ram,
                Serial = serial,
                SerialInput = serialInput,
                DebugConsole = debugconStream,
                MaxInstructions = parse.GetValue(maxInstructions) ?? ulong.MaxValue,
                Timeout = parse.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Trace = parse.GetValue(trace)
                    ? new TraceOptions(Console.Error)
                    {
                        Registers = parse.GetValue(traceRegisters),
                        From = X86Command.Address(parse.GetValue(traceFrom), 0),
                        To = X86Command.Address(parse.GetValue(traceTo), uint.MaxValue),
                        Limit = parse.GetValue(traceLimit) ?? ulong.MaxValue,
                    }
                    : null,
                CommandLine = kernelPath,
                Clock = parse.GetValue(clockSource),
                Engine = engine.Read(parse),
            };
            using var machine = new BareMetalMachine(options);
            try
            {
                machine.LoadKernel(image);
            }
            catch (KernelImageException bad)
            {
                throw new CliException($"x86: {kernelPath}: {bad.Message}", X86Command.CannotExecute);
            }
            var clock = Stopwatch.StartNew();
            var result = machine.Run();
            if (parse.GetValue(stats))
                Console.Error.WriteLine($"runtimelab: x86: {result.Instructions:N0} instructions in {clock.Elapsed.TotalSeconds:0.000} s ({result.Instructions / clock.Elapsed.TotalSeconds / 1e6:0.0} MIPS)");
            engine.Report(parse, machine.Cpu);
            return result.ExitStatus;
        });
        return boot;
    }
}
