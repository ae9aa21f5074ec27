using System.CommandLine;
using RuntimeLab.Cli;

namespace RuntimeLab.Cli.Tests;

public class GuestCommandLineTests
{
    private static readonly string[] s_run = ["run"];
    private static readonly string[] s_x86Run = ["x86", "run"];
    private static readonly HashSet<string> s_tierTakesValue = ["--tier", "-t"];

    private static string[] Split(string commandLine, string[] verbPath) =>
        GuestCommandLine.Split(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), verbPath, s_tierTakesValue);

    [Theory]
    // An option's value is not the file; the file and everything after it go to the guest side of "--".
    [InlineData("run --tier jit app.dll --help -x", "run --tier jit -- app.dll --help -x")]
    [InlineData("run -t jit app.dll -x", "run -t jit -- app.dll -x")]
    // --opt=value and flags are one token each.
    [InlineData("run --tier=jit app.dll --tier interp", "run --tier=jit -- app.dll --tier interp")]
    [InlineData("run --verbose app.dll a b", "run --verbose -- app.dll a b")]
    [InlineData("run app.dll a", "run -- app.dll a")]
    // After the file even "--" belongs to the guest, as with `dotnet app.dll -- x`.
    [InlineData("run app.dll -- x", "run -- app.dll -- x")]
    // A "--" before the file: the user has already separated the arguments.
    [InlineData("run --tier jit -- app.dll --help", "run --tier jit -- app.dll --help")]
    // No file at all: nothing to separate.
    [InlineData("run app.dll", "run -- app.dll")]
    [InlineData("run --tier jit", "run --tier jit")]
    [InlineData("run --help", "run --help")]
    // A lone "-" is a file name (stdin), not an option.
    [InlineData("run - -x", "run -- - -x")]
    public void SplitsAfterTheFileForRun(string given, string expected) =>
        Assert.Equal(expected, string.Join(' ', Split(given, s_run)));

    [Theory]
    [InlineData("x86 run prog -x --y", "x86 run -- prog -x --y")]
    [InlineData("x86 run --tier jit prog -x", "x86 run --tier jit -- prog -x")]
    // Another verb, or only a prefix of the path: untouched.
    [InlineData("x86 boot kernel -x", "x86 boot kernel -x")]
    [InlineData("x86 prog -x", "x86 prog -x")]
    [InlineData("doctor --help", "doctor --help")]
    [InlineData("test -- --filter Jit", "test -- --filter Jit")]
    public void OnlyTouchesTheGivenVerbPath(string given, string expected) =>
        Assert.Equal(expected, string.Join(' ', Split(given, s_x86Run)));

    [Fact]
    public void SplitCommandLineParsesIntoOptionsFileAndGuestArguments()
    {
        var tier = new Option<string>("--tier", "-t");
        var file = new Argument<string>("file");
        var guestArgs = new Argument<string[]>("args") { Arity = ArgumentArity.ZeroOrMore };
        var run = new Command("run") { tier, file, guestArgs };
        var root = new RootCommand { run };
        string[] args = ["run", "--tier", "jit", "app.dll", "--help", "-x", "--", "y"];

        var result = root.Parse(GuestCommandLine.Split(args, s_run, GuestCommandLine.OptionsTakingValues(run)));

        Assert.Empty(result.Errors);
        Assert.Equal("jit", result.GetValue(tier));
        Assert.Equal("app.dll", result.GetValue(file));
        Assert.Equal(["--help", "-x", "--", "y"], result.GetValue(guestArgs)!);
    }

    [Fact]
    public void OptionsTakingValuesListsValuedOptionsWithAliasesButNotFlags()
    {
        var command = new Command("run") { new Option<string>("--tier", "-t"), new Option<bool>("--verbose") };

        var names = GuestCommandLine.OptionsTakingValues(command);

        Assert.Equal(["--tier", "-t"], names.Order());
    }
}
