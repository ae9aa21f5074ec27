using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>
/// llvm-c/Core.h: contexts, modules, types, values, instructions and the IR builder.
/// Opaque pointers only: loads, GEPs and calls name their types (the *2 forms).
/// </summary>
public static unsafe partial class Core
{
    private const string Lib = LlvmLibrary.LogicalName;

    [LibraryImport(Lib, EntryPoint = "LLVMGetVersion")]
    public static partial void GetVersion(out uint major, out uint minor, out uint patch);

    /// <summary>Frees a string LLVM handed out (LLVMPrint*ToString, verifier messages).</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMDisposeMessage")] public static partial void DisposeMessage(nint message);

    /// <summary>Copies an LLVM-owned C string into a managed one and frees it.</summary>
    public static string TakeMessage(nint message)
    {
        if (message == 0) return "";
        try { return Marshal.PtrToStringUTF8(message) ?? ""; }
        finally { DisposeMessage(message); }
    }

    // ---- Contexts ----
    [LibraryImport(Lib, EntryPoint = "LLVMContextCreate")] public static partial ContextRef ContextCreate();
    [LibraryImport(Lib, EntryPoint = "LLVMContextDispose")] public static partial void ContextDispose(ContextRef context);
    [LibraryImport(Lib, EntryPoint = "LLVMGetMDKindIDInContext", StringMarshalling = StringMarshalling.Utf8)]
    private static partial uint GetMDKindIDInContext(ContextRef context, string name, uint length);
    public static uint GetMDKindId(ContextRef context, string name) => GetMDKindIDInContext(context, name, (uint)System.Text.Encoding.UTF8.GetByteCount(name));

    // ---- Modules ----
    [LibraryImport(Lib, EntryPoint = "LLVMModuleCreateWithNameInContext", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ModuleRef ModuleCreateWithNameInContext(string name, ContextRef context);
    [LibraryImport(Lib, EntryPoint = "LLVMDisposeModule")] public static partial void DisposeModule(ModuleRef module);
    [LibraryImport(Lib, EntryPoint = "LLVMCloneModule")] public static partial ModuleRef CloneModule(ModuleRef module);
    [LibraryImport(Lib, EntryPoint = "LLVMGetModuleContext")] public static partial ContextRef GetModuleContext(ModuleRef module);
    [LibraryImport(Lib, EntryPoint = "LLVMSetDataLayout", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetDataLayout(ModuleRef module, string layout);
    [LibraryImport(Lib, EntryPoint = "LLVMSetTarget", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetTarget(ModuleRef module, string triple);
    [LibraryImport(Lib, EntryPoint = "LLVMPrintModuleToString")] private static partial nint PrintModuleToStringRaw(ModuleRef module);
    public static string PrintModuleToString(ModuleRef module) => TakeMessage(PrintModuleToStringRaw(module));

    // ---- Types ----
    [LibraryImport(Lib, EntryPoint = "LLVMInt1TypeInContext")] public static partial TypeRef Int1Type(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMInt8TypeInContext")] public static partial TypeRef Int8Type(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMInt16TypeInContext")] public static partial TypeRef Int16Type(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMInt32TypeInContext")] public static partial TypeRef Int32Type(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMInt64TypeInContext")] public static partial TypeRef Int64Type(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMInt128TypeInContext")] public static partial TypeRef Int128Type(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMIntTypeInContext")] public static partial TypeRef IntType(ContextRef c, uint bits);
    [LibraryImport(Lib, EntryPoint = "LLVMHalfTypeInContext")] public static partial TypeRef HalfType(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMFloatTypeInContext")] public static partial TypeRef FloatType(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMDoubleTypeInContext")] public static partial TypeRef DoubleType(ContextRef c);
    /// <summary>The x87 80-bit extended type: the x86 frontend keeps guest x87 values exact with it.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMX86FP80TypeInContext")] public static partial TypeRef X86Fp80Type(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMFP128TypeInContext")] public static partial TypeRef Fp128Type(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMVoidTypeInContext")] public static partial TypeRef VoidType(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMMetadataTypeInContext")] public static partial TypeRef MetadataType(ContextRef c);
    [LibraryImport(Lib, EntryPoint = "LLVMPointerTypeInContext")] public static partial TypeRef PointerType(ContextRef c, uint addressSpace);
    [LibraryImport(Lib, EntryPoint = "LLVMFunctionType")]
    private static partial TypeRef FunctionTypeRaw(TypeRef returnType, TypeRef* parameters, uint count, int isVarArg);
    public static TypeRef FunctionType(TypeRef returnType, ReadOnlySpan<TypeRef> parameters, bool isVarArg = false)
    {
        fixed (TypeRef* p = parameters) return FunctionTypeRaw(returnType, p, (uint)parameters.Length, isVarArg ? 1 : 0);
    }
    [LibraryImport(Lib, EntryPoint = "LLVMStructTypeInContext")]
    private static partial TypeRef StructTypeRaw(ContextRef c, TypeRef* elements, uint count, int packed);
    public static TypeRef StructType(ContextRef c, ReadOnlySpan<TypeRef> elements, bool packed = false)
    {
        fixed (TypeRef* p = elements) return StructTypeRaw(c, p, (uint)elements.Length, packed ? 1 : 0);
    }
    [LibraryImport(Lib, EntryPoint = "LLVMArrayType2")] public static partial TypeRef ArrayType(TypeRef element, ulong count);
    [LibraryImport(Lib, EntryPoint = "LLVMVectorType")] public static partial TypeRef VectorType(TypeRef element, uint count);
    [LibraryImport(Lib, EntryPoint = "LLVMTypeOf")] public static partial TypeRef TypeOf(ValueRef value);
    [LibraryImport(Lib, EntryPoint = "LLVMGetTypeKind")] public static partial TypeKind GetTypeKind(TypeRef type);
    [LibraryImport(Lib, EntryPoint = "LLVMGetIntTypeWidth")] public static partial uint GetIntTypeWidth(TypeRef type);
    [LibraryImport(Lib, EntryPoint = "LLVMGlobalGetValueType")] public static partial TypeRef GlobalGetValueType(ValueRef global);
    [LibraryImport(Lib, EntryPoint = "LLVMPrintTypeToString")] private static partial nint PrintTypeToStringRaw(TypeRef type);
    public static string PrintTypeToString(TypeRef type) => TakeMessage(PrintTypeToStringRaw(type));

    // ---- Values and constants ----
    [LibraryImport(Lib, EntryPoint = "LLVMSetValueName2")] private static partial void SetValueName2(ValueRef value, byte* name, nuint length);
    public static void SetValueName(ValueRef value, string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        fixed (byte* p = bytes) SetValueName2(value, p, (nuint)bytes.Length);
    }
    [LibraryImport(Lib, EntryPoint = "LLVMGetValueName2")] private static partial byte* GetValueName2(ValueRef value, out nuint length);
    public static string GetValueName(ValueRef value)
    {
        var p = GetValueName2(value, out var length);
        return p == null ? "" : System.Text.Encoding.UTF8.GetString(p, checked((int)length));
    }
    [LibraryImport(Lib, EntryPoint = "LLVMPrintValueToString")] private static partial nint PrintValueToStringRaw(ValueRef value);
    public static string PrintValueToString(ValueRef value) => TakeMessage(PrintValueToStringRaw(value));
    [LibraryImport(Lib, EntryPoint = "LLVMConstInt")] private static partial ValueRef ConstIntRaw(TypeRef type, ulong value, int signExtend);
    public static ValueRef ConstInt(TypeRef type, ulong value, bool signExtend = false) => ConstIntRaw(type, value, signExtend ? 1 : 0);
    public static ValueRef ConstInt(TypeRef type, long value) => ConstIntRaw(type, unchecked((ulong)value), 1);
    [LibraryImport(Lib, EntryPoint = "LLVMConstReal")] public static partial ValueRef ConstReal(TypeRef type, double value);
    [LibraryImport(Lib, EntryPoint = "LLVMConstNull")] public static partial ValueRef ConstNull(TypeRef type);
    [LibraryImport(Lib, EntryPoint = "LLVMConstAllOnes")] public static partial ValueRef ConstAllOnes(TypeRef type);
    [LibraryImport(Lib, EntryPoint = "LLVMGetUndef")] public static partial ValueRef GetUndef(TypeRef type);
    [LibraryImport(Lib, EntryPoint = "LLVMGetPoison")] public static partial ValueRef GetPoison(TypeRef type);
    [LibraryImport(Lib, EntryPoint = "LLVMConstIntToPtr")] public static partial ValueRef ConstIntToPtr(ValueRef value, TypeRef pointerType);
    [LibraryImport(Lib, EntryPoint = "LLVMConstArray2")] private static partial ValueRef ConstArray2(TypeRef element, ValueRef* values, ulong count);
    public static ValueRef ConstArray(TypeRef element, ReadOnlySpan<ValueRef> values)
    {
        fixed (ValueRef* p = values) return ConstArray2(element, p, (ulong)values.Length);
    }
    [LibraryImport(Lib, EntryPoint = "LLVMConstStructInContext")] private static partial ValueRef ConstStructRaw(ContextRef c, ValueRef* values, uint count, int packed);
    public static ValueRef ConstStruct(ContextRef c, ReadOnlySpan<ValueRef> values, bool packed = false)
    {
        fixed (ValueRef* p = values) return ConstStructRaw(c, p, (uint)values.Length, packed ? 1 : 0);
    }
    [LibraryImport(Lib, EntryPoint = "LLVMConstVector")] private static partial ValueRef ConstVectorRaw(ValueRef* values, uint count);
    public static ValueRef ConstVector(ReadOnlySpan<ValueRef> values)
    {
        fixed (ValueRef* p = values) return ConstVectorRaw(p, (uint)values.Length);
    }

    // ---- Globals and functions ----
    [LibraryImport(Lib, EntryPoint = "LLVMAddFunction", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ValueRef AddFunction(ModuleRef module, string name, TypeRef functionType);
    [LibraryImport(Lib, EntryPoint = "LLVMGetNamedFunction", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ValueRef GetNamedFunction(ModuleRef module, string name);
    [LibraryImport(Lib, EntryPoint = "LLVMGetFirstFunction")] public static partial ValueRef GetFirstFunction(ModuleRef module);
    [LibraryImport(Lib, EntryPoint = "LLVMGetNextFunction")] public static partial ValueRef GetNextFunction(ValueRef function);
    [LibraryImport(Lib, EntryPoint = "LLVMIsDeclaration")] private static partial int IsDeclarationRaw(ValueRef global);
    public static bool IsDeclaration(ValueRef global) => IsDeclarationRaw(global) != 0;
    [LibraryImport(Lib, EntryPoint = "LLVMGetParam")] public static partial ValueRef GetParam(ValueRef function, uint index);
    [LibraryImport(Lib, EntryPoint = "LLVMCountParams")] public static partial uint CountParams(ValueRef function);
    [LibraryImport(Lib, EntryPoint = "LLVMAddGlobal", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ValueRef AddGlobal(ModuleRef module, TypeRef type, string name);
    [LibraryImport(Lib, EntryPoint = "LLVMGetNamedGlobal", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ValueRef GetNamedGlobal(ModuleRef module, string name);
    [LibraryImport(Lib, EntryPoint = "LLVMSetInitializer")] public static partial void SetInitializer(ValueRef global, ValueRef value);
    [LibraryImport(Lib, EntryPoint = "LLVMSetGlobalConstant")] private static partial void SetGlobalConstantRaw(ValueRef global, int isConstant);
    public static void SetGlobalConstant(ValueRef global, bool isConstant) => SetGlobalConstantRaw(global, isConstant ? 1 : 0);
    [LibraryImport(Lib, EntryPoint = "LLVMSetLinkage")] public static partial void SetLinkage(ValueRef global, Linkage linkage);
    [LibraryImport(Lib, EntryPoint = "LLVMGetLinkage")] public static partial Linkage GetLinkage(ValueRef global);
    [LibraryImport(Lib, EntryPoint = "LLVMSetFunctionCallConv")] public static partial void SetFunctionCallConv(ValueRef function, CallConv cc);
    [LibraryImport(Lib, EntryPoint = "LLVMSetInstructionCallConv")] public static partial void SetInstructionCallConv(ValueRef call, CallConv cc);
    [LibraryImport(Lib, EntryPoint = "LLVMSetTailCall")] private static partial void SetTailCallRaw(ValueRef call, int isTail);
    public static void SetTailCall(ValueRef call, bool isTail) => SetTailCallRaw(call, isTail ? 1 : 0);
    /// <summary>musttail and notail, beyond the plain tail hint (LLVM 18 and later).</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMSetTailCallKind")] public static partial void SetTailCallKind(ValueRef call, TailCallKind kind);
    /// <summary>Alignment of a load, store, alloca or global, in bytes.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMSetAlignment")] public static partial void SetAlignment(ValueRef value, uint bytes);
    [LibraryImport(Lib, EntryPoint = "LLVMSetVolatile")] private static partial void SetVolatileRaw(ValueRef memoryAccess, int isVolatile);
    public static void SetVolatile(ValueRef memoryAccess, bool isVolatile) => SetVolatileRaw(memoryAccess, isVolatile ? 1 : 0);
    [LibraryImport(Lib, EntryPoint = "LLVMDeleteFunction")] public static partial void DeleteFunction(ValueRef function);

    // ---- Attributes ----
    [LibraryImport(Lib, EntryPoint = "LLVMGetEnumAttributeKindForName", StringMarshalling = StringMarshalling.Utf8)]
    private static partial uint GetEnumAttributeKindForName(string name, nuint length);
    /// <summary>An attribute's kind by its IR spelling ("nounwind", "noalias", "dereferenceable"…); 0 when unknown.</summary>
    public static uint EnumAttributeKind(string name) => GetEnumAttributeKindForName(name, (nuint)name.Length);
    [LibraryImport(Lib, EntryPoint = "LLVMCreateEnumAttribute")] public static partial AttributeRef CreateEnumAttribute(ContextRef c, uint kind, ulong value);
    [LibraryImport(Lib, EntryPoint = "LLVMCreateStringAttribute", StringMarshalling = StringMarshalling.Utf8)]
    private static partial AttributeRef CreateStringAttributeRaw(ContextRef c, string key, uint keyLength, string value, uint valueLength);
    public static AttributeRef CreateStringAttribute(ContextRef c, string key, string value) =>
        CreateStringAttributeRaw(c, key, (uint)key.Length, value, (uint)value.Length);
    [LibraryImport(Lib, EntryPoint = "LLVMAddAttributeAtIndex")] public static partial void AddAttributeAtIndex(ValueRef function, uint index, AttributeRef attribute);
    [LibraryImport(Lib, EntryPoint = "LLVMAddCallSiteAttribute")] public static partial void AddCallSiteAttribute(ValueRef call, uint index, AttributeRef attribute);

    // ---- Metadata ----
    [LibraryImport(Lib, EntryPoint = "LLVMMDStringInContext2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial MetadataRef MDStringInContext2(ContextRef c, string text, nuint length);
    public static MetadataRef MDString(ContextRef c, string text) => MDStringInContext2(c, text, (nuint)System.Text.Encoding.UTF8.GetByteCount(text));
    [LibraryImport(Lib, EntryPoint = "LLVMMDNodeInContext2")] private static partial MetadataRef MDNodeInContext2(ContextRef c, MetadataRef* nodes, nuint count);
    public static MetadataRef MDNode(ContextRef c, ReadOnlySpan<MetadataRef> nodes)
    {
        fixed (MetadataRef* p = nodes) return MDNodeInContext2(c, p, (nuint)nodes.Length);
    }
    [LibraryImport(Lib, EntryPoint = "LLVMValueAsMetadata")] public static partial MetadataRef ValueAsMetadata(ValueRef value);
    [LibraryImport(Lib, EntryPoint = "LLVMMetadataAsValue")] public static partial ValueRef MetadataAsValue(ContextRef c, MetadataRef metadata);
    [LibraryImport(Lib, EntryPoint = "LLVMSetMetadata")] public static partial void SetMetadata(ValueRef instruction, uint kindId, ValueRef node);

    // ---- Intrinsics ----
    [LibraryImport(Lib, EntryPoint = "LLVMLookupIntrinsicID", StringMarshalling = StringMarshalling.Utf8)]
    private static partial uint LookupIntrinsicIDRaw(string name, nuint length);
    /// <summary>The intrinsic's ID by its base name ("llvm.sadd.with.overflow"); 0 when there is none.</summary>
    public static uint LookupIntrinsicId(string name) => LookupIntrinsicIDRaw(name, (nuint)name.Length);
    [LibraryImport(Lib, EntryPoint = "LLVMGetIntrinsicDeclaration")]
    private static partial ValueRef GetIntrinsicDeclarationRaw(ModuleRef module, uint id, TypeRef* overloads, nuint count);
    public static ValueRef GetIntrinsicDeclaration(ModuleRef module, uint id, ReadOnlySpan<TypeRef> overloads)
    {
        fixed (TypeRef* p = overloads) return GetIntrinsicDeclarationRaw(module, id, p, (nuint)overloads.Length);
    }
    [LibraryImport(Lib, EntryPoint = "LLVMIntrinsicGetType")]
    private static partial TypeRef IntrinsicGetTypeRaw(ContextRef c, uint id, TypeRef* overloads, nuint count);
    public static TypeRef IntrinsicGetType(ContextRef c, uint id, ReadOnlySpan<TypeRef> overloads)
    {
        fixed (TypeRef* p = overloads) return IntrinsicGetTypeRaw(c, id, p, (nuint)overloads.Length);
    }

    // ---- Walking IR (counters and dumps) ----
    [LibraryImport(Lib, EntryPoint = "LLVMGetFirstBasicBlock")] public static partial BasicBlockRef GetFirstBasicBlock(ValueRef function);
    [LibraryImport(Lib, EntryPoint = "LLVMGetNextBasicBlock")] public static partial BasicBlockRef GetNextBasicBlock(BasicBlockRef block);
    [LibraryImport(Lib, EntryPoint = "LLVMGetFirstInstruction")] public static partial ValueRef GetFirstInstruction(BasicBlockRef block);
    [LibraryImport(Lib, EntryPoint = "LLVMGetNextInstruction")] public static partial ValueRef GetNextInstruction(ValueRef instruction);
    [LibraryImport(Lib, EntryPoint = "LLVMGetBasicBlockTerminator")] public static partial ValueRef GetBasicBlockTerminator(BasicBlockRef block);
    [LibraryImport(Lib, EntryPoint = "LLVMGetInsertBlock")] public static partial BasicBlockRef GetInsertBlock(BuilderRef builder);

    // ---- Memory buffers ----
    [LibraryImport(Lib, EntryPoint = "LLVMGetBufferStart")] public static partial byte* GetBufferStart(MemoryBufferRef buffer);
    [LibraryImport(Lib, EntryPoint = "LLVMGetBufferSize")] public static partial nuint GetBufferSize(MemoryBufferRef buffer);
    [LibraryImport(Lib, EntryPoint = "LLVMDisposeMemoryBuffer")] public static partial void DisposeMemoryBuffer(MemoryBufferRef buffer);
}
