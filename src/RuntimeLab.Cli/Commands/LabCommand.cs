using System.CommandLine;
using RuntimeLab.Cli.Help;
using RuntimeLab.Cli.Hosting;
using RuntimeLab.Lab.Experiments;
using RuntimeLab.Lab.Harness;
using RuntimeLab.Lab.Reporting;
using Spectre.Console;

namespace RuntimeLab.Cli.Commands;

/// <summary>
/// `runtimelab lab`: lists and runs experiments. Tables go to stdout; progress and diagnostics to stderr.
/// Exit codes: 0 all installed engines ran and agreed, 1 a run failed, timed out or mismatched, 2 bad usage.
/// </summary>
public static class LabCommand
{
    public static Command Create()
    {
        var lab = new Command("lab", "Compare engines on workloads with interleaved, repeated runs and output checks.");
        lab.Subcommands.Add(CreateList());
        lab.Subcommands.Add(CreateRun());
        return Examples.Attach(lab, "runtimelab lab list", "runtimelab lab run backend");
    }

    private static Command CreateList()
    {
        var list = Examples.Attach(new Command("list", "List the experiments that can be run."), "runtimelab lab list");
        list.SetAction(_ =>
        {
            var table = new Table().AddColumns("name", "description");
            foreach (var experiment in ExperimentCatalog.All)
                table.AddRow(Markup.Escape(experiment.Name), Markup.Escape(experiment.Description));
            Terminal.Out.Write(table);
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateRun()
    {
        var name = new Argument<string>("name") { Description = "The experiment to run (see `runtimelab lab list`)" };
        var reps = new Option<int?>("--reps") { Description = "Measured repetitions per engine and workload (default: the experiment's)" };
        var warmup = new Option<int?>("--warmup") { Description = "Unrecorded warm-up rounds before measuring (default: the experiment's)" };
        var output = new Option<string?>("--out") { Description = "Folder for runs.csv, summary.csv, result.json (default: out/lab/NAME-yyyyMMdd-HHmmss)" };
        var baseline = new Option<string?>("--baseline") { Description = "Engine that ratios and outputs are compared against (default: the experiment's)" };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds one run may take before it is stopped (default: the experiment's)" };
        var size = new Option<string?>("--size") { Description = "Workload size, for experiments that offer several (appvm: small, large; default: the first)" };

        var engines = new Option<string?>("--engines") { Description = "Comma-separated engines to run, of the experiment's (default: all; the baseline must be among them)" };
        var workloads = new Option<string?>("--workloads") { Description = "Comma-separated workloads to run, of the experiment's (default: all)" };

        var run = new Command("run", "Run an experiment, print a summary table and write CSV and JSON reports.")
        {
            name, reps, warmup, output, baseline, timeout, size, engines, workloads,
        };
        Examples.Attach(run, "runtimelab lab run backend", "runtimelab lab run backend --reps 9 --warmup 2 --out results/backend",
            "runtimelab lab run appvm --size large",
            "runtimelab lab run appvm --size large --engines runtimelab-tiered,coreclr,mono-jit --workloads n-body,fannkuch-redux");
        run.SetAction(parseResult =>
        {
            var options = new ExperimentOptions
            {
                Repetitions = parseResult.GetValue(reps),
                Warmups = parseResult.GetValue(warmup),
                BaselineEngine = parseResult.GetValue(baseline),
                RunTimeout = parseResult.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Size = parseResult.GetValue(size),
                Engines = Names(parseResult.GetValue(engines)),
                Workloads = Names(parseResult.GetValue(workloads)),
            };
            return Run(parseResult.GetValue(name)!, options, parseResult.GetValue(output));
        });
        return run;
    }

    private static IReadOnlyList<string>? Names(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Run(string name, ExperimentOptions options, string? outputDirectory)
    {
        var experiment = ExperimentCatalog.Find(name);
        if (experiment is null)
        {
            var valid = string.Join(", ", ExperimentCatalog.All.Select(e => e.Name));
            throw new CliException($"unknown experiment '{name}'; valid names: {valid}", ExitCodes.UsageError);
        }
        ExperimentPlan plan;
        try
        {
            plan = experiment.CreatePlan(options);
        }
        catch (ArgumentException invalid)
        {
            throw new CliException(invalid.Message, ExitCodes.UsageError);
        }

        var startedAt = DateTime.Now;
        var result = Console.IsErrorRedirected
            ? new Runner(new PlainProgress(Console.Error)).Run(experiment, plan)
            : LiveProgress.Run(Terminal.Error, progress => new Runner(progress).Run(experiment, plan));

        ResultTable.Write(Terminal.Out, result);
        ProblemReport.Write(Console.Error, result);
        foreach (var file in ReportWriter.WriteAll(result, outputDirectory ?? ReportWriter.DefaultDirectory(experiment.Name, startedAt)))
            Console.Error.WriteLine($"wrote {file}");
        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
