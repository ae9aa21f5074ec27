using System.CommandLine;
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
    private const int ExitSucceeded = 0;
    private const int ExitProblems = 1;
    private const int ExitUsage = 2;
    private const int RedirectedWidth = 200;

    public static Command Create()
    {
        var lab = new Command("lab", "Compare engines on workloads with interleaved, repeated runs and output checks.\n"
            + "Example: runtimelab lab run startup --reps 5");
        lab.Subcommands.Add(CreateList());
        lab.Subcommands.Add(CreateRun());
        return lab;
    }

    private static Command CreateList()
    {
        var list = new Command("list", "List the experiments that can be run.\nExample: runtimelab lab list");
        list.SetAction(_ =>
        {
            var table = new Table().AddColumns("name", "description");
            foreach (var experiment in ExperimentCatalog.All)
                table.AddRow(Markup.Escape(experiment.Name), Markup.Escape(experiment.Description));
            StdoutConsole().Write(table);
            return ExitSucceeded;
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

        var run = new Command("run", "Run an experiment, print a summary table and write CSV and JSON reports.\n"
            + "Example: runtimelab lab run startup --reps 5 --warmup 1 --out results/startup")
        {
            name, reps, warmup, output, baseline, timeout,
        };
        run.SetAction(parseResult =>
        {
            var options = new ExperimentOptions
            {
                Repetitions = parseResult.GetValue(reps),
                Warmups = parseResult.GetValue(warmup),
                BaselineEngine = parseResult.GetValue(baseline),
                RunTimeout = parseResult.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
            return Run(parseResult.GetValue(name)!, options, parseResult.GetValue(output));
        });
        return run;
    }

    private static int Run(string name, ExperimentOptions options, string? outputDirectory)
    {
        var experiment = ExperimentCatalog.Find(name);
        if (experiment is null)
        {
            var valid = string.Join(", ", ExperimentCatalog.All.Select(e => e.Name));
            Console.Error.WriteLine($"error: unknown experiment '{name}'; valid names: {valid}");
            return ExitUsage;
        }
        ExperimentPlan plan;
        try
        {
            plan = experiment.CreatePlan(options);
        }
        catch (ArgumentException invalid)
        {
            Console.Error.WriteLine($"error: {invalid.Message}");
            return ExitUsage;
        }

        var startedAt = DateTime.Now;
        var result = Console.IsErrorRedirected
            ? new Runner(new PlainProgress(Console.Error)).Run(experiment, plan)
            : LiveProgress.Run(StderrConsole(), progress => new Runner(progress).Run(experiment, plan));

        ResultTable.Write(StdoutConsole(), result);
        ProblemReport.Write(Console.Error, result);
        foreach (var file in ReportWriter.WriteAll(result, outputDirectory ?? ReportWriter.DefaultDirectory(experiment.Name, startedAt)))
            Console.Error.WriteLine($"wrote {file}");
        return result.Succeeded ? ExitSucceeded : ExitProblems;
    }

    // Spectre detects whether each stream is a terminal, so redirected output carries no colour or escapes.
    // Redirected, it would also assume 80 columns and wrap every number; a log file has no width to respect.
    private static IAnsiConsole StdoutConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
            console.Profile.Width = RedirectedWidth;
        return console;
    }

    private static IAnsiConsole StderrConsole() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
