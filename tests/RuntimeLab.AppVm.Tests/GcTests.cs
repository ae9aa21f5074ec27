using RuntimeLab.Runtime;

namespace RuntimeLab.AppVm.Tests;

/// <summary>The collector under real programs: garbage goes, live data survives intact, the limit holds.</summary>
public class GcTests
{
    private static (int Code, string Stdout, string Stderr) RunSource(string source, RunOptions options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rl-gc-{Guid.NewGuid():N}.cs");
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

    private const string LinkedListProgram = """
        class Node { public Node Next; public int Value; public int[] Payload; }
        class P
        {
            static void Main()
            {
                Node head = null;
                for (int i = 0; i < 20000; i++)
                {
                    head = new Node { Next = head, Value = i, Payload = new int[] { i, i * 2 } };
                    for (int g = 0; g < 5; g++) { var garbage = new int[30]; garbage[0] = g; }
                }
                long sum = 0;
                for (var n = head; n != null; n = n.Next) sum += n.Value + n.Payload[1] - n.Payload[0];
                System.Console.WriteLine(sum);
            }
        }
        """;

    // sum over i < 20000 of (i + 2i - i) = 2 · Σi = 20000 · 19999
    private const string ExpectedSum = "399980000\n";

    [Fact]
    public void ReachableObjectsSurviveWithTheirContents()
    {
        var (code, stdout, _) = RunSource(LinkedListProgram, new RunOptions());
        Assert.Equal(0, code);
        Assert.Equal(ExpectedSum, stdout);
    }

    [Fact]
    public void ReachableObjectsSurviveGcStress()
    {
        var (code, stdout, stderr) = RunSource(LinkedListProgram, new RunOptions { GcStress = 8, GcStats = true });
        Assert.Equal(0, code);
        Assert.Equal(ExpectedSum, stdout);
        Assert.Contains("gc: collections", stderr);
    }

    [Fact]
    public void GarbageIsCollectedAndTheHeapStaysNearItsLiveSize()
    {
        const string source = """
            class P
            {
                static void Main()
                {
                    int[] keep = new int[10];
                    for (int i = 0; i < 200000; i++) { var garbage = new int[64]; garbage[1] = i; keep[i % 10] = garbage[1]; }
                    System.Console.WriteLine(keep[9]);
                }
            }
            """;
        var (code, stdout, stderr) = RunSource(source, new RunOptions { GcStats = true });
        Assert.Equal(0, code);
        Assert.Equal("199999\n", stdout);
        // 200000 arrays of 64 ints is about 51 MiB allocated: collections must have run, and the
        // peak heap must stay far below what was allocated.
        var peakLine = stderr.Split('\n').Single(l => l.StartsWith("gc: heap"));
        var peak = double.Parse(peakLine.Split("peak ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(peak < 16, $"peak heap {peak} MiB after allocating ~51 MiB of garbage:\n{stderr}");
    }

    [Fact]
    public void HeapLimitThrowsCatchableOutOfMemory()
    {
        const string source = """
            class Chunk { public Chunk Next; public int[] Data; }
            class P
            {
                static int Main()
                {
                    Chunk all = null;
                    try
                    {
                        for (int i = 0; ; i++) all = new Chunk { Next = all, Data = new int[100000] };
                    }
                    catch (System.OutOfMemoryException)
                    {
                        all = null;
                        System.Console.WriteLine("out of memory, caught");
                        return 7;
                    }
                }
            }
            """;
        var (code, stdout, _) = RunSource(source, new RunOptions { HeapLimit = 32L << 20 });
        Assert.Equal("out of memory, caught\n", stdout);
        Assert.Equal(7, code);
    }
}
