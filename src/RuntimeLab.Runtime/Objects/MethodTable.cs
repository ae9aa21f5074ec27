using System.Runtime.InteropServices;

namespace RuntimeLab.Runtime.Objects;

/// <summary>
/// The native description of a type that every object points to (its first word), as in CoreCLR.
/// It lives in native memory at a fixed address for the life of the VM, so the GC, the interpreter
/// and (later) JIT-compiled code read it with plain loads at the offsets below. The managed side of a
/// type (<c>RuntimeType</c>: names, methods, vtable of methods) is found through <see cref="TypeId"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct MethodTable
{
    public MethodTableFlags Flags;
    /// <summary>
    /// Size in bytes of an instance from the object pointer on (the MT word included, the header word
    /// before it excluded). For arrays and strings: the fixed part before the first element.
    /// </summary>
    public uint BaseSize;
    /// <summary>Element size for arrays, 2 for strings, 0 otherwise.</summary>
    public ushort ComponentSize;
    /// <summary>Rank of a multi-dimensional array; 1 for an SZ array; 0 otherwise.</summary>
    public ushort Rank;
    /// <summary>Index of the managed type in the VM's type table.</summary>
    public int TypeId;
    public MethodTable* Parent;
    /// <summary>The element type of an array, the underlying value type of a boxed value; else null.</summary>
    public MethodTable* ElementType;
    /// <summary>
    /// Where the references are. Objects: offsets from the object pointer. Arrays of structs: offsets
    /// from the start of one element (the GC repeats them per element). Layout: [count, off0, off1 …];
    /// null when there are none. Arrays of references use <see cref="MethodTableFlags.ElementsAreReferences"/>.
    /// </summary>
    public int* GcRefOffsets;
    /// <summary>Size of an unboxed value of this type (value types), or of a reference (8).</summary>
    public uint ValueSize;
    public int VTableLength;
    /// <summary>Code entry points per virtual slot, filled by the JIT (#6); zero until compiled.</summary>
    public nint* VTable;

    public readonly bool HasComponents => ComponentSize != 0;
    public readonly bool ContainsReferences => (Flags & (MethodTableFlags.ElementsAreReferences)) != 0 || GcRefOffsets != null;
}

[Flags]
public enum MethodTableFlags : uint
{
    None = 0,
    ValueType = 1 << 0,
    Interface = 1 << 1,
    Abstract = 1 << 2,
    Array = 1 << 3,
    String = 1 << 4,
    /// <summary>An array whose elements are object references.</summary>
    ElementsAreReferences = 1 << 5,
    Enum = 1 << 6,
    Nullable = 1 << 7,
    Delegate = 1 << 8,
    /// <summary>A multi-dimensional (non-SZ) array: lengths and lower bounds follow the length word.</summary>
    MultiDimArray = 1 << 9,
    /// <summary>The type has a static constructor that has not finished (the interpreter checks it).</summary>
    NeedsClassInit = 1 << 10,
}
