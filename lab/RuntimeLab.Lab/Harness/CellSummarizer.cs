namespace RuntimeLab.Lab.Harness;

/// <summary>Turns the measured runs into one verdict and set of statistics per (workload, engine).</summary>
internal static class CellSummarizer
{
    public static List<CellSummary> Summarize(
        ExperimentPlan plan, IReadOnlyList<EngineDescription> engines, IReadOnlyList<RunRecord> runs)
    {
        var mismatches = OutputCheck.FindMismatches(plan, runs);
        var cells = new List<CellSummary>();
        foreach (var workload in plan.Workloads)
        {
            // A reference that failed or mismatched gives no ratios: dividing by a wrong run's time means nothing.
            List<RunRecord>? UsableRuns(string reference)
            {
                var referenceRuns = CellRuns(runs, workload.Name, reference);
                bool ok = !mismatches.ContainsKey((workload.Name, reference))
                    && referenceRuns.Count > 0
                    && referenceRuns.All(run => run.Result.Status == RunStatus.Ok);
                return ok ? referenceRuns : null;
            }
            var baselineRuns = UsableRuns(plan.BaselineEngine);
            var references = plan.ReferenceEngines.Select(reference => (Name: reference, Runs: UsableRuns(reference))).ToList();
            foreach (var engine in engines)
            {
                var cellRuns = CellRuns(runs, workload.Name, engine.Name);
                var cell = Judge(workload.Name, engine, cellRuns, mismatches.GetValueOrDefault((workload.Name, engine.Name)));
                cells.Add(cell.Status == CellStatus.Ok
                    ? WithStatistics(cell, cellRuns, baselineRuns, references, plan.RatioMetric)
                    : cell);
            }
        }
        return cells;
    }

    private static List<RunRecord> CellRuns(IReadOnlyList<RunRecord> runs, string workload, string engine) =>
        runs.Where(run => run.Workload == workload && run.Engine == engine).ToList();

    private static CellSummary Judge(string workload, EngineDescription engine, List<RunRecord> runs, string? mismatch)
    {
        var verdict = new CellSummary { Workload = workload, Engine = engine.Name, Status = CellStatus.Ok, Runs = runs.Count };
        if (!engine.Availability.IsAvailable)
            return verdict with { Status = CellStatus.NotInstalled, Detail = engine.Availability.Reason };
        var firstProblem = runs.FirstOrDefault(run => run.Result.Status != RunStatus.Ok);
        if (firstProblem is not null)
        {
            return verdict with
            {
                Status = firstProblem.Result.Status == RunStatus.TimedOut ? CellStatus.TimedOut : CellStatus.Failed,
                Detail = $"repetition {firstProblem.Repetition + 1}: {firstProblem.Result.FailureReason}",
            };
        }
        return mismatch is null ? verdict : verdict with { Status = CellStatus.Mismatch, Detail = mismatch };
    }

    private static CellSummary WithStatistics(
        CellSummary cell, List<RunRecord> runs, List<RunRecord>? baselineRuns,
        List<(string Name, List<RunRecord>? Runs)> references, string ratioMetric)
    {
        var results = runs.Select(run => run.Result).ToList();
        var metricNames = results.SelectMany(result => result.Metrics.Keys).Distinct();
        return cell with
        {
            MedianWallMs = Statistics.Median(results.Select(result => result.WallMs)),
            WallSpread = Statistics.SpreadOf(results.Select(result => result.WallMs)),
            MedianCpuMs = Statistics.Median(results.Where(r => r.CpuMs.HasValue).Select(r => r.CpuMs!.Value)),
            PeakMemoryBytes = results.Max(result => result.PeakMemoryBytes),
            MedianMetrics = metricNames.ToDictionary(
                name => name,
                name => Statistics.Median(results.Where(r => r.Metrics.ContainsKey(name)).Select(r => r.Metrics[name]))!.Value),
            RatioToBaseline = baselineRuns is null ? null : MedianRatio(runs, baselineRuns, ratioMetric),
            RatiosToReferences = references
                .Select(reference => (reference.Name, Ratio: reference.Runs is null ? null : MedianRatio(runs, reference.Runs, ratioMetric)))
                .Where(reference => reference.Ratio.HasValue)
                .ToDictionary(reference => reference.Name, reference => reference.Ratio!.Value),
        };
    }

    /// <summary>The median of engine/baseline over repetitions where both have a usable value.</summary>
    private static double? MedianRatio(List<RunRecord> runs, List<RunRecord> baselineRuns, string metric)
    {
        var ratios =
            from run in runs
            join baseline in baselineRuns on run.Repetition equals baseline.Repetition
            let value = run.Result.ValueOf(metric)
            let reference = baseline.Result.ValueOf(metric)
            where value.HasValue && reference > 0
            select value!.Value / reference!.Value;
        return Statistics.Median(ratios);
    }
}
