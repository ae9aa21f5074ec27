using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>llvm-c/Analysis.h: the IR verifier.</summary>
public static partial class Analysis
{
    private const string Lib = LlvmLibrary.LogicalName;

    [LibraryImport(Lib, EntryPoint = "LLVMVerifyModule")]
    private static partial int VerifyModuleRaw(ModuleRef module, VerifierFailureAction action, out nint message);

    /// <summary>
    /// Null when the module is well formed, else LLVM's message. Never aborts: LLVM's release builds
    /// have no assertions, so unverified IR reaching codegen could crash the process instead.
    /// </summary>
    public static string? VerifyModule(ModuleRef module)
    {
        var broken = VerifyModuleRaw(module, VerifierFailureAction.ReturnStatus, out var message) != 0;
        var text = Core.TakeMessage(message).Trim();
        return broken ? text : null;
    }
}
