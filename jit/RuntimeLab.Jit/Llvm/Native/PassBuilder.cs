using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>llvm-c/Transforms/PassBuilder.h: the new pass manager, driven by a pipeline string.</summary>
public static partial class PassBuilder
{
    private const string Lib = LlvmLibrary.LogicalName;

    [LibraryImport(Lib, EntryPoint = "LLVMCreatePassBuilderOptions")] public static partial PassBuilderOptionsRef CreateOptions();
    [LibraryImport(Lib, EntryPoint = "LLVMDisposePassBuilderOptions")] public static partial void DisposeOptions(PassBuilderOptionsRef options);
    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetVerifyEach")] public static partial void SetVerifyEach(PassBuilderOptionsRef options, int verifyEach);
    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetLoopVectorization")] public static partial void SetLoopVectorization(PassBuilderOptionsRef options, int enabled);
    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetSLPVectorization")] public static partial void SetSlpVectorization(PassBuilderOptionsRef options, int enabled);
    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetLoopUnrolling")] public static partial void SetLoopUnrolling(PassBuilderOptionsRef options, int enabled);

    /// <summary>Runs a pipeline such as "default&lt;O2&gt;" on the module. The target machine supplies the cost models.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMRunPasses", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ErrorRef RunPasses(ModuleRef module, string passes, TargetMachineRef machine, PassBuilderOptionsRef options);
}
