namespace RuntimeLab.Lab.Harness;

/// <summary>How a single run ended.</summary>
public enum RunStatus
{
    Ok,
    Failed,
    TimedOut,
}
