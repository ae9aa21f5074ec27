using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RuntimeLab.Runtime.Interpreter;

namespace RuntimeLab.Runtime.Jit;

/// <summary>
/// The host functions compiled code calls, by absolute address. Each catches every host exception and
/// parks it (<see cref="Interpreter.Interpreter.Park"/>): an exception unwinding into frames that
/// CoreCLR did not compile would end the process.
/// </summary>
internal static unsafe class JitHelpers
{
    public static nint ExecuteAddress => (nint)(delegate* unmanaged<nint, long*, int, int>)&Execute;
    public static nint RaiseAddress => (nint)(delegate* unmanaged<nint, long*, int, int, void>)&Raise;
    public static nint StackOverflowAddress => (nint)(delegate* unmanaged<nint, void>)&StackOverflow;
    public static nint HandleAddress => (nint)(delegate* unmanaged<nint, long*, int, int, int>)&Handle;
    public static nint InvokeAddress => (nint)(delegate* unmanaged<nint, long*, int, int>)&Invoke;
    public static nint AllocateObjectAddress => (nint)(delegate* unmanaged<nint, int, nint>)&AllocateObject;
    public static nint CallVirtualAddress => (nint)(delegate* unmanaged<nint, long*, int, int>)&CallVirtual;

    /// <summary>A virtual or interface call that missed its inline cache: resolved, cached, and called by the interpreter.</summary>
    [UnmanagedCallersOnly]
    private static int CallVirtual(nint context, long* fp, int pc)
    {
        var interpreter = Owner(context);
        try
        {
            interpreter.CallVirtualForCompiled(fp, pc);
            return 0;
        }
        catch (Exception e)
        {
            interpreter.Park(e);
            return 1;
        }
    }

    /// <summary>Calls the method the operation at <paramref name="pc"/> names, with its arguments at its A slot, while that method is interpreted.</summary>
    [UnmanagedCallersOnly]
    private static int Invoke(nint context, long* fp, int pc)
    {
        var interpreter = Owner(context);
        try
        {
            interpreter.InvokeForCompiled(fp, pc);
            return 0;
        }
        catch (Exception e)
        {
            interpreter.Park(e);
            return 1;
        }
    }

    /// <summary>An instance of the type with this id, when the inline fast path found its block used up; 0 means an exception is parked.</summary>
    [UnmanagedCallersOnly]
    private static nint AllocateObject(nint context, int typeId)
    {
        var interpreter = Owner(context);
        try
        {
            return interpreter.AllocateForCompiled(typeId);
        }
        catch (Exception e)
        {
            interpreter.Park(e);
            return 0;
        }
    }

    /// <summary>
    /// An exception is pending inside a try block of the compiled frame whose record is at
    /// <paramref name="depth"/>: the interpreter takes the frame over (Interpreter.HandleForCompiled).
    /// 0: it was caught there and the method ran to its return; 1: it passed on, and is parked again.
    /// </summary>
    [UnmanagedCallersOnly]
    private static int Handle(nint context, long* fp, int pc, int depth)
    {
        var interpreter = Owner(context);
        try
        {
            interpreter.HandleForCompiled(fp, pc, depth);
            return 0;
        }
        catch (Exception e)
        {
            interpreter.Park(e);
            return 1;
        }
    }

    /// <summary>No room for a compiled method's frame: parks the stack overflow; the caller returns 1.</summary>
    [UnmanagedCallersOnly]
    private static void StackOverflow(nint context)
    {
        var interpreter = Owner(context);
        try
        {
            interpreter.StackOverflowForCompiled();
        }
        catch (Exception e)
        {
            interpreter.Park(e);
        }
    }

    /// <summary>Runs one operation through the interpreter; 1 means an exception is parked.</summary>
    [UnmanagedCallersOnly]
    private static int Execute(nint context, long* fp, int pc)
    {
        var interpreter = Owner(context);
        try
        {
            interpreter.ExecuteForCompiled(fp, pc);
            return 0;
        }
        catch (Exception e)
        {
            interpreter.Park(e);
            return 1;
        }
    }

    /// <summary>A failed inline check: parks the runtime error; the caller returns 1.</summary>
    [UnmanagedCallersOnly]
    private static void Raise(nint context, long* fp, int pc, int kind)
    {
        var interpreter = Owner(context);
        try
        {
            interpreter.RaiseForCompiled(pc, (RuntimeErrorKind)kind);
        }
        catch (Exception e)
        {
            interpreter.Park(e);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Interpreter.Interpreter Owner(nint context) => (Interpreter.Interpreter)GCHandle.FromIntPtr(context).Target!;
}
