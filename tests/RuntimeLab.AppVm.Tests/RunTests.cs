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
