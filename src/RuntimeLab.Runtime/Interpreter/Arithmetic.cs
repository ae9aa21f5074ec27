namespace RuntimeLab.Runtime.Interpreter;

/// <summary>Integer division with CIL's exceptions: DivideByZero, and Overflow for MinValue / -1
/// (which would be a host SIGFPE, not an exception, if left to the hardware).</summary>
internal static class Arithmetic
{
    public static int DivI4(int a, int b)
    {
        if (b == 0) throw new ManagedRuntimeError(RuntimeErrorKind.DivideByZero, ManagedRuntimeError.DivideByZeroMessage);
        if (b == -1 && a == int.MinValue) throw new ManagedRuntimeError(RuntimeErrorKind.Overflow, ManagedRuntimeError.OverflowMessage);
        return a / b;
    }

    public static int RemI4(int a, int b)
    {
        if (b == 0) throw new ManagedRuntimeError(RuntimeErrorKind.DivideByZero, ManagedRuntimeError.DivideByZeroMessage);
        if (b == -1) return a == int.MinValue ? throw new ManagedRuntimeError(RuntimeErrorKind.Overflow, ManagedRuntimeError.OverflowMessage) : 0;
        return a % b;
    }

    public static long DivI8(long a, long b)
    {
        if (b == 0) throw new ManagedRuntimeError(RuntimeErrorKind.DivideByZero, ManagedRuntimeError.DivideByZeroMessage);
        if (b == -1 && a == long.MinValue) throw new ManagedRuntimeError(RuntimeErrorKind.Overflow, ManagedRuntimeError.OverflowMessage);
        return a / b;
    }

    public static long RemI8(long a, long b)
    {
        if (b == 0) throw new ManagedRuntimeError(RuntimeErrorKind.DivideByZero, ManagedRuntimeError.DivideByZeroMessage);
        if (b == -1) return a == long.MinValue ? throw new ManagedRuntimeError(RuntimeErrorKind.Overflow, ManagedRuntimeError.OverflowMessage) : 0;
        return a % b;
    }

    public static uint DivUnI4(uint a, uint b) => b == 0 ? throw new ManagedRuntimeError(RuntimeErrorKind.DivideByZero, ManagedRuntimeError.DivideByZeroMessage) : a / b;
    public static uint RemUnI4(uint a, uint b) => b == 0 ? throw new ManagedRuntimeError(RuntimeErrorKind.DivideByZero, ManagedRuntimeError.DivideByZeroMessage) : a % b;
    public static ulong DivUnI8(ulong a, ulong b) => b == 0 ? throw new ManagedRuntimeError(RuntimeErrorKind.DivideByZero, ManagedRuntimeError.DivideByZeroMessage) : a / b;
    public static ulong RemUnI8(ulong a, ulong b) => b == 0 ? throw new ManagedRuntimeError(RuntimeErrorKind.DivideByZero, ManagedRuntimeError.DivideByZeroMessage) : a % b;
}
