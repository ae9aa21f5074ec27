using RuntimeLab.X86.Guests;

namespace RuntimeLab.Cli.Tests;

/// <summary>`runtimelab x86 boot` end to end: COM1 on stdout, the isa-debug-exit status, debugcon, limits, and clear errors.</summary>
public sealed class X86BootCommandTests
{
    private static readonly GuestPrograms s_guests = GuestPrograms.Locate().EnsureBuilt();

    [Fact]
    public void BootsAKernelWithCom1OnStdoutAndTheDebugExitStatus()
    {
        var (expected, status) = s_guests.ExpectedKernel("hello");
        var result = CliProcess.Run(["x86", "boot", s_guests.Kernel("hello")]);
        Assert.Equal(status, result.ExitCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public void DebugconStderrCopiesPortE9ToStderr()
    {
        var result = CliProcess.Run(["x86", "boot", "--debugcon", "stderr", s_guests.Kernel("hello")]);
        Assert.Equal(result.StandardOutput, result.StandardError);
        Assert.Contains("hello from a multiboot kernel", result.StandardError);
    }

    [Fact]
    public void TheInstructionLimitEndsTheRunWithStatus124()
    {
        var result = CliProcess.Run(["x86", "boot", "--max-instructions", "1000", s_guests.Kernel("timer")]);
        Assert.Equal(124, result.ExitCode);
        Assert.Contains("instruction limit of 1000 reached", result.StandardError);
    }

    [Fact]
    public void AProgramWithoutAMultibootHeaderIsRefusedInOneLine()
    {
        var program = s_guests.UserProgram("hello");
        var result = CliProcess.Run(["x86", "boot", program]);
        Assert.Equal(126, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"runtimelab: error: x86: {program}: no multiboot header in the first 8 KiB (magic 0x1BADB002 with a valid checksum)", line);
    }

    [Fact]
    public void AMissingKernelExitsWith127()
    {
        var result = CliProcess.Run(["x86", "boot", "/no/such/kernel"]);
        Assert.Equal(127, result.ExitCode);
        Assert.Contains("no such file", result.StandardError);
    }

    [Fact]
    public void HelpTeachesWithExamples()
    {
        var result = CliProcess.Run(["x86", "boot", "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("isa-debug-exit", result.StandardOutput);
        Assert.Contains("runtimelab x86 boot lab/guests/build/kernels/hello", result.StandardOutput);
    }
}
