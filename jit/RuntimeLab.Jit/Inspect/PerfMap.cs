using RuntimeLab.Jit.Compile;

namespace RuntimeLab.Jit.Inspect;

/// <summary>
/// Linux perf's JIT map (/tmp/perf-PID.map): one "START SIZE name" line per function, in hex,
/// so that `perf report` names JIT'd code instead of showing raw addresses.
/// </summary>
internal sealed class PerfMap : IDisposable
{
    private readonly StreamWriter _writer;

    private PerfMap(string path) => _writer = new StreamWriter(path, append: true) { AutoFlush = true };

    public static string PathForThisProcess => $"/tmp/perf-{Environment.ProcessId}.map";

    public static PerfMap ForThisProcess() => new(PathForThisProcess);

    public void Write(IEnumerable<CompiledFunction> functions)
    {
        lock (_writer)
            foreach (var f in functions)
                _writer.WriteLine($"{f.Address:x} {f.Size:x} {f.Name}");
    }

    public void Dispose() => _writer.Dispose();
}
