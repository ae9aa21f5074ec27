using RuntimeLab.Bytecode.Inspect;
using RuntimeLab.Bytecode.Loading;

namespace RuntimeLab.AppVm.Tests;

public class StackTypeListingTests
{
    [Fact]
    public void ShowsTheStackTheImporterProvesBeforeEachInstruction()
    {
        using var program = ProgramLoader.Load(SampleProgram.Build("hello"), Path.Combine(AppContext.BaseDirectory, "RuntimeLab.CoreLib.dll"));
        var fib = Assert.Single(StackTypeListing.Select(program.Assembly.MainModule, "Program::Fib"));
        var text = new StringWriter();
        StackTypeListing.Write(text, fib);
        var lines = text.ToString().Split('\n');
        // Fib(n-1) + Fib(n-2): the add sees two int32 results; ret sees one.
        Assert.Contains(lines, l => l.Contains("add") && l.TrimEnd().EndsWith("[int32, int32]"));
        Assert.Contains(lines, l => l.Contains("ret") && l.TrimEnd().EndsWith("[int32]"));
        Assert.StartsWith("Program::Fib(int) : int", lines[0]);
    }

    [Fact]
    public void PatternsUseWildcards()
    {
        using var program = ProgramLoader.Load(SampleProgram.Build("hello"), Path.Combine(AppContext.BaseDirectory, "RuntimeLab.CoreLib.dll"));
        var names = StackTypeListing.Select(program.Assembly.MainModule, "Program::*").Select(m => m.Name).ToArray();
        Assert.Contains("Main", names);
        Assert.Contains("Fib", names);
        Assert.Empty(StackTypeListing.Select(program.Assembly.MainModule, "Nothing::*"));
    }
}
