using System.CommandLine;
using RuntimeLab.Cli.Commands;

namespace RuntimeLab.Cli;

/// <summary>The one list of verbs the <c>runtimelab</c> command offers.</summary>
internal static class Verbs
{
    public static IEnumerable<Command> Create() =>
    [
        DemoCommand.Create(),
        VersionCommand.Create(),
        DoctorCommand.Create(),
        TestCommand.Create(),
        JitCommand.Create(),
        LabCommand.Create(),
        X86Command.Create(),
        RunCommand.Create(),
        IlCommand.Create(),
        VerifyCommand.Create(),
        // Later issues add their verbs here, one file each under Commands/:
        // run, x86 run and x86 boot are guest verbs: list them in GuestVerbPaths below too.
    ];

    /// <summary>
    /// Verbs whose arguments after the file belong to the guest program (see <see cref="GuestCommandLine"/>).
    /// A path only takes effect once a verb with that path is registered above.
    /// </summary>
    public static IReadOnlyList<string[]> GuestVerbPaths { get; } =
    [
        ["run"],
        ["x86", "run"],
        ["x86", "boot"],
    ];
}
