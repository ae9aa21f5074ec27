using RuntimeLab.Runtime;

namespace RuntimeLab.Conformance.Tests;

/// <summary>Runs a case in process on RuntimeLab through the host API, <see cref="AppVm.Run"/>.</summary>
public static class RuntimeLabRunner
{
    /// <summary>Generous: an interpreter under GC stress is slow, but a hang must still end the test.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The guest runs on its own thread with a large stack: deep-recursion goes 10000 managed frames
    /// deep, and an interpreter may use host stack for each of them.
    /// </summary>
    private const int GuestThreadStack = 512 * 1024 * 1024;

    public static CaseResult Run(ConformanceCorpus corpus, string caseName, RunOptions options)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var io = new AppIo(new StringReader(corpus.Stdin), stdout, stderr);
        var exitCode = 0;
        Exception? hostFailure = null;
        var thread = new Thread(() =>
        {
            try
            {
                exitCode = AppVm.Run(corpus.Assembly, [caseName], io, options);
            }
            catch (Exception e)
            {
                hostFailure = e;
            }
        }, GuestThreadStack)
        {
            IsBackground = true, // a hung guest must not keep the test process alive
            Name = "RuntimeLab guest: " + caseName,
        };
        thread.Start();
        if (!thread.Join(s_timeout))
            throw new TimeoutException($"case {caseName} did not finish on RuntimeLab within {s_timeout.TotalSeconds} s; output so far:\n{stdout}");
        // An exception out of AppVm.Run is a RuntimeLab failure (load error, internal error), not
        // guest behavior; the inner exception keeps the stack that points into the runtime.
        if (hostFailure is not null)
            throw new RuntimeLabHostException(
                $"case {caseName}: AppVm.Run threw {hostFailure.GetType().Name}: {hostFailure.Message}\nguest stdout so far:\n{stdout}", hostFailure);
        return new CaseResult(stdout.ToString(), stderr.ToString(), exitCode);
    }
}

/// <summary>AppVm.Run itself failed (rather than the guest program printing or exiting differently).</summary>
public sealed class RuntimeLabHostException(string message, Exception inner) : Exception(message, inner);
