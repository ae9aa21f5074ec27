using System.Text.Json;
using System.Text.Json.Serialization;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Reporting;

/// <summary>The whole result as JSON: machine, plan, every run with its output, and the cell summaries.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        // Engine-reported metrics are arbitrary doubles; a NaN must not lose the whole report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(Stream stream, ExperimentResult result) => JsonSerializer.Serialize(stream, result, Options);
}
