using RuntimeLab.Runtime;
using RuntimeLab.Runtime.Interpreter;

namespace RuntimeLab.Verifier.Tests;

/// <summary>`runtimelab run` verifies each method before it first executes.</summary>
public class RunGateTests
{
    private static (int? Code, string Stdout, string? Error) Run(string program, VerifyMode mode)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        try
        {
            var code = AppVm.Run(Path.Combine(Corpus.AssembledDirectory, program + ".dll"), [],
                new AppIo(new StringReader(""), stdout, stderr), new RunOptions { Verify = mode });
            return (code, stdout.ToString(), null);
        }
        catch (AppLoadException e)
        {
            return (null, stdout.ToString(), e.Message);
        }
    }

    [Fact]
    public void Invalid_method_is_refused_when_first_called_with_the_verifier_message()
    {
        var (code, stdout, error) = Run("gate-invalid", VerifyMode.Default);
        Assert.Null(code);
        Assert.Equal("before\n", stdout);
        Assert.Contains("[IL]: Error [PathStackDepth]: [gate-invalid : Program::Bad(int)][offset 0x00000004]", error);
    }

    [Fact]
    public void Unverifiable_method_runs_by_default()
    {
        var (code, stdout, error) = Run("gate-unverifiable", VerifyMode.Default);
        Assert.Null(error);
        Assert.Equal(0, code);
        Assert.Equal("ran\n", stdout);
    }

    [Fact]
    public void Unverifiable_method_is_refused_under_strict()
    {
        var (code, stdout, error) = Run("gate-unverifiable", VerifyMode.Strict);
        Assert.Null(code);
        Assert.Equal("", stdout);
        Assert.Contains("[IL]: Error [Unverifiable]: [gate-unverifiable : Program::Main()][offset 0x00000001]", error);
    }

    [Fact]
    public void None_skips_verification()
    {
        var (code, stdout, _) = Run("gate-unverifiable", VerifyMode.None);
        Assert.Equal(0, code);
        Assert.Equal("ran\n", stdout);
    }
}
