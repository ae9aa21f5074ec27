namespace RuntimeLab.Cli.Tests;

/// <summary>The demo and the backend experiment, run end to end through the real CLI.</summary>
public sealed class JitAndLabCommandTests
{
    [Fact]
    public void JitDemoShowsBothIrViewsBothNativeListingsAndAgreeingResults()
    {
        var result = CliProcess.Run(["jit", "demo", "--n", "1000"]);
        Assert.Equal(0, result.ExitCode);
        var output = result.StandardOutput;
        Assert.Contains("LLVM IR as the frontend built it", output);
        Assert.Contains("LLVM IR after O2", output);
        Assert.Contains("define i64 @sum_of_squares(i64", output);
        Assert.Contains("alloca i64", output);
        Assert.Contains("native x86-64 at O0", output);
        Assert.Contains("native x86-64 at O2", output);
        Assert.Contains(" ret", output);
        // sum of i*i for i < 1000 is (n-1)n(2n-1)/6 with n = 1000.
        Assert.Contains((999L * 1000 * 1999 / 6).ToString(System.Globalization.CultureInfo.InvariantCulture), output);
        Assert.Contains("All engines agree.", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public void JitDemoWithAMissingLlvmOverrideFailsInOneLine()
    {
        var result = CliProcess.Run(["jit", "demo"], new Dictionary<string, string> { ["RUNTIMELAB_LLVM"] = "/no/such/libLLVM.so" });
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("runtimelab: error: RUNTIMELAB_LLVM=/no/such/libLLVM.so", line);
    }

    [Fact]
    public void BackendExperimentRunsEveryKernelOnEveryEngineAndWritesReports()
    {
        var folder = Path.Combine(Path.GetTempPath(), "runtimelab-backend-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = CliProcess.Run(["lab", "run", "backend", "--reps", "1", "--warmup", "0", "--out", folder]);
            Assert.True(result.ExitCode == 0, result.StandardError);
            var output = result.StandardOutput;
            foreach (var kernel in new[] { "collatz", "sieve", "mandelbrot", "fib", "matmul" })
                foreach (var engine in new[] { "llvm-o0", "llvm-lean", "llvm-o1", "llvm-o2", "coreclr" })
                    Assert.Matches($@"│ {kernel}\s+│ {engine}\s+│ ok ", output);
            Assert.Contains("compile_ms", output);
            Assert.Contains("× coreclr", output);
            Assert.DoesNotContain("MISMATCH", output);
            Assert.True(File.Exists(Path.Combine(folder, "result.json")));
            Assert.Equal(1 + 5 * 5, File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class DemoCommandTests
{
    [Fact]
    public void TheTourShowsTheBackendAndAGuestProgramAgreeingWithTheirReferences()
    {
        var result = CliProcess.Run(["demo"]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        var output = result.StandardOutput;
        Assert.Contains("LLVM IR after O2", output);
        Assert.Contains("All engines agree.", output);
        Assert.Contains("xor     ebp,ebp", output); // glibc's _start begins so
        Assert.Contains("hello from i386, argc=4\nargv[0]=/hello\n", output);
        Assert.Contains("identical to qemu-i386's", output);
        Assert.DoesNotContain("\u001b[", output);
    }
}
