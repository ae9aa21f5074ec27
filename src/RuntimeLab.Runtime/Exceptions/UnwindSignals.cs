namespace RuntimeLab.Runtime.Exceptions;

/// <summary>
/// Host exceptions that carry a managed exception through the interpreter's host frames in the
/// second pass: the first pass has already chosen the handler (frame depth and clause), or found
/// none (depth −1): then every frame runs its finally blocks and the program ends with exit code 134.
/// </summary>
internal sealed class UnwindSignal(nint exception, int targetDepth, int handlerIndex) : Exception("managed exception unwinding")
{
    public nint ExceptionObject { get; } = exception;
    public int TargetDepth { get; } = targetDepth;
    public int HandlerIndex { get; } = handlerIndex;
}

/// <summary>The call depth limit was reached: "Stack overflow." and exit code 134, never catchable.</summary>
internal sealed class StackOverflowSignal : Exception
{
    public required string[] Frames { get; init; }
}

/// <summary>Environment.Exit: unwinds the host stack and ends the run with the code.</summary>
internal sealed class ExitSignal(int code) : Exception("Environment.Exit")
{
    public int Code { get; } = code;
}

/// <summary>A managed exception object the runtime raises from host code (a failed type initializer):
/// the interpreter starts the first pass for it at the current instruction.</summary>
internal sealed class PendingManagedException(nint exception) : Exception("managed exception raised by the runtime")
{
    public nint ExceptionObject { get; } = exception;
}
