namespace RuntimeLab.Lab.Harness;

/// <summary>What an in-process engine returns: the text it printed and the metrics it measured itself.</summary>
/// <param name="Stdout">The output compared across engines.</param>
/// <param name="Metrics">Named measurements in the engine's own units, e.g. "compile_ms", "exec_ms".</param>
public sealed record EngineOutput(string Stdout, IReadOnlyDictionary<string, double>? Metrics = null);
