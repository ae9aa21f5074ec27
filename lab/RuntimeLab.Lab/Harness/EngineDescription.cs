namespace RuntimeLab.Lab.Harness;

/// <summary>An engine as the results record it: what it is and whether it could run here.</summary>
public sealed record EngineDescription(string Name, string Description, Availability Availability);
