using Mono.Cecil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Metadata;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.TypeSystem;

/// <summary>
/// A closed type as the VM knows it: its metadata, its layout, its native <see cref="MethodTable"/>,
/// its vtable and its statics. One per closed type per VM; found by <see cref="TypeLoader"/>.
/// </summary>
public sealed unsafe class RuntimeType
{
    public int Id { get; }
    public TypeReference Reference { get; }
    /// <summary>The definition (null for arrays and pointers).</summary>
    public TypeDefinition? Definition { get; }
    public GenericContext Context { get; }
    public string Name { get; }
    public MethodTable* MethodTable { get; internal set; }
    public RuntimeType? BaseType { get; internal set; }
    /// <summary>Arrays: the element type. Enums: the underlying type. Byrefs and pointers: the pointee.</summary>
    public RuntimeType? ElementType { get; internal set; }
    public int Rank { get; internal set; }

    public bool IsValueType { get; internal set; }
    public bool IsInterface => Definition?.IsInterface == true;
    public bool IsArray => Reference is ArrayType;
    public bool IsSzArray => Reference is ArrayType { IsVector: true };
    public bool IsEnum { get; internal set; }
    public bool IsNullable { get; internal set; }
    public bool IsByRefLike { get; internal set; }
    public bool IsPointerLike { get; internal set; }
    public PrimitiveKind Primitive { get; internal set; }
    public StackEntry StackEntry { get; internal set; }

    /// <summary>Size of a value of this type where it is stored (a field, an array element, a local):
    /// the whole struct for value types, 8 for references.</summary>
    public int ValueSize { get; internal set; }
    public int ValueAlignment { get; internal set; }
    /// <summary>Offsets of references inside a value of this type (value types only).</summary>
    public int[] ValueRefOffsets { get; internal set; } = [];
    /// <summary>Offsets of managed pointers inside a value of this type (ref fields of ref structs).</summary>
    public int[] ValueByRefOffsets { get; internal set; } = [];
    /// <summary>Evaluation-stack and frame slots (8 bytes each) a value of this type takes.</summary>
    public int Slots => (ValueSize + 7) >> 3;

    public RuntimeField[] InstanceFields { get; internal set; } = [];
    public RuntimeField[] StaticFields { get; internal set; } = [];
    /// <summary>Native block holding the statics; reported to the GC through <see cref="StaticRefOffsets"/>.</summary>
    public byte* Statics { get; internal set; }
    public int[] StaticRefOffsets { get; internal set; } = [];

    public RuntimeMethod?[] VTable { get; internal set; } = [];
    public RuntimeType[] Interfaces { get; internal set; } = [];
    internal Dictionary<RuntimeMethod, RuntimeMethod> InterfaceDispatchCache { get; } = [];
    internal Dictionary<string, RuntimeMethod> GenericVirtualCache { get; } = [];

    public ClassInitState InitState { get; internal set; }
    public RuntimeMethod? StaticConstructor { get; internal set; }
    /// <summary>The boxed object of a type's <c>System.Type</c>, created on first use.</summary>
    internal nint TypeObject;
    /// <summary>The TypeInitializationException every use of a type whose initializer failed throws.</summary>
    internal nint InitializationError;

    internal RuntimeType(int id, TypeReference reference, TypeDefinition? definition)
    {
        Id = id;
        Reference = reference;
        Definition = definition;
        Context = GenericContext.OfType(reference);
        Name = TypeNames.Display(reference);
    }

    public string FullName => Reference.FullName;

    public bool IsReferenceType => !IsValueType && !IsPointerLike;

    public override string ToString() => Name;
}

public enum ClassInitState : byte { NotStarted, Running, Done, Failed }

/// <summary>The primitive types, which the interpreter treats specially in conversions, boxing and arrays.</summary>
public enum PrimitiveKind : byte
{
    None, Boolean, Char, SByte, Byte, Int16, UInt16, Int32, UInt32, Int64, UInt64, IntPtr, UIntPtr, Single, Double,
}
