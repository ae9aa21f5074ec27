using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>Everything a user-mode run needs; the CLI fills it from its command line.</summary>
public sealed class UserModeOptions
{
    /// <summary>The program: a host path, or a guest path (absolute or relative to the guest's "/") inside <see cref="Root"/>.</summary>
    public required string ProgramPath { get; init; }
    /// <summary>The guest's argv; argv[0] as given. Empty means [ProgramPath].</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
    /// <summary>The guest's environment ("NAME=value"); nothing comes from the host unless put here.</summary>
    public IReadOnlyList<string> Environment { get; init; } = DefaultEnvironment;
    /// <summary>Host directory that is the guest's "/" (--root); the current directory by default.</summary>
    public string Root { get; init; } = ".";
    /// <summary>--read-only: no file may be created or written.</summary>
    public bool ReadOnly { get; init; }
    /// <summary>Guest fds 0, 1, 2; the runner's console if null.</summary>
    public StandardStreams? Streams { get; init; }
    /// <summary>The runner's own diagnostics ("runtimelab: x86: …"); standard error if null.</summary>
    public TextWriter? Diagnostics { get; init; }
    /// <summary>--strace: one line per system call.</summary>
    public TextWriter? Strace { get; init; }
    public ulong MaxInstructions { get; init; } = ulong.MaxValue;
    /// <summary>Seeds AT_RANDOM and getrandom, so a run is reproducible.</summary>
    public ulong RandomSeed { get; init; }
    /// <summary>
    /// Makes the CPU over the guest memory: the interpreter in the CLI, a scripted CPU in tests. The
    /// <see cref="ThreadArea"/> is the one set_thread_area fills: the CPU's mov-to-segment handler asks
    /// it for the base of a selector such as 0x63.
    /// </summary>
    public required Func<UserAddressSpace, ThreadArea, IGuestCpu> CreateCpu { get; init; }

    public static readonly IReadOnlyList<string> DefaultEnvironment = ["PATH=/bin:/usr/bin", "HOME=/", "LANG=C"];
}
