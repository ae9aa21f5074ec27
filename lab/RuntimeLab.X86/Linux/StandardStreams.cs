namespace RuntimeLab.X86.Linux;

/// <summary>The host side of guest fds 0, 1 and 2; whether each is a terminal decides what TCGETS and fstat report.</summary>
public sealed record StandardStreams(Stream Input, Stream Output, Stream Error,
    bool InputIsTerminal = false, bool OutputIsTerminal = false, bool ErrorIsTerminal = false)
{
    /// <summary>The runner's own console, with terminal detection from redirection.</summary>
    public static StandardStreams Console() => new(
        System.Console.OpenStandardInput(), System.Console.OpenStandardOutput(), System.Console.OpenStandardError(),
        !System.Console.IsInputRedirected, !System.Console.IsOutputRedirected, !System.Console.IsErrorRedirected);
}
