using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>
/// llvm-c/Orc.h and llvm-c/LLJIT.h. Ownership traps, each reproduced on this machine:
/// AddLLVMIRModule, AddObjectFile and CreateNewThreadSafeModule take ownership even when they fail;
/// JITDylibDefine is the opposite (on failure the caller keeps the materialization unit);
/// AbsoluteSymbols consumes the interned names it is given.
/// </summary>
public static unsafe partial class Orc
{
    private const string Lib = LlvmLibrary.LogicalName;

    /// <summary>JITSymbolFlags::Exported | JITSymbolFlags::Callable.</summary>
    public const byte ExportedCallable = 1 | 4;

    [StructLayout(LayoutKind.Sequential)]
    public struct SymbolFlags { public byte GenericFlags; public byte TargetFlags; }

    [StructLayout(LayoutKind.Sequential)]
    public struct EvaluatedSymbol { public ulong Address; public SymbolFlags Flags; }

    [StructLayout(LayoutKind.Sequential)]
    public struct SymbolMapPair { public OrcSymbolStringPoolEntryRef Name; public EvaluatedSymbol Symbol; }

    // ---- LLJIT ----
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateLLJITBuilder")] public static partial OrcLLJITBuilderRef CreateLLJITBuilder();
    /// <summary>Consumes the builder (pass a null one for the defaults).</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateLLJIT")] public static partial ErrorRef CreateLLJIT(out OrcLLJITRef jit, OrcLLJITBuilderRef builder);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeLLJIT")] public static partial ErrorRef DisposeLLJIT(OrcLLJITRef jit);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetExecutionSession")] public static partial OrcExecutionSessionRef GetExecutionSession(OrcLLJITRef jit);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetMainJITDylib")] public static partial OrcJITDylibRef GetMainJITDylib(OrcLLJITRef jit);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetTripleString")] public static partial byte* GetTripleString(OrcLLJITRef jit);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetDataLayoutStr")] public static partial byte* GetDataLayoutStr(OrcLLJITRef jit);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetGlobalPrefix")] public static partial byte GetGlobalPrefix(OrcLLJITRef jit);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITMangleAndIntern", StringMarshalling = StringMarshalling.Utf8)]
    public static partial OrcSymbolStringPoolEntryRef MangleAndIntern(OrcLLJITRef jit, string name);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcReleaseSymbolStringPoolEntry")] public static partial void ReleaseSymbolStringPoolEntry(OrcSymbolStringPoolEntryRef entry);
    /// <summary>Takes ownership of <paramref name="module"/>, even on failure.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITAddLLVMIRModuleWithRT")]
    public static partial ErrorRef AddLLVMIRModuleWithRT(OrcLLJITRef jit, OrcResourceTrackerRef tracker, OrcThreadSafeModuleRef module);
    /// <summary>Takes ownership of <paramref name="objectBuffer"/>, even on failure.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITAddObjectFileWithRT")]
    public static partial ErrorRef AddObjectFileWithRT(OrcLLJITRef jit, OrcResourceTrackerRef tracker, MemoryBufferRef objectBuffer);
    /// <summary>Looks a symbol up by its plain name, materializing (compiling) what defines it.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITLookup", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ErrorRef Lookup(OrcLLJITRef jit, out ulong address, string name);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetObjTransformLayer")] public static partial OrcObjectTransformLayerRef GetObjTransformLayer(OrcLLJITRef jit);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcObjectTransformLayerSetTransform")]
    public static partial void SetObjectTransform(OrcObjectTransformLayerRef layer, delegate* unmanaged<nint, MemoryBufferRef*, ErrorRef> transform, nint context);

    // ---- Execution session, dylibs, symbols ----
    [LibraryImport(Lib, EntryPoint = "LLVMOrcExecutionSessionSetErrorReporter")]
    public static partial void SetErrorReporter(OrcExecutionSessionRef session, delegate* unmanaged<nint, ErrorRef, void> reporter, nint context);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcAbsoluteSymbols")] public static partial OrcMaterializationUnitRef AbsoluteSymbols(SymbolMapPair* pairs, nuint count);
    /// <summary>On failure the caller still owns <paramref name="unit"/> and must dispose it.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITDylibDefine")] public static partial ErrorRef JITDylibDefine(OrcJITDylibRef dylib, OrcMaterializationUnitRef unit);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeMaterializationUnit")] public static partial void DisposeMaterializationUnit(OrcMaterializationUnitRef unit);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess")]
    public static partial ErrorRef CreateDynamicLibrarySearchGeneratorForProcess(out OrcDefinitionGeneratorRef generator, byte globalPrefix, nint filter, nint filterContext);
    /// <summary>Takes ownership of the generator.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITDylibAddGenerator")] public static partial void JITDylibAddGenerator(OrcJITDylibRef dylib, OrcDefinitionGeneratorRef generator);

    // ---- Resource trackers: how a module's code is freed ----
    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITDylibCreateResourceTracker")] public static partial OrcResourceTrackerRef CreateResourceTracker(OrcJITDylibRef dylib);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcResourceTrackerRemove")] public static partial ErrorRef ResourceTrackerRemove(OrcResourceTrackerRef tracker);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcReleaseResourceTracker")] public static partial void ReleaseResourceTracker(OrcResourceTrackerRef tracker);

    // ---- Thread-safe contexts and modules ----
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateNewThreadSafeContext")] public static partial OrcThreadSafeContextRef CreateNewThreadSafeContext();
    /// <summary>LLVM ≤ 20 only: the context inside a thread-safe context.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcThreadSafeContextGetContext")] public static partial ContextRef ThreadSafeContextGetContext(OrcThreadSafeContextRef context);
    /// <summary>LLVM ≥ 21 only: wraps a context the caller made; the wrapper takes ownership of it.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateNewThreadSafeContextFromLLVMContext")]
    public static partial OrcThreadSafeContextRef CreateNewThreadSafeContextFromLLVMContext(ContextRef context);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeThreadSafeContext")] public static partial void DisposeThreadSafeContext(OrcThreadSafeContextRef context);
    /// <summary>Takes ownership of <paramref name="module"/>.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateNewThreadSafeModule")]
    public static partial OrcThreadSafeModuleRef CreateNewThreadSafeModule(ModuleRef module, OrcThreadSafeContextRef context);
    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeThreadSafeModule")] public static partial void DisposeThreadSafeModule(OrcThreadSafeModuleRef module);
}
