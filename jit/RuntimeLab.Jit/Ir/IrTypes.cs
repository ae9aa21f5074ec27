using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Ir;

/// <summary>The types every frontend reaches for, made once per context.</summary>
public sealed class IrTypes(ContextRef context)
{
    public TypeRef Void { get; } = Core.VoidType(context);
    public TypeRef I1 { get; } = Core.Int1Type(context);
    public TypeRef I8 { get; } = Core.Int8Type(context);
    public TypeRef I16 { get; } = Core.Int16Type(context);
    public TypeRef I32 { get; } = Core.Int32Type(context);
    public TypeRef I64 { get; } = Core.Int64Type(context);
    public TypeRef F32 { get; } = Core.FloatType(context);
    public TypeRef F64 { get; } = Core.DoubleType(context);
    /// <summary>x87 80-bit extended precision.</summary>
    public TypeRef X86Fp80 { get; } = Core.X86Fp80Type(context);
    /// <summary>The one opaque pointer type of address space 0.</summary>
    public TypeRef Ptr { get; } = Core.PointerType(context, 0);
    public TypeRef Metadata { get; } = Core.MetadataType(context);

    public TypeRef Function(TypeRef returnType, params TypeRef[] parameters) => Core.FunctionType(returnType, parameters);
    public TypeRef Vector(TypeRef element, int count) => Core.VectorType(element, (uint)count);
    public TypeRef Struct(params TypeRef[] fields) => Core.StructType(context, fields);
}
