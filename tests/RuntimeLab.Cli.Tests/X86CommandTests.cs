using RuntimeLab.X86.Guests;

namespace RuntimeLab.Cli.Tests;

/// <summary>`runtimelab x86 run` end to end: guest output on stdout, the guest's status, clear errors for bad programs.</summary>
public sealed class X86CommandTests
{
    private static readonly GuestPrograms s_guests = GuestPrograms.Locate().EnsureBuilt();

    [Fact]
    public void RunsAStaticI386ProgramPassingGuestOptionsThroughUnchanged()
    {
        var hello = s_guests.UserProgram("hello");
        var result = CliProcess.Run(["x86", "run", hello, "--help", "-x"]);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"hello from i386, argc=3\nargv[0]={hello}\nargv[1]=--help\nargv[2]=-x\n", result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public void StraceAndStatsGoToStderrAndLeaveStdoutAlone()
    {
        var result = CliProcess.Run(["x86", "run", "--strace", "--stats", s_guests.UserProgram("exitcode")]);
        Assert.Equal(42, result.ExitCode);
        Assert.Equal("exiting with 42\n", result.StandardOutput);
        Assert.Contains("write(1, \"exiting with 42\\n\", 16) = 16", result.StandardError);
        Assert.Contains("exit_group(42)", result.StandardError);
        Assert.Contains("MIPS", result.StandardError);
    }

    [Fact]
    public void AFileThatIsNotAnI386ElfIsRefusedInOneLine()
    {
        var notElf = Path.GetTempFileName();
        try
        {
            File.WriteAllText(notElf, "#!/bin/sh\necho not an ELF\n");
            var result = CliProcess.Run(["x86", "run", notElf]);
            Assert.Equal(126, result.ExitCode);
            Assert.Equal("", result.StandardOutput);
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"runtimelab: error: x86: {notElf}: ", line);
        }
        finally
        {
            File.Delete(notElf);
        }
    }

    [Fact]
    public void AMissingProgramExitsWith127()
    {
        var result = CliProcess.Run(["x86", "run", "/no/such/program"]);
        Assert.Equal(127, result.ExitCode);
        Assert.Contains("no such file", result.StandardError);
    }
}
