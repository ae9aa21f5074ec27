using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>llvm-c/Error.h and llvm-c/ErrorHandling.h.</summary>
public static unsafe partial class Errors
{
    private const string Lib = LlvmLibrary.LogicalName;

    [LibraryImport(Lib, EntryPoint = "LLVMGetErrorMessage")] private static partial nint GetErrorMessage(ErrorRef error);
    [LibraryImport(Lib, EntryPoint = "LLVMDisposeErrorMessage")] private static partial void DisposeErrorMessage(nint message);
    [LibraryImport(Lib, EntryPoint = "LLVMInstallFatalErrorHandler")] private static partial void InstallFatalErrorHandler(delegate* unmanaged<byte*, void> handler);

    /// <summary>
    /// LLVM exits the process after a fatal error whatever the handler does; the handler only makes
    /// sure the user sees one clear line saying so instead of LLVM's raw report.
    /// </summary>
    internal static void InstallFatalErrorHandler() => InstallFatalErrorHandler(&OnFatalError);

    [UnmanagedCallersOnly]
    private static void OnFatalError(byte* reason) =>
        Console.Error.WriteLine($"runtimelab: LLVM fatal error: {Marshal.PtrToStringUTF8((nint)reason)}");

    /// <summary>Consumes a failed error and returns its message (consuming is required, or LLVM aborts).</summary>
    public static string Consume(ErrorRef error)
    {
        if (error.IsSuccess) return "";
        var message = GetErrorMessage(error);
        try { return Marshal.PtrToStringUTF8(message) ?? ""; }
        finally { DisposeErrorMessage(message); }
    }

    /// <summary>Throws a <see cref="JitException"/> with LLVM's message when <paramref name="error"/> failed.</summary>
    public static void ThrowIfFailed(ErrorRef error, string what)
    {
        if (!error.IsSuccess) throw new JitException($"{what}: {Consume(error)}");
    }
}
