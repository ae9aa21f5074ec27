using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using RuntimeLab.Cli.Help;

namespace RuntimeLab.Cli.Commands;

/// <summary><c>runtimelab version</c>: one "name value" pair per line, first line "runtimelab VERSION".</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the runtimelab version, the .NET runtime and the OS/architecture.");
        command.SetAction(_ =>
        {
            foreach (var line in Lines()) Console.Out.WriteLine(line);
            return ExitCodes.Ok;
        });
        return Examples.Attach(command, "runtimelab version", "runtimelab version | head -1");
    }

    public static IEnumerable<string> Lines() =>
    [
        $"{CliApp.Name} {ProductVersion}",
        $"runtime {RuntimeInformation.FrameworkDescription}",
        $"os {RuntimeInformation.RuntimeIdentifier} ({RuntimeInformation.OSDescription})",
    ];

    public static string ProductVersion =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
