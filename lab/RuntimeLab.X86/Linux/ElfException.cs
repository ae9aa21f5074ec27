namespace RuntimeLab.X86.Linux;

/// <summary>A program RuntimeLab cannot load; the message is one line, fit to print after "runtimelab: ".</summary>
public sealed class ElfException(string message) : Exception(message);
