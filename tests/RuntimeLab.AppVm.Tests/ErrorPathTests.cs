using RuntimeLab.Runtime;

namespace RuntimeLab.AppVm.Tests;

/// <summary>What a program meets when things go wrong: each failure is one clear line or CoreCLR's report.</summary>
public class ErrorPathTests
{
    private static (int Code, string Stdout, string Stderr) RunSource(string source, RunOptions? options = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rl-err-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, source);
        try
        {
            return SampleProgram.RunOnRuntimeLab(path, [], options);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void StackOverflowEndsTheProgramWith134()
    {
        var (code, stdout, stderr) = RunSource("""
            class P
            {
                static int Down(int n) => Down(n + 1) + 1;
                static void Main() { System.Console.WriteLine("before"); Down(0); }
            }
            """, new RunOptions { MaxCallDepth = 5000 });
        Assert.Equal(134, code);
        Assert.Equal("before\n", stdout);
        Assert.StartsWith("Stack overflow.\n", stderr);
        Assert.Contains("P.Down(int)", stderr);
    }

    [Fact]
    public void UnhandledExceptionReportsTypeMessageAndExits134AfterFinallyBlocks()
    {
        var (code, stdout, stderr) = RunSource("""
            class P
            {
                static void Main()
                {
                    try { throw new System.InvalidOperationException("boom"); }
                    finally { System.Console.WriteLine("finally ran"); }
                }
            }
            """);
        Assert.Equal(134, code);
        Assert.Equal("finally ran\n", stdout);
        Assert.StartsWith("Unhandled exception. System.InvalidOperationException: boom\n", stderr);
        Assert.Contains("at P.Main()", stderr);
    }

    [Theory]
    [InlineData("object o = null; o.ToString();", "System.NullReferenceException")]
    [InlineData("int[] a = new int[2]; a[2] = 1;", "System.IndexOutOfRangeException")]
    [InlineData("int z = 0; System.Console.WriteLine(1 / z);", "System.DivideByZeroException")]
    [InlineData("int m = int.MinValue; System.Console.WriteLine(m / -1);", "System.OverflowException")]
    [InlineData("int big = int.MaxValue; System.Console.WriteLine(checked(big + 1));", "System.OverflowException")]
    [InlineData("object s = \"text\"; System.Exception e = (System.Exception)s;", "System.InvalidCastException")]
    [InlineData("object[] a = new string[1]; a[0] = new object();", "System.ArrayTypeMismatchException")]
    public void RuntimeErrorsAreCatchableManagedExceptions(string statement, string expectedType)
    {
        var (code, stdout, _) = RunSource($$"""
            class P
            {
                static int Main()
                {
                    try { {{statement}} }
                    catch (System.Exception) { System.Console.WriteLine("caught"); return 1; }
                    return 0;
                }
            }
            """);
        Assert.Equal("caught\n", stdout);
        Assert.Equal(1, code);
        // The uncaught form names the type, as CoreCLR's report does.
        var (uncaughtCode, _, stderr) = RunSource($$"""class P { static void Main() { {{statement}} } }""");
        Assert.Equal(134, uncaughtCode);
        Assert.StartsWith($"Unhandled exception. {expectedType}: ", stderr);
    }

    [Fact]
    public void AMissingMemberIsNamedWithItsCallerWhenReached()
    {
        // Compiled against the real framework, then run on RuntimeLab: System.IO is not in the base library.
        var dll = SampleProgram.Build("uses-file");
        var e = Assert.Throws<AppLoadException>(() => SampleProgram.RunOnRuntimeLab(dll, []));
        Assert.Equal("not supported by RuntimeLab: System.IO.File.ReadAllText(string), called from Program.Main", e.Message);
    }

    [Theory]
    [InlineData("thread", "System.Threading.ThreadStart, called from Threads.Run")]
    [InlineData("task", "System.Threading.Tasks.Task.Run(System.Action), called from Tasks.Run")]
    [InlineData("lock", "System.Threading.Monitor.Enter(object, ref bool), called from Locks.Run")]
    [InlineData("pinvoke", "Native.getpid() (P/Invoke), called from Native.Run")]
    public void ThreadsTasksLocksAndNativeCallsAreRefusedByName(string mode, string expected)
    {
        var dll = SampleProgram.Build("uses-threads");
        var e = Assert.Throws<AppLoadException>(() => SampleProgram.RunOnRuntimeLab(dll, [mode]));
        Assert.Equal("not supported by RuntimeLab: " + expected, e.Message);
    }

    [Fact]
    public void ExitCodeComesFromEnvironmentExit()
    {
        var (code, stdout, _) = RunSource("""
            class P { static void Main() { System.Console.WriteLine("bye"); System.Environment.Exit(7); System.Console.WriteLine("not reached"); } }
            """);
        Assert.Equal(7, code);
        Assert.Equal("bye\n", stdout);
    }
}
