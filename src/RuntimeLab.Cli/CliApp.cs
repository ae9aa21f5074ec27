using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using RuntimeLab.Cli.Help;

namespace RuntimeLab.Cli;

/// <summary>Builds the root command from <see cref="Verbs"/>, parses, runs, and maps every outcome to an exit code.</summary>
public static class CliApp
{
    public const string Name = "runtimelab";

    public static int Run(string[] args)
    {
        // A crash on another thread must also end as one line, not a crash dump.
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception exception)
                Environment.Exit(FailureReport.Report(exception, Console.Error, FailureReport.StackTracesRequested));
        };
        try
        {
            var root = CreateRoot();
            var parseResult = root.Parse(SeparateGuestArguments(root, args));
            if (parseResult.Action is ParseErrorAction) return ReportUsageErrors(parseResult);
            return parseResult.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception)
        {
            return FailureReport.Report(exception, Console.Error, FailureReport.StackTracesRequested);
        }
    }

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("RuntimeLab: a CIL application VM, an x86 emulator and a shared LLVM JIT, with a lab of experiments.");
        foreach (var verb in Verbs.Create()) root.Subcommands.Add(verb);
        HelpWithExamplesAction.InstallOn(root);
        // No verb: show the help rather than an error.
        root.SetAction(_ => root.Parse(["--help"]).Invoke());
        return Examples.Attach(root, "runtimelab doctor", "runtimelab test", "runtimelab <verb> --help");
    }

    /// <summary>Applies <see cref="GuestCommandLine.Split"/> for whichever registered guest verb <paramref name="args"/> names.</summary>
    internal static string[] SeparateGuestArguments(RootCommand root, string[] args)
    {
        foreach (var path in Verbs.GuestVerbPaths)
        {
            if (Find(root, path) is not { } verb) continue;
            var split = GuestCommandLine.Split(args, path, GuestCommandLine.OptionsTakingValues(verb));
            if (!split.SequenceEqual(args)) return split;
        }
        return args;
    }

    private static Command? Find(Command root, IEnumerable<string> path)
    {
        Command? current = root;
        foreach (var name in path)
            current = current?.Subcommands.FirstOrDefault(c => c.Name == name);
        return current;
    }

    private static int ReportUsageErrors(ParseResult parseResult)
    {
        foreach (var error in parseResult.Errors)
            Console.Error.WriteLine($"{Name}: error: {error.Message}");
        Console.Error.WriteLine($"Try '{CommandPath(parseResult.CommandResult)} --help'.");
        return ExitCodes.UsageError;
    }

    /// <summary>"runtimelab jit demo" for the demo verb under jit.</summary>
    private static string CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? $"{CommandPath(parent)} {command.Command.Name}" : Name;
}
