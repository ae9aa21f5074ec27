using RuntimeLab.Runtime;

namespace RuntimeLab.AppVm.Tests;

public class RunTests
{
    /// <summary>CoreCLR is the oracle: the sample prints the same and exits the same on both.</summary>
    [Fact]
    public void HelloSampleMatchesCoreClr()
    {
        var dll = SampleProgram.Build("hello");
        var expected = SampleProgram.Run("dotnet", [dll, "one", "two"], "");
        var actual = SampleProgram.RunOnRuntimeLab(dll, ["one", "two"]);
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Equal(expected.Code, actual.Code);
    }

    /// <summary>Every sample prints and exits on RuntimeLab exactly as on CoreCLR.</summary>
    [Theory]
    [InlineData("sieve")]
    [InlineData("nqueens")]
    [InlineData("shapes")]
    public void SamplesMatchCoreClr(string sample)
    {
        var dll = SampleProgram.Build(sample);
        var expected = SampleProgram.Run("dotnet", [dll], "");
        var actual = SampleProgram.RunOnRuntimeLab(dll, []);
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Equal(expected.Code, actual.Code);
    }

    /// <summary>--show-prepared lists the interpreter's form of the matching methods only, and the
    /// program still runs as on CoreCLR.</summary>
    [Fact]
    public void ShowPreparedListsTheMatchingMethodsOperations()
    {
        var dll = SampleProgram.Build("hello");
        var expected = SampleProgram.Run("dotnet", [dll], "");
        var actual = SampleProgram.RunOnRuntimeLab(dll, [], new RunOptions { ShowPrepared = "Program::Fib" });
        Assert.Equal(expected.Stdout, actual.Stdout);
        var lines = actual.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Program.Fib(int): ", lines[0]);
        Assert.Contains("arguments a0", lines[0]);
        // Fib is n < 2 ? n : Fib(n - 1) + Fib(n - 2): a compare-and-branch against the constant 2,
        // two direct calls to itself, and a return.
        Assert.Contains(lines, l => l.Contains("I4Imm") && l.Contains("C=2") && l.Contains("→"));
        Assert.Equal(2, lines.Count(l => l.Contains(" Call ") && l.EndsWith("Program.Fib(int)")));
        Assert.Contains(lines, l => l.Contains(" Ret "));
        Assert.DoesNotContain(lines, l => l.StartsWith("Program.Main"));
    }

    [Fact]
    public void MissingFileIsOneLineError()
    {
        var e = Assert.Throws<AppLoadException>(() => SampleProgram.RunOnRuntimeLab("/nonexistent/app.dll", []));
        Assert.Contains("no such file", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void NonAssemblyIsOneLineError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-an-assembly-{Guid.NewGuid():N}.dll");
        File.WriteAllText(path, "this is text, not a PE file");
        try
        {
            var e = Assert.Throws<AppLoadException>(() => SampleProgram.RunOnRuntimeLab(path, []));
            Assert.Contains("not a .NET assembly", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TruncatedAssemblyIsOneLineError()
    {
        var dll = SampleProgram.Build("hello");
        var bytes = File.ReadAllBytes(dll);
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.dll");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        try
        {
            var e = Assert.Throws<AppLoadException>(() => SampleProgram.RunOnRuntimeLab(path, []));
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LibraryWithoutEntryPointIsRefused()
    {
        var coreLib = Path.Combine(AppContext.BaseDirectory, "RuntimeLab.CoreLib.dll");
        var e = Assert.Throws<AppLoadException>(() => SampleProgram.RunOnRuntimeLab(coreLib, []));
        Assert.Contains("no entry point", e.Message);
    }
}

public class SourceFileTests
{
    private static string Write(string source)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rl-src-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, source);
        return path;
    }

    [Fact]
    public void CompilesAndRunsACsFile()
    {
        var path = Write("class P { static int Main() { System.Console.WriteLine(\"six times seven is \" + (6 * 7)); return 5; } }");
        try
        {
            var (code, stdout, _) = SampleProgram.RunOnRuntimeLab(path, []);
            Assert.Equal("six times seven is 42\n", stdout);
            Assert.Equal(5, code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CompileErrorsNameFileLineAndCode()
    {
        var path = Write("class P { static void Main() { int x = \"text\"; } }");
        try
        {
            var e = Assert.Throws<RuntimeLab.Runtime.AppLoadException>(() => SampleProgram.RunOnRuntimeLab(path, []));
            Assert.Contains("(1,40): error CS0029", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
