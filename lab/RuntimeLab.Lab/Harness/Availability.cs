namespace RuntimeLab.Lab.Harness;

/// <summary>Whether an engine can run on this machine, and if not, how to make it run.</summary>
public sealed record Availability(bool IsAvailable, string? Reason)
{
    public static Availability Available { get; } = new(true, null);

    public static Availability NotInstalled(string what, string installHint) =>
        new(false, $"not installed: {what}, install with {installHint}");
}
