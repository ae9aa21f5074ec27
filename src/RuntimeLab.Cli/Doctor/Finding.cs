namespace RuntimeLab.Cli.Doctor;

public enum FindingStatus
{
    Ok,
    /// <summary>Present but not fully usable (e.g. gcc without -m32 support).</summary>
    Incomplete,
    Missing,
}

/// <summary>One row of the doctor report: what was checked, and the version or the fix.</summary>
public sealed record Finding(string Component, FindingStatus Status, string Detail);

/// <summary>The exact Debian command that installs a missing piece.</summary>
public static class DebianInstall
{
    public static string Command(params string[] packages) =>
        $"{(Environment.UserName == "root" ? "" : "sudo ")}apt-get install -y {string.Join(' ', packages)}";
}
