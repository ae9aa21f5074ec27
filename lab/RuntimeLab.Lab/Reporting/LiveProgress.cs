using RuntimeLab.Lab.Harness;
using Spectre.Console;

namespace RuntimeLab.Lab.Reporting;

/// <summary>A live progress bar for a terminal; the bar is cleared when the work ends so only results remain.</summary>
public static class LiveProgress
{
    public static T Run<T>(IAnsiConsole console, Func<IProgress<RunnerProgress>, T> work) =>
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new TaskReporter(context.AddTask("starting"))));

    private sealed class TaskReporter(ProgressTask task) : IProgress<RunnerProgress>
    {
        public void Report(RunnerProgress value)
        {
            task.MaxValue = value.Total;
            task.Value = value.Completed;
            task.Description = Markup.Escape(PlainProgress.Describe(value));
        }
    }
}
