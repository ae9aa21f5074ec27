using System.Text.RegularExpressions;

namespace RuntimeLab.Lab.Harness;

/// <summary>Fills <c>{workload}</c> and <c>{param:NAME}</c> placeholders in command-line arguments.</summary>
internal static partial class ArgumentTemplate
{
    /// <exception cref="KeyNotFoundException">An argument names a parameter the workload does not have.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments, Workload workload) =>
        arguments.Select(argument => Placeholder().Replace(argument, match => Resolve(match, workload))).ToList();

    private static string Resolve(Match match, Workload workload)
    {
        if (match.Groups["param"].Success)
        {
            var parameter = match.Groups["param"].Value;
            return workload.Parameters.TryGetValue(parameter, out var value)
                ? value
                : throw new KeyNotFoundException($"workload '{workload.Name}' has no parameter '{parameter}'");
        }
        return workload.Name;
    }

    [GeneratedRegex(@"\{workload\}|\{param:(?<param>[^}]+)\}")]
    private static partial Regex Placeholder();
}
