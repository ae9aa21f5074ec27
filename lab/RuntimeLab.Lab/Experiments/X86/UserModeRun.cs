using RuntimeLab.Lab.Harness;
using RuntimeLab.X86.Dbt;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Linux;

namespace RuntimeLab.Lab.Experiments.X86;

/// <summary>
/// One in-process run of a static i386 program on RuntimeLab's emulator in one engine, with the guest
/// instruction count and, where the engine translates, the translator's figures as metrics.
/// </summary>
internal static class UserModeRun
{
    public const string GuestMillionInstructions = "guest_minstr";
    public const string Mips = "mips";
    public const string BlocksTranslated = "blocks";
    public const string CompileMedianMs = "jit_p50_ms";
    public const string CompileP95Ms = "jit_p95_ms";
    public const string CompiledPercent = "jit_pct";

    /// <exception cref="InvalidOperationException">The program exited with a status other than 0.</exception>
    public static EngineOutput Run(Workload workload, EngineOptions engine)
    {
        var program = workload.Parameters["i386"];
        var size = workload.Parameters["size"];
        var output = new MemoryStream();
        Interpreter? cpu = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var status = UserModeProcess.Run(new UserModeOptions
        {
            ProgramPath = program,
            Arguments = size.Length > 0 ? [program, size] : [program],
            Root = Path.GetDirectoryName(program)!,
            ReadOnly = true,
            Streams = new StandardStreams(new MemoryStream(), output, new MemoryStream()),
            CreateCpu = (memory, threadArea) => cpu = Interpreter.ForUserMode(memory, threadArea, engine),
        });
        var seconds = clock.Elapsed.TotalSeconds;
        if (status != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with status {status} on {EngineOptions.Name(engine.Engine)}");
        return new EngineOutput(System.Text.Encoding.UTF8.GetString(output.ToArray()), Metrics(cpu!, seconds));
    }

    /// <remarks>Read after the process ended: the CPU is disposed by then, and its counters still answer.</remarks>
    private static Dictionary<string, double> Metrics(Interpreter cpu, double seconds)
    {
        var instructions = (double)cpu.InstructionsRetired;
        var metrics = new Dictionary<string, double>
        {
            [GuestMillionInstructions] = instructions / 1e6,
            // Translation time included: the rate a user of the engine sees, as qemu-i386's time includes its TCG.
            [Mips] = instructions / seconds / 1e6,
        };
        if (cpu.Translation is not { } translation)
            return metrics;
        metrics[BlocksTranslated] = translation.BlocksTranslated;
        metrics[CompiledPercent] = instructions == 0 ? 0 : 100.0 * translation.CompiledInstructions / instructions;
        // No compile means no compile time, which is not the same as a compile taking no time: leave it out.
        if (translation.CompileTimes.Count > 0)
        {
            metrics[CompileMedianMs] = translation.Percentile(50).TotalMilliseconds;
            metrics[CompileP95Ms] = translation.Percentile(95).TotalMilliseconds;
        }
        return metrics;
    }
}
