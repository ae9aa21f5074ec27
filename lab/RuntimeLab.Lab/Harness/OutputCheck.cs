namespace RuntimeLab.Lab.Harness;

/// <summary>
/// Finds engines whose output is wrong: differing from the reference engine (the baseline if it ran, else the
/// first engine that ran), or differing between their own repetitions. A fast wrong answer is not a result.
/// </summary>
internal static class OutputCheck
{
    /// <returns>Per (workload, engine), a description of the mismatch; cells absent from it agree.</returns>
    public static Dictionary<(string Workload, string Engine), string> FindMismatches(
        ExperimentPlan plan, IReadOnlyList<RunRecord> runs)
    {
        var mismatches = new Dictionary<(string, string), string>();
        foreach (var workload in plan.Workloads)
        {
            var outputs = plan.Engines
                .Select(engine => (Engine: engine.Name, Runs: OkRuns(runs, workload.Name, engine.Name)))
                .Where(engine => engine.Runs.Count > 0)
                .ToList();
            foreach (var (engine, engineRuns) in outputs)
            {
                if (FindInconsistency(engineRuns) is { } inconsistency)
                    mismatches[(workload.Name, engine)] = inconsistency;
            }
            if (!workload.OutputsComparable || outputs.Count == 0)
                continue;

            var reference = outputs[Math.Max(outputs.FindIndex(o => o.Engine == plan.BaselineEngine), 0)];
            foreach (var (engine, engineRuns) in outputs)
            {
                if (engine == reference.Engine || mismatches.ContainsKey((workload.Name, engine)))
                    continue;
                if (OutputDifference.Find(reference.Runs[0].Result.Stdout, engineRuns[0].Result.Stdout) is { } difference)
                    mismatches[(workload.Name, engine)] = $"output differs from {reference.Engine} at {difference}";
            }
        }
        return mismatches;
    }

    private static List<RunRecord> OkRuns(IReadOnlyList<RunRecord> runs, string workload, string engine) =>
        runs.Where(run => run.Workload == workload && run.Engine == engine && run.Result.Status == RunStatus.Ok)
            .OrderBy(run => run.Repetition)
            .ToList();

    private static string? FindInconsistency(List<RunRecord> engineRuns)
    {
        var first = engineRuns[0];
        foreach (var later in engineRuns.Skip(1))
        {
            if (OutputDifference.Find(first.Result.Stdout, later.Result.Stdout) is { } difference)
                return $"output of repetition {later.Repetition + 1} differs from repetition {first.Repetition + 1} at {difference}";
        }
        return null;
    }
}
