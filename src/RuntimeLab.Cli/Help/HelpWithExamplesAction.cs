using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace RuntimeLab.Cli.Help;

/// <summary>System.CommandLine's help, followed by an "Examples:" section from <see cref="Examples"/>.</summary>
internal sealed class HelpWithExamplesAction(HelpAction standardHelp) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        standardHelp.Invoke(parseResult);
        var examples = Examples.For(parseResult.CommandResult.Command);
        if (examples.Count == 0) return ExitCodes.Ok;
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Examples:");
        foreach (var example in examples) output.WriteLine($"  {example}");
        output.WriteLine();
        return ExitCodes.Ok;
    }

    /// <summary>Replaces the help option's action on <paramref name="root"/> (help is recursive, so this covers every verb).</summary>
    public static void InstallOn(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
            if (help.Action is HelpAction standard)
                help.Action = new HelpWithExamplesAction(standard);
    }
}
