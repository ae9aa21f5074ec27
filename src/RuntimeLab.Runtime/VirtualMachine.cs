using Mono.Cecil;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Runtime.Exceptions;
using RuntimeLab.Runtime.Heap;
using RuntimeLab.Runtime.InternalCalls;
using RuntimeLab.Runtime.Interpreter;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime;

/// <summary>
/// One run of one program: its types, heap, interned strings and thread. No state is static, so
/// several VMs may run in one process (the tests do).
/// </summary>
internal sealed unsafe partial class VirtualMachine : IDisposable
{
    public TypeLoader Types { get; }
    public ManagedHeap Heap { get; }
    public InternalCallTable InternalCalls { get; } = new();
    public StringTable Strings { get; }
    public AppIo Io { get; }
    public RunOptions Options { get; }
    /// <summary>The methods whose prepared code is listed (<c>--show-prepared</c>), or null.</summary>
    public Bytecode.Inspect.MethodPattern? ShowPrepared { get; }
    /// <summary>Exception objects between throw and catch: roots.</summary>
    public List<nint> InFlight { get; } = [];
    private readonly List<RuntimeMethod> _methodHandles = [];
    private readonly Dictionary<RuntimeMethod, long> _methodHandleOf = [];
    private readonly List<RuntimeField> _fieldHandles = [];
    internal ExecutionThread Thread { get; }
    internal Interpreter.Interpreter Interpreter { get; }

    public VirtualMachine(AssemblyDefinition coreLib, AppIo io, RunOptions options)
    {
        Io = io;
        Options = options;
        ShowPrepared = options.ShowPrepared is { } pattern ? new Bytecode.Inspect.MethodPattern(pattern) : null;
        Types = new TypeLoader(coreLib);
        Heap = new ManagedHeap(new Gc.GcHeap(new Gc.GcHeapOptions
        {
            HeapLimit = options.HeapLimit,
            GcStress = options.GcStress,
            Trace = options.GcTrace ? io.Stderr : null,
        }));
        Heap.Gc.Roots = new VmRoots(this);
        Strings = new StringTable(this);
        Thread = new ExecutionThread(slotCount: 16L << 20, maxDepth: options.MaxCallDepth);
        Interpreter = new Interpreter.Interpreter(this, Thread);
        if (options.Tier != Jit.TierMode.Interp) Interpreter.Jit = new Jit.CilJit(this, Interpreter, options);
    }

    /// <summary>RUNTIMELAB_VERIFY_ALLOC=1 checks the whole heap after each object allocation: slow, for
    /// finding the instruction that first breaks the heap.</summary>
    private static readonly bool DebugVerify = Environment.GetEnvironmentVariable("RUNTIMELAB_VERIFY_ALLOC") == "1";

    private void VerifyHeap()
    {
        try
        {
            Heap.Gc.Verify();
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Object ", StringComparison.Ordinal))
        {
            var address = nint.Parse(e.Message.Split(' ')[1], System.Globalization.NumberStyles.HexNumber);
            var mt = *(Objects.MethodTable**)address;
            throw new InvalidOperationException($"{e.Message} (the object is a {TypeOf(address).Name}, flags {mt->Flags}, base {mt->BaseSize}, component {mt->ComponentSize}, refs {(mt->GcRefOffsets == null ? "none" : mt->GcRefOffsets[0].ToString())}, header {*(long*)(address - 8):x})", e);
        }
    }

    public RuntimeType TypeOf(nint obj) => Types.ById((*(MethodTable**)obj)->TypeId);

    /// <summary>
    /// Where compiled code may allocate an instance of <paramref name="mt"/> inline (its size class's
    /// allocation context), or null: large objects, GC stress, and heap verification take the slow path.
    /// </summary>
    internal unsafe nint? InlineAllocationContext(MethodTable* mt)
    {
        if (DebugVerify) return null;
        var context = Heap.Gc.SmallObjectFastPath(mt);
        return context == null ? null : (nint)context;
    }

    /// <summary>The allocation contexts compiled code may allocate small arrays from inline (indexed by size class), or 0.</summary>
    internal unsafe nint InlineArrayContexts => DebugVerify ? 0 : (nint)Heap.Gc.ArrayFastPath;

    public nint Allocate(RuntimeType type)
    {
        if (DebugVerify) VerifyHeap();
        return Heap.AllocObject(type.MethodTable);
    }

    public nint AllocateArray(RuntimeType arrayType, int length)
    {
        if (DebugVerify) VerifyHeap();
        return Heap.AllocArray(arrayType.MethodTable, length);
    }

    public nint AllocateMdArray(RuntimeType arrayType, int[] lengths)
    {
        long total = 1;
        foreach (var l in lengths) total *= l;
        if (total > int.MaxValue) throw new ManagedRuntimeError(RuntimeErrorKind.OutOfMemory, "Insufficient memory to continue the execution of the program.");
        return Heap.AllocMdArray(arrayType.MethodTable, lengths);
    }

    public nint AllocateString(int length)
    {
        if (DebugVerify) VerifyHeap();
        return Heap.AllocString(Types.String.MethodTable, length);
    }

    public nint NewString(ReadOnlySpan<char> chars)
    {
        var s = AllocateString(chars.Length);
        chars.CopyTo(new Span<char>((void*)(s + ObjectLayout.StringCharsOffset), chars.Length));
        return s;
    }

    public static string ReadString(nint s) => s == 0 ? "" :
        new string((char*)(s + ObjectLayout.StringCharsOffset), 0, *(int*)(s + ObjectLayout.StringLengthOffset));

    public nint Clone(nint obj)
    {
        var mt = *(MethodTable**)obj;
        var length = mt->HasComponents ? *(int*)(obj + ObjectLayout.ArrayLengthOffset) : 0;
        var copy = (mt->Flags & MethodTableFlags.String) != 0 ? Heap.AllocString(mt, length)
            : (mt->Flags & MethodTableFlags.Array) != 0 ? ((mt->Flags & MethodTableFlags.MultiDimArray) != 0 ? CloneMdShape(obj, mt) : Heap.AllocArray(mt, length))
            : Heap.AllocObject(mt);
        // obj stays alive across the allocation: MemberwiseClone's argument slot is a root.
        var size = Gc.GcHeap.ObjectSize(obj);
        Buffer.MemoryCopy((void*)(obj + 8), (void*)(copy + 8), size - 8 - ObjectLayout.HeaderSize, size - 8 - ObjectLayout.HeaderSize);
        Heap.Gc.WriteBarrierRange(copy + 8, (nint)(size - 8 - ObjectLayout.HeaderSize));
        return copy;
    }

    /// <summary>RuntimeHelpers.InitializeArray: the field's initial bytes, bounded by the array's size.</summary>
    public void InitializeArray(nint array, long fieldHandle)
    {
        if (array == 0) throw new ManagedRuntimeError(RuntimeErrorKind.NullReference);
        var data = FieldOfHandle(fieldHandle).Definition.InitialValue;
        var mt = *(MethodTable**)array;
        var bytes = (long)*(int*)(array + ObjectLayout.ArrayLengthOffset) * mt->ComponentSize;
        if (data.Length < bytes) throw new ManagedRuntimeError(RuntimeErrorKind.InvalidOperation, "The field's data is smaller than the array.");
        var dataOffset = (mt->Flags & MethodTableFlags.MultiDimArray) != 0 ? ObjectLayout.MdArrayDataOffset(mt->Rank) : ObjectLayout.SzArrayDataOffset;
        data.AsSpan(0, (int)bytes).CopyTo(new Span<byte>((void*)(array + dataOffset), (int)bytes));
    }

    private nint CloneMdShape(nint obj, MethodTable* mt)
    {
        var lengths = new int[mt->Rank];
        for (var i = 0; i < lengths.Length; i++) lengths[i] = ((int*)(obj + ObjectLayout.SzArrayDataOffset))[i];
        return Heap.AllocMdArray(mt, lengths);
    }

    /// <summary>The System.Type object of <paramref name="type"/>: one per type, made on first use and kept
    /// alive by the VM's roots (<see cref="RuntimeType.TypeObject"/>).</summary>
    public nint TypeObjectOf(RuntimeType type)
    {
        if (type.TypeObject != 0) return type.TypeObject;
        var typeClass = Types.CoreType("System", "RuntimeType");
        var obj = Allocate(typeClass);
        *(nint*)(obj + typeClass.InstanceFields.First(f => f.Name == "_methodTable").Offset) = (nint)type.MethodTable;
        type.TypeObject = obj;
        return obj;
    }

    public RuntimeType TypeOfTypeObject(nint typeObject)
    {
        if (typeObject == 0) throw new ManagedRuntimeError(RuntimeErrorKind.NullReference);
        var typeClass = Types.CoreType("System", "RuntimeType");
        var mt = *(MethodTable**)(typeObject + typeClass.InstanceFields.First(f => f.Name == "_methodTable").Offset);
        return Types.ById(mt->TypeId);
    }

    public bool IsInstanceOf(nint obj, RuntimeType type) => Types.IsAssignableTo(TypeOf(obj), type);

    public void CheckUnbox(nint obj, RuntimeType type)
    {
        var actual = TypeOf(obj);
        if (actual == type) return;
        // An enum unboxes as its underlying type and back (Partition III §4.32).
        var a = actual.IsEnum ? actual.ElementType : actual;
        var b = type.IsEnum ? type.ElementType : type;
        if (a == b) return;
        throw new ManagedRuntimeError(RuntimeErrorKind.InvalidCast, $"Unable to cast object of type '{ClrTypeNames.InCastMessage(actual.Reference)}' to type '{ClrTypeNames.InCastMessage(type.Reference)}'.");
    }

    /// <summary>Boxing a Nullable&lt;T&gt; boxes its value, or gives null (Partition III §4.1).</summary>
    public nint BoxNullable(RuntimeType nullable, byte* value)
    {
        var hasValue = nullable.InstanceFields.First(f => f.Name == "hasValue");
        var inner = nullable.InstanceFields.First(f => f.Name == "value");
        if (value[hasValue.Offset] == 0) return 0;
        var box = Allocate(inner.FieldType);
        Buffer.MemoryCopy(value + inner.Offset, (void*)(box + ObjectLayout.FirstFieldOffset), inner.FieldType.ValueSize, inner.FieldType.ValueSize);
        return box;
    }

    public void UnboxNullable(RuntimeType nullable, nint obj, byte* destination)
    {
        var hasValue = nullable.InstanceFields.First(f => f.Name == "hasValue");
        var inner = nullable.InstanceFields.First(f => f.Name == "value");
        new Span<byte>(destination, nullable.ValueSize).Clear();
        if (obj == 0) return;
        CheckUnbox(obj, inner.FieldType);
        destination[hasValue.Offset] = 1;
        Buffer.MemoryCopy((void*)(obj + ObjectLayout.FirstFieldOffset), destination + inner.Offset, inner.FieldType.ValueSize, inner.FieldType.ValueSize);
    }

    public long MethodHandle(RuntimeMethod method)
    {
        if (!_methodHandleOf.TryGetValue(method, out var handle))
        {
            _methodHandles.Add(method);
            _methodHandleOf[method] = handle = _methodHandles.Count;
        }
        return handle;
    }

    public RuntimeMethod MethodOfHandle(long handle) => _methodHandles[(int)handle - 1];

    public long FieldHandle(RuntimeField field)
    {
        _fieldHandles.Add(field);
        return _fieldHandles.Count;
    }

    public RuntimeField FieldOfHandle(long handle) => _fieldHandles[(int)handle - 1];

    public void LoadValue(RuntimeType type, byte* from, long* slot)
    {
        var prim = type.IsEnum ? type.ElementType!.Primitive : type.Primitive;
        switch (prim)
        {
            case PrimitiveKind.SByte: *slot = *(sbyte*)from; return;
            case PrimitiveKind.Byte: case PrimitiveKind.Boolean: *slot = *from; return;
            case PrimitiveKind.Int16: *slot = *(short*)from; return;
            case PrimitiveKind.UInt16: case PrimitiveKind.Char: *slot = *(ushort*)from; return;
            case PrimitiveKind.Int32: case PrimitiveKind.UInt32: *slot = *(int*)from; return;
            case PrimitiveKind.Single: *(float*)slot = *(float*)from; return;
        }
        Buffer.MemoryCopy(from, slot, type.ValueSize, type.ValueSize);
    }

    public void StoreValue(RuntimeType type, byte* to, long* slot)
    {
        if (type.IsReferenceType) Heap.StoreReference((nint*)to, (nint)(*slot));
        else Buffer.MemoryCopy(slot, to, type.ValueSize, type.ValueSize);
    }

    public void Dispose()
    {
        Interpreter.Jit?.Dispose();
        Thread.Dispose();
        Heap.Dispose();
        Types.Dispose();
    }
}
