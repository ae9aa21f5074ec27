namespace RuntimeLab.Bytecode.Loading;

/// <summary>A file that cannot be loaded as a program: not an assembly, corrupt, or without entry point.
/// The message is one line, ready for the user.</summary>
public sealed class BytecodeLoadException(string message, Exception? inner = null) : Exception(message, inner);
