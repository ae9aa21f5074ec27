using System.CommandLine;
using System.Runtime.CompilerServices;

namespace RuntimeLab.Cli.Help;

/// <summary>
/// Usage examples per command, printed at the end of its <c>--help</c>. Kept out of the
/// description so the root help still lists every verb on one line.
/// </summary>
public static class Examples
{
    private static readonly ConditionalWeakTable<Command, string[]> s_examples = new();

    /// <summary>Attaches example command lines to <paramref name="command"/> and returns it.</summary>
    public static T Attach<T>(T command, params string[] commandLines) where T : Command
    {
        s_examples.AddOrUpdate(command, commandLines);
        return command;
    }

    public static IReadOnlyList<string> For(Command command) =>
        s_examples.TryGetValue(command, out var lines) ? lines : [];
}
