using RuntimeLab.Jit.Compile;

namespace RuntimeLab.Runtime.Jit;

/// <summary>What one VM's JIT did, for <c>--jit-stats</c>: methods compiled and refused, and per-method
/// compile time, IR size and code size. An on-stack-replacement continuation counts as a method compiled.</summary>
internal sealed class JitStatistics
{
    private readonly Lock _gate = new();
    private readonly List<CompileStats> _compiled = [];
    private int _refused, _osrEntries;

    public void Compiled(CompileStats stats)
    {
        lock (_gate) _compiled.Add(stats);
    }

    public void Refused()
    {
        lock (_gate) _refused++;
    }

    /// <summary>An interpreted activation continued in on-stack-replacement code.</summary>
    public void EnteredOsr() => Interlocked.Increment(ref _osrEntries);

    public string Format()
    {
        lock (_gate)
        {
            var times = _compiled.Select(s => s.TotalTime.TotalMilliseconds).Order().ToArray();
            var text = new System.Text.StringBuilder();
            text.AppendLine($"JIT: {_compiled.Count} methods compiled, {_refused} left to the interpreter, {_osrEntries} activations moved to compiled loops (on-stack replacement)");
            if (times.Length == 0) return text.ToString();
            text.AppendLine($"  compile time per method: median {Percentile(times, 0.5):0.00} ms, p95 {Percentile(times, 0.95):0.00} ms, total {times.Sum():0.0} ms");
            text.AppendLine($"  IR instructions: {_compiled.Sum(s => s.IrInstructionsBefore)} built, {_compiled.Sum(s => s.IrInstructionsAfter)} after optimization");
            text.AppendLine($"  native code: {_compiled.Sum(s => s.CodeBytes)} bytes");
            return text.ToString();
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
