namespace RuntimeLab.X86.Dbt;

/// <summary>What the binary translator did during a run: the figures of <c>--jit-stats</c>.</summary>
public sealed class TranslationStats
{
    /// <summary>Blocks compiled and installed.</summary>
    public int BlocksTranslated { get; internal set; }
    /// <summary>Compiled blocks dropped because guest code on their pages was written or remapped.</summary>
    public int Invalidations { get; internal set; }
    /// <summary>Background compiles whose block was invalidated while they ran: the result was thrown away.</summary>
    public int Discarded { get; internal set; }
    /// <summary>Blocks the backend refused (they stay interpreted).</summary>
    public int Failures { get; internal set; }
    public long CodeBytes { get; internal set; }
    /// <summary>Guest instructions the translated blocks held, summed over the blocks compiled.</summary>
    public long GuestInstructionsTranslated { get; internal set; }
    /// <summary>Of those, the ones lowered inline; the others call their interpreter handlers.</summary>
    public long GuestInstructionsInline { get; internal set; }
    /// <summary>Time per block compile (IR build, passes, code generation), in compile order.</summary>
    public List<TimeSpan> CompileTimes { get; } = [];

    /// <summary>Instructions retired in compiled code; the rest of <see cref="Interp.Interpreter.InstructionsRetired"/> were interpreted.</summary>
    public ulong CompiledInstructions { get; internal set; }

    public TimeSpan Percentile(double p)
    {
        if (CompileTimes.Count == 0) return TimeSpan.Zero;
        var sorted = CompileTimes.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The <c>--jit-stats</c> report, given the run's total instruction count.</summary>
    public string Report(ulong instructionsRetired)
    {
        var share = instructionsRetired == 0 ? 0 : 100.0 * CompiledInstructions / instructionsRetired;
        return $"dbt: {BlocksTranslated} blocks translated ({GuestInstructionsTranslated} guest instructions, {GuestInstructionsInline} of them inline, {CodeBytes} bytes of host code), " +
               $"{Invalidations} invalidated, {Discarded} discarded, {Failures} failed\n" +
               $"dbt: compile time per block median {Percentile(50).TotalMilliseconds:0.00} ms, p95 {Percentile(95).TotalMilliseconds:0.00} ms, " +
               $"total {CompileTimes.Aggregate(TimeSpan.Zero, (a, b) => a + b).TotalMilliseconds:0} ms\n" +
               $"dbt: {CompiledInstructions} of {instructionsRetired} instructions ran compiled ({share:0.0}%), {instructionsRetired - CompiledInstructions} interpreted";
    }
}
