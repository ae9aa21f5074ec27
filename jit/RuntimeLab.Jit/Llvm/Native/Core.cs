using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>llvm-c/Core.h.</summary>
public static unsafe partial class Core
{
    private const string Lib = LlvmLibrary.LogicalName;

    [LibraryImport(Lib, EntryPoint = "LLVMGetVersion")]
    public static partial void GetVersion(out uint major, out uint minor, out uint patch);
}
