namespace RuntimeLab.Runtime.Jit;

/// <summary>Why a method stays interpreted: something the CIL frontend does not lower. It is logged
/// (<c>--jit-log</c>) and counted, never fatal.</summary>
internal sealed class NotCompilableException(string reason) : Exception(reason);
