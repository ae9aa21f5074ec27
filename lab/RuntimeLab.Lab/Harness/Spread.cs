namespace RuntimeLab.Lab.Harness;

/// <summary>The range of a set of measurements.</summary>
public sealed record Spread(double Min, double Max);
