using Mono.Cecil;

namespace RuntimeLab.Bytecode.Importing;

/// <summary>
/// The evaluation-stack types of ECMA-335 Partition III §1.1, with F split by precision: CoreCLR keeps
/// float32 arithmetic in single precision, and so must RuntimeLab to print the same digits. The
/// verifier treats <see cref="Float32"/> and <see cref="Float64"/> alike, as F.
/// </summary>
public enum StackKind : byte
{
    Int32,
    Int64,
    NativeInt,
    Float32,
    Float64,
    /// <summary>An object reference (O), or the null type when the entry's type is null.</summary>
    ObjRef,
    /// <summary>A managed pointer (&amp;) to the entry's type.</summary>
    ByRef,
    /// <summary>A value type other than the primitives, held whole on the stack.</summary>
    ValueType,
}

/// <summary>
/// What the verifier needs beyond kind and type (Partition III §1.8.1): the interpreter ignores these.
/// </summary>
[Flags]
public enum StackFlags : byte
{
    None = 0,
    /// <summary>The <c>this</c> of a constructor before a base or sibling constructor ran on it.</summary>
    UninitializedThis = 1,
    /// <summary>A byref from <c>readonly. ldelema</c>: it may be read, never written through.</summary>
    ReadOnly = 2,
    /// <summary>A byref into this frame (a local, an argument, or a field of one): it must not outlive
    /// the frame, so it cannot be returned. Byrefs without it have a permanent home (heap, static, caller).</summary>
    LocalHome = 4,
}

/// <summary>One evaluation-stack slot's type: its kind and, where it has one, its exact closed type.</summary>
public readonly record struct StackEntry(StackKind Kind, TypeReference? Type)
{
    public StackFlags Flags { get; init; }
    public bool IsUninitializedThis => (Flags & StackFlags.UninitializedThis) != 0;
    public bool IsReadOnly => (Flags & StackFlags.ReadOnly) != 0;
    public bool IsLocalHome => (Flags & StackFlags.LocalHome) != 0;

    public static readonly StackEntry Int32 = new(StackKind.Int32, null);
    public static readonly StackEntry Int64 = new(StackKind.Int64, null);
    public static readonly StackEntry NativeInt = new(StackKind.NativeInt, null);
    public static readonly StackEntry Float32 = new(StackKind.Float32, null);
    public static readonly StackEntry Float64 = new(StackKind.Float64, null);
    public static readonly StackEntry Null = new(StackKind.ObjRef, null);

    public bool IsNullType => Kind == StackKind.ObjRef && Type is null;
    public bool IsFloat => Kind is StackKind.Float32 or StackKind.Float64;
    public bool IsInteger => Kind is StackKind.Int32 or StackKind.Int64 or StackKind.NativeInt;

    public override string ToString() => Flags switch
    {
        StackFlags.None => KindAndType(),
        _ when IsUninitializedThis => "uninit " + KindAndType(),
        _ => (IsReadOnly ? "readonly " : "") + (IsLocalHome ? "local " : "") + KindAndType(),
    };

    private string KindAndType() => Kind switch
    {
        StackKind.Int32 => "int32",
        StackKind.Int64 => "int64",
        StackKind.NativeInt => "native int",
        StackKind.Float32 => "F(float32)",
        StackKind.Float64 => "F",
        StackKind.ObjRef => Type is null ? "null" : $"ref({Metadata.TypeNames.Display(Type)})",
        StackKind.ByRef => $"&({(Type is null ? "?" : Metadata.TypeNames.Display(Type))})",
        _ => $"valuetype({Metadata.TypeNames.Display(Type!)})",
    };
}
