namespace RuntimeLab.Runtime;

/// <summary>The errors the execution engine raises itself, each becoming a managed exception of the
/// matching type where the program can catch it.</summary>
public enum RuntimeErrorKind
{
    NullReference, IndexOutOfRange, DivideByZero, Overflow, InvalidCast, ArrayTypeMismatch, OutOfMemory,
    Arithmetic, NegativeArraySize, InvalidProgram, TypeInitialization, NotSupported, MissingMethod, InvalidOperation,
}

/// <summary>Raised by host code of the engine (helpers, internal calls); the interpreter turns it into
/// the managed exception of <see cref="Kind"/> at the instruction that caused it.</summary>
public sealed class ManagedRuntimeError(RuntimeErrorKind kind, string? message = null) : Exception(message ?? kind.ToString())
{
    public const string DivideByZeroMessage = "Attempted to divide by zero.";
    public const string OverflowMessage = "Arithmetic operation resulted in an overflow.";

    public RuntimeErrorKind Kind { get; } = kind;
    public string? ManagedMessage { get; } = message;

    public string ExceptionTypeName => Kind switch
    {
        RuntimeErrorKind.NegativeArraySize => "System.OverflowException",
        RuntimeErrorKind.TypeInitialization => "System.TypeInitializationException",
        _ => "System." + Kind + "Exception",
    };
}
