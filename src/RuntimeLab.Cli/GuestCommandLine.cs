using System.CommandLine;

namespace RuntimeLab.Cli;

/// <summary>
/// For verbs that run a guest program (<c>run FILE [ARGS…]</c>, <c>x86 run PROGRAM [ARGS…]</c>,
/// <c>x86 boot KERNEL [ARGS…]</c>): RuntimeLab's options come before the file and everything after
/// the file belongs to the guest unchanged, even words that look like options, as with
/// <c>qemu-i386 prog -x</c> or <c>dotnet app.dll --help</c>. System.CommandLine would instead try to
/// parse <c>--help</c> itself, so we insert <c>--</c> right after the file token before parsing.
/// </summary>
public static class GuestCommandLine
{
    public const string EndOfOptions = "--";

    /// <summary>
    /// Returns <paramref name="args"/> with <c>--</c> inserted before the guest file when
    /// <paramref name="args"/> starts with <paramref name="verbPath"/>; otherwise an unchanged copy. <paramref name="optionsTakingValues"/> names the verb's
    /// options (all aliases) that consume the next token, so that value is not taken for the file.
    /// </summary>
    public static string[] Split(IReadOnlyList<string> args, IReadOnlyList<string> verbPath, IReadOnlySet<string> optionsTakingValues)
    {
        if (!StartsWith(args, verbPath)) return [.. args];
        for (var i = verbPath.Count; i < args.Count; i++)
        {
            var token = args[i];
            // The user already separated RuntimeLab's options from the rest: respect it.
            if (token == EndOfOptions) return [.. args];
            if (IsOption(token))
            {
                // "--tier jit" consumes "jit"; "--tier=jit" and flags are a single token.
                if (optionsTakingValues.Contains(token)) i++;
                continue;
            }
            // "--" goes before the file, so an option with an optional value (--gc-stress[=N]) never
            // takes the file for its value, and everything from the file on is the guest's.
            return [.. args.Take(i), EndOfOptions, .. args.Skip(i)];
        }
        return [.. args];
    }

    /// <summary>The names and aliases of <paramref name="command"/>'s options that require a value.</summary>
    public static IReadOnlySet<string> OptionsTakingValues(Command command) =>
        command.Options
            .Where(option => option.Arity.MinimumNumberOfValues > 0)
            .SelectMany(option => option.Aliases.Append(option.Name))
            .ToHashSet(StringComparer.Ordinal);

    // A lone "-" conventionally means stdin, i.e. a file, not an option.
    private static bool IsOption(string token) => token.Length > 1 && token[0] == '-';

    private static bool StartsWith(IReadOnlyList<string> args, IReadOnlyList<string> prefix) =>
        args.Count >= prefix.Count && prefix.Select((word, i) => args[i] == word).All(same => same);
}
