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

public static unsafe partial class Target
{
    [LibraryImport(Lib, EntryPoint = "LLVMGetTargetFromTriple", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GetTargetFromTripleRaw(string triple, out TargetRef target, out nint errorMessage);
    public static TargetRef GetTargetFromTriple(string triple)
    {
        if (GetTargetFromTripleRaw(triple, out var target, out var error) != 0)
            throw new JitException($"no LLVM target for {triple}: {Core.TakeMessage(error)}");
        return target;
    }
    [LibraryImport(Lib, EntryPoint = "LLVMGetHostCPUName")] private static partial nint GetHostCPUNameRaw();
    public static string HostCpuName() => Core.TakeMessage(GetHostCPUNameRaw());
    [LibraryImport(Lib, EntryPoint = "LLVMGetHostCPUFeatures")] private static partial nint GetHostCPUFeaturesRaw();
    public static string HostCpuFeatures() => Core.TakeMessage(GetHostCPUFeaturesRaw());

    [LibraryImport(Lib, EntryPoint = "LLVMCreateTargetMachine", StringMarshalling = StringMarshalling.Utf8)]
    public static partial TargetMachineRef CreateTargetMachine(TargetRef target, string triple, string cpu, string features,
        CodeGenOptLevel level, RelocMode reloc, CodeModel codeModel);
    [LibraryImport(Lib, EntryPoint = "LLVMDisposeTargetMachine")] public static partial void DisposeTargetMachine(TargetMachineRef machine);

    /// <summary>Runs code generation. It mutates the module's IR: print the IR first, or emit from a clone.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMTargetMachineEmitToMemoryBuffer")]
    private static partial int EmitToMemoryBufferRaw(TargetMachineRef machine, ModuleRef module, CodeGenFileType type, out nint errorMessage, out MemoryBufferRef buffer);
    public static MemoryBufferRef EmitToMemoryBuffer(TargetMachineRef machine, ModuleRef module, CodeGenFileType type)
    {
        if (EmitToMemoryBufferRaw(machine, module, type, out var error, out var buffer) != 0)
            throw new JitException($"code generation failed: {Core.TakeMessage(error)}");
        return buffer;
    }
}
