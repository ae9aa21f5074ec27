namespace RuntimeLab.Jit.Llvm;

// Typed handles for LLVM-C's opaque pointers: one struct per C typedef, so that a module cannot be
// passed where a builder is expected. They carry no ownership; the managed owners (IrModule,
// JitSession, CompiledModule) do, following LLVM's rules noted on each binding.

public readonly record struct ContextRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct ModuleRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct TypeRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct ValueRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct BasicBlockRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct BuilderRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct MetadataRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct AttributeRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct MemoryBufferRef(nint Handle) { public bool IsNull => Handle == 0; }
/// <summary>An llvm::Error: null means success; a non-null one must be consumed exactly once.</summary>
public readonly record struct ErrorRef(nint Handle) { public bool IsSuccess => Handle == 0; }
public readonly record struct TargetRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct TargetMachineRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct TargetDataRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct PassBuilderOptionsRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct DisasmContextRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct BinaryRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct SectionIteratorRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct SymbolIteratorRef(nint Handle) { public bool IsNull => Handle == 0; }

public readonly record struct OrcLLJITBuilderRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcLLJITRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcExecutionSessionRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcJITDylibRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcResourceTrackerRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcThreadSafeContextRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcThreadSafeModuleRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcSymbolStringPoolEntryRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcMaterializationUnitRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcDefinitionGeneratorRef(nint Handle) { public bool IsNull => Handle == 0; }
public readonly record struct OrcObjectTransformLayerRef(nint Handle) { public bool IsNull => Handle == 0; }
