using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>llvm-c/Target.h and llvm-c/TargetMachine.h.</summary>
public static unsafe partial class Target
{
    private const string Lib = LlvmLibrary.LogicalName;

    // LLVMInitializeNativeTarget is an inline header function, not an export: call the X86 ones.
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86TargetInfo")] private static partial void InitializeX86TargetInfo();
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86Target")] private static partial void InitializeX86Target();
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86TargetMC")] private static partial void InitializeX86TargetMC();
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86AsmPrinter")] private static partial void InitializeX86AsmPrinter();
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86AsmParser")] private static partial void InitializeX86AsmParser();
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86Disassembler")] private static partial void InitializeX86Disassembler();

    internal static void InitializeHostTarget()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
            throw new PlatformNotSupportedException($"RuntimeLab's JIT targets x86-64 hosts; this is {RuntimeInformation.ProcessArchitecture}.");
        InitializeX86TargetInfo();
        InitializeX86Target();
        InitializeX86TargetMC();
        InitializeX86AsmPrinter();
        InitializeX86AsmParser();
        InitializeX86Disassembler();
    }
}
