using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>llvm-c/Core.h, the IR builder: one call per instruction.</summary>
public static unsafe partial class Core
{
    [LibraryImport(Lib, EntryPoint = "LLVMCreateBuilderInContext")] public static partial BuilderRef CreateBuilder(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMDisposeBuilder")] public static partial void DisposeBuilder(BuilderRef builder);
    [LibraryImport(Lib, EntryPoint = "LLVMPositionBuilderAtEnd")] public static partial void PositionBuilderAtEnd(BuilderRef builder, BasicBlockRef block);
    [LibraryImport(Lib, EntryPoint = "LLVMPositionBuilderBefore")] public static partial void PositionBuilderBefore(BuilderRef builder, ValueRef instruction);
    [LibraryImport(Lib, EntryPoint = "LLVMAppendBasicBlockInContext", StringMarshalling = StringMarshalling.Utf8)]
    public static partial BasicBlockRef AppendBasicBlock(ContextRef c, ValueRef function, string name);

    // ---- Terminators ----
    [LibraryImport(Lib, EntryPoint = "LLVMBuildRet")] public static partial ValueRef BuildRet(BuilderRef b, ValueRef value);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildRetVoid")] public static partial ValueRef BuildRetVoid(BuilderRef b);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildBr")] public static partial ValueRef BuildBr(BuilderRef b, BasicBlockRef target);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildCondBr")] public static partial ValueRef BuildCondBr(BuilderRef b, ValueRef condition, BasicBlockRef then, BasicBlockRef otherwise);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildSwitch")] public static partial ValueRef BuildSwitch(BuilderRef b, ValueRef value, BasicBlockRef defaultTarget, uint expectedCases);
    [LibraryImport(Lib, EntryPoint = "LLVMAddCase")] public static partial void AddCase(ValueRef @switch, ValueRef onValue, BasicBlockRef target);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildIndirectBr")] public static partial ValueRef BuildIndirectBr(BuilderRef b, ValueRef address, uint expectedDestinations);
    [LibraryImport(Lib, EntryPoint = "LLVMAddDestination")] public static partial void AddDestination(ValueRef indirectBr, BasicBlockRef target);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildUnreachable")] public static partial ValueRef BuildUnreachable(BuilderRef b);

    // ---- Binary operators: integer, floating point, and element-wise on vectors ----
    [LibraryImport(Lib, EntryPoint = "LLVMBuildAdd", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildAdd(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildNSWAdd", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildNSWAdd(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildNUWAdd", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildNUWAdd(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFAdd", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFAdd(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildSub", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildSub(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildNSWSub", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildNSWSub(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildNUWSub", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildNUWSub(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFSub", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFSub(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildMul", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildMul(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildNSWMul", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildNSWMul(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildNUWMul", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildNUWMul(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFMul", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFMul(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildUDiv", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildUDiv(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildExactUDiv", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildExactUDiv(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildSDiv", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildSDiv(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildExactSDiv", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildExactSDiv(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFDiv", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFDiv(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildURem", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildURem(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildSRem", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildSRem(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFRem", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFRem(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildShl", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildShl(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildLShr", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildLShr(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildAShr", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildAShr(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildAnd", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildAnd(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildOr", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildOr(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildXor", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildXor(BuilderRef b, ValueRef left, ValueRef right, string name = "");
    // ---- Unary operators ----
    [LibraryImport(Lib, EntryPoint = "LLVMBuildNeg", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildNeg(BuilderRef b, ValueRef value, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFNeg", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFNeg(BuilderRef b, ValueRef value, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildNot", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildNot(BuilderRef b, ValueRef value, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFreeze", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFreeze(BuilderRef b, ValueRef value, string name = "");
    // ---- Casts ----
    [LibraryImport(Lib, EntryPoint = "LLVMBuildTrunc", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildTrunc(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildZExt", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildZExt(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildSExt", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildSExt(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFPToUI", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFPToUI(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFPToSI", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFPToSI(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildUIToFP", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildUIToFP(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildSIToFP", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildSIToFP(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFPTrunc", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFPTrunc(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFPExt", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFPExt(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildPtrToInt", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildPtrToInt(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildIntToPtr", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildIntToPtr(BuilderRef b, ValueRef value, TypeRef destination, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildBitCast", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildBitCast(BuilderRef b, ValueRef value, TypeRef destination, string name = "");

    // ---- Comparisons and selection ----
    [LibraryImport(Lib, EntryPoint = "LLVMBuildICmp", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildICmp(BuilderRef b, IntPredicate predicate, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFCmp", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildFCmp(BuilderRef b, RealPredicate predicate, ValueRef left, ValueRef right, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildSelect", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildSelect(BuilderRef b, ValueRef condition, ValueRef then, ValueRef otherwise, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildPhi", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildPhi(BuilderRef b, TypeRef type, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMAddIncoming")] private static partial void AddIncomingRaw(ValueRef phi, ValueRef* values, BasicBlockRef* blocks, uint count);
    public static void AddIncoming(ValueRef phi, ValueRef value, BasicBlockRef from) => AddIncomingRaw(phi, &value, &from, 1);

    // ---- Memory ----
    [LibraryImport(Lib, EntryPoint = "LLVMBuildAlloca", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildAlloca(BuilderRef b, TypeRef type, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildLoad2", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildLoad(BuilderRef b, TypeRef type, ValueRef pointer, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildStore")] public static partial ValueRef BuildStore(BuilderRef b, ValueRef value, ValueRef pointer);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildGEP2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial ValueRef BuildGEP2(BuilderRef b, TypeRef type, ValueRef pointer, ValueRef* indices, uint count, string name);
    public static ValueRef BuildGep(BuilderRef b, TypeRef type, ValueRef pointer, ReadOnlySpan<ValueRef> indices, string name = "")
    {
        fixed (ValueRef* p = indices) return BuildGEP2(b, type, pointer, p, (uint)indices.Length, name);
    }
    [LibraryImport(Lib, EntryPoint = "LLVMBuildInBoundsGEP2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial ValueRef BuildInBoundsGEP2(BuilderRef b, TypeRef type, ValueRef pointer, ValueRef* indices, uint count, string name);
    public static ValueRef BuildInBoundsGep(BuilderRef b, TypeRef type, ValueRef pointer, ReadOnlySpan<ValueRef> indices, string name = "")
    {
        fixed (ValueRef* p = indices) return BuildInBoundsGEP2(b, type, pointer, p, (uint)indices.Length, name);
    }
    [LibraryImport(Lib, EntryPoint = "LLVMBuildStructGEP2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ValueRef BuildStructGep(BuilderRef b, TypeRef structType, ValueRef pointer, uint field, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildMemCpy")]
    public static partial ValueRef BuildMemCpy(BuilderRef b, ValueRef destination, uint destinationAlign, ValueRef source, uint sourceAlign, ValueRef size);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildMemMove")]
    public static partial ValueRef BuildMemMove(BuilderRef b, ValueRef destination, uint destinationAlign, ValueRef source, uint sourceAlign, ValueRef size);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildMemSet")]
    public static partial ValueRef BuildMemSet(BuilderRef b, ValueRef destination, ValueRef value, ValueRef length, uint align);

    // ---- Atomics: x86 lock-prefixed instructions, Interlocked ----
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFence", StringMarshalling = StringMarshalling.Utf8)]
    private static partial ValueRef BuildFenceRaw(BuilderRef b, AtomicOrdering ordering, int singleThread, string name);
    public static ValueRef BuildFence(BuilderRef b, AtomicOrdering ordering) => BuildFenceRaw(b, ordering, 0, "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildAtomicRMW")]
    private static partial ValueRef BuildAtomicRmwRaw(BuilderRef b, AtomicRmwOp op, ValueRef pointer, ValueRef value, AtomicOrdering ordering, int singleThread);
    /// <summary>Atomically applies <paramref name="op"/> at <paramref name="pointer"/>; returns the old value.</summary>
    public static ValueRef BuildAtomicRmw(BuilderRef b, AtomicRmwOp op, ValueRef pointer, ValueRef value, AtomicOrdering ordering = AtomicOrdering.SequentiallyConsistent) =>
        BuildAtomicRmwRaw(b, op, pointer, value, ordering, 0);
    [LibraryImport(Lib, EntryPoint = "LLVMBuildAtomicCmpXchg")]
    private static partial ValueRef BuildAtomicCmpXchgRaw(BuilderRef b, ValueRef pointer, ValueRef expected, ValueRef replacement, AtomicOrdering success, AtomicOrdering failure, int singleThread);
    /// <summary>Returns { old value, i1 swapped }.</summary>
    public static ValueRef BuildAtomicCmpXchg(BuilderRef b, ValueRef pointer, ValueRef expected, ValueRef replacement,
        AtomicOrdering success = AtomicOrdering.SequentiallyConsistent, AtomicOrdering failure = AtomicOrdering.SequentiallyConsistent) =>
        BuildAtomicCmpXchgRaw(b, pointer, expected, replacement, success, failure, 0);
    /// <summary>Makes a load or store atomic (it then needs an explicit alignment).</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMSetOrdering")] public static partial void SetOrdering(ValueRef memoryAccess, AtomicOrdering ordering);

    // ---- Flags that let the optimizer assume more ----
    [LibraryImport(Lib, EntryPoint = "LLVMSetNSW")] private static partial void SetNswRaw(ValueRef arithmetic, int value);
    public static void SetNoSignedWrap(ValueRef arithmetic, bool value = true) => SetNswRaw(arithmetic, value ? 1 : 0);
    [LibraryImport(Lib, EntryPoint = "LLVMSetNUW")] private static partial void SetNuwRaw(ValueRef arithmetic, int value);
    public static void SetNoUnsignedWrap(ValueRef arithmetic, bool value = true) => SetNuwRaw(arithmetic, value ? 1 : 0);

    // ---- Aggregates and vectors ----
    [LibraryImport(Lib, EntryPoint = "LLVMBuildExtractValue", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildExtractValue(BuilderRef b, ValueRef aggregate, uint index, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildInsertValue", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildInsertValue(BuilderRef b, ValueRef aggregate, ValueRef element, uint index, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildExtractElement", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildExtractElement(BuilderRef b, ValueRef vector, ValueRef index, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildInsertElement", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildInsertElement(BuilderRef b, ValueRef vector, ValueRef element, ValueRef index, string name = "");
    [LibraryImport(Lib, EntryPoint = "LLVMBuildShuffleVector", StringMarshalling = StringMarshalling.Utf8)] public static partial ValueRef BuildShuffleVector(BuilderRef b, ValueRef left, ValueRef right, ValueRef mask, string name = "");

    // ---- Calls ----
    [LibraryImport(Lib, EntryPoint = "LLVMBuildCall2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial ValueRef BuildCall2(BuilderRef b, TypeRef functionType, ValueRef function, ValueRef* args, uint count, string name);
    /// <summary>A call through <paramref name="function"/>: a function value, or any pointer (inttoptr of a host address works too).</summary>
    public static ValueRef BuildCall(BuilderRef b, TypeRef functionType, ValueRef function, ReadOnlySpan<ValueRef> args, string name = "")
    {
        fixed (ValueRef* p = args) return BuildCall2(b, functionType, function, p, (uint)args.Length, name);
    }
}
