using Mono.Cecil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Runtime.TypeSystem;

/// <summary>
/// Turns closed Cecil type references into <see cref="RuntimeType"/>s, once each, and methods into
/// <see cref="RuntimeMethod"/>s. A type is registered before its layout is computed, so a class may
/// mention itself; a struct's layout needs its struct fields' layouts, which cannot cycle.
/// </summary>
public sealed unsafe partial class TypeLoader : IDisposable
{
    private readonly Dictionary<string, RuntimeType> _types = new(StringComparer.Ordinal);
    private readonly List<RuntimeType> _byId = [];
    private readonly Dictionary<(MethodDefinition, RuntimeType, string), RuntimeMethod> _methods = [];
    private readonly NativeArena _arena = new();
    private readonly ModuleDefinition _coreModule;

    public TypeLoader(AssemblyDefinition coreLib)
    {
        _coreModule = coreLib.MainModule;
        Object = CoreType("System", "Object");
        String = CoreType("System", "String");
        ValueTypeBase = CoreType("System", "ValueType");
        Array = CoreType("System", "Array");
    }

    public RuntimeType Object { get; }
    public RuntimeType String { get; }
    public RuntimeType ValueTypeBase { get; }
    public RuntimeType Array { get; }

    public IReadOnlyList<RuntimeType> AllTypes => _byId;
    public RuntimeType ById(int id) => _byId[id];

    /// <summary>A type of the base library by name, e.g. ("System", "Int32").</summary>
    public RuntimeType CoreType(string ns, string name)
    {
        var def = _coreModule.GetType(ns, name)
            ?? throw new UnsupportedMemberException($"{ns}.{name}", why: "the base library does not define it");
        return Get(def);
    }

    /// <summary>A nested or top-level base-library type by its full metadata name (System.Collections.Generic.List`1).</summary>
    public TypeDefinition? CoreDefinition(string fullName) => _coreModule.GetType(fullName);

    public RuntimeType Get(TypeReference closed)
    {
        closed = Strip(closed);
        var key = closed.FullName;
        if (_types.TryGetValue(key, out var known))
            return known;
        TypeDefinition? def = null;
        if (closed is not (ArrayType or ByReferenceType or PointerType or FunctionPointerType))
        {
            def = closed.Resolve() ?? throw new UnsupportedMemberException(TypeNames.Display(closed), why: "type not found");
            if (def.HasGenericParameters && closed is not GenericInstanceType)
                closed = GenericContext.Empty.Close(def); // never used open: close over its own parameters
        }
        var type = new RuntimeType(_byId.Count, closed, def);
        _types[key] = type;
        _byId.Add(type);
        try
        {
            Initialize(type);
        }
        catch
        {
            _types.Remove(key);
            _byId[type.Id] = null!;
            throw;
        }
        return type;
    }

    /// <summary>The open definition itself (typeof(Dictionary&lt;,&gt;)): it has a method table, so it has a
    /// handle and a Type object, but no layout, since no object of it can exist.</summary>
    public RuntimeType GetGenericDefinition(TypeDefinition def)
    {
        var key = "definition " + def.FullName;
        if (_types.TryGetValue(key, out var known))
            return known;
        var type = new RuntimeType(_byId.Count, def, def) { IsValueType = def.IsValueType };
        _types[key] = type;
        _byId.Add(type);
        type.ValueSize = type.ValueAlignment = 8;
        type.MethodTable = NewMethodTable(type);
        return type;
    }

    private static TypeReference Strip(TypeReference t) => t switch
    {
        RequiredModifierType m => Strip(m.ElementType),
        OptionalModifierType m => Strip(m.ElementType),
        PinnedType p => Strip(p.ElementType),
        SentinelType s => Strip(s.ElementType),
        _ => t,
    };

    private void Initialize(RuntimeType type)
    {
        switch (type.Reference)
        {
            case ArrayType at:
                type.ElementType = Get(at.ElementType);
                type.Rank = at.Rank;
                type.BaseType = Array;
                // System.Array's interfaces (IList, IEnumerable …) and overrides, for casts and dispatch.
                type.Interfaces = Array.Interfaces;
                type.VTable = Array.VTable;
                type.StackEntry = new StackEntry(StackKind.ObjRef, at);
                LayOutArray(type);
                return;
            case ByReferenceType br:
                type.ElementType = Get(br.ElementType);
                type.IsPointerLike = true;
                type.ValueSize = type.ValueAlignment = 8;
                type.StackEntry = new StackEntry(StackKind.ByRef, br.ElementType);
                return;
            case PointerType or FunctionPointerType:
                type.IsPointerLike = true;
                type.ValueSize = type.ValueAlignment = 8;
                type.Primitive = PrimitiveKind.IntPtr;
                type.StackEntry = StackEntry.NativeInt;
                return;
        }
        var def = type.Definition!;
        type.Primitive = def.Namespace == "System" && def.DeclaringType is null ? PrimitiveOf(def.Name) : PrimitiveKind.None;
        type.IsValueType = def.IsValueType;
        // A field of a class still being loaded (a cycle: Node.Next, Dictionary ↔ its KeyCollection) is a reference.
        if (!def.IsValueType) type.ValueSize = type.ValueAlignment = 8;
        type.IsEnum = def.IsEnum;
        type.IsNullable = def.Namespace == "System" && def.Name == "Nullable`1";
        // A class's fields may be of its own type: how big a reference is must be known before layout.
        if (!type.IsValueType) type.ValueSize = type.ValueAlignment = 8;
        type.IsByRefLike = def.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.IsByRefLikeAttribute");
        if (def.BaseType is not null)
            type.BaseType = Get(type.Context.Close(def.BaseType));
        type.Interfaces = CollectInterfaces(type);
        if (type.IsEnum)
            type.ElementType = Get(TypeClassifier.EnumUnderlyingType(def));
        LayOutInstance(type);
        type.StackEntry = type.IsEnum ? type.ElementType!.StackEntry with { Type = type.Reference } : TypeClassifier.ToStack(type.Reference);
        BuildVTable(type);
        var cctor = def.Methods.FirstOrDefault(m => m.IsConstructor && m.IsStatic);
        type.StaticConstructor = cctor is null ? null : GetMethod(cctor, type, []);
        type.InitState = ClassInitState.NotStarted;
    }

    private RuntimeType[] CollectInterfaces(RuntimeType type)
    {
        var all = new List<RuntimeType>();
        if (type.BaseType is not null) all.AddRange(type.BaseType.Interfaces);
        foreach (var impl in type.Definition!.Interfaces)
        {
            var itf = Get(type.Context.Close(impl.InterfaceType));
            foreach (var t in itf.Interfaces.Prepend(itf))
                if (!all.Contains(t)) all.Add(t);
        }
        return all.ToArray();
    }

    private static PrimitiveKind PrimitiveOf(string name) => name switch
    {
        "Boolean" => PrimitiveKind.Boolean, "Char" => PrimitiveKind.Char, "SByte" => PrimitiveKind.SByte,
        "Byte" => PrimitiveKind.Byte, "Int16" => PrimitiveKind.Int16, "UInt16" => PrimitiveKind.UInt16,
        "Int32" => PrimitiveKind.Int32, "UInt32" => PrimitiveKind.UInt32, "Int64" => PrimitiveKind.Int64,
        "UInt64" => PrimitiveKind.UInt64, "IntPtr" => PrimitiveKind.IntPtr, "UIntPtr" => PrimitiveKind.UIntPtr,
        "Single" => PrimitiveKind.Single, "Double" => PrimitiveKind.Double,
        _ => PrimitiveKind.None,
    };

    /// <summary>The method <paramref name="def"/> of <paramref name="declaring"/>, instantiated over <paramref name="methodArgs"/>.</summary>
    public RuntimeMethod GetMethod(MethodDefinition def, RuntimeType declaring, IReadOnlyList<RuntimeType> methodArgs)
    {
        var key = (def, declaring, methodArgs.Count == 0 ? "" : string.Join(",", methodArgs.Select(a => a.FullName)));
        if (_methods.TryGetValue(key, out var known))
            return known;
        var context = declaring.Context.WithMethodArguments(methodArgs.Select(a => a.Reference).ToArray());
        var method = new RuntimeMethod(def, declaring, methodArgs, context);
        _methods[key] = method;
        return method;
    }

    /// <summary>Loads a method's signature types; separate from <see cref="GetMethod"/> so signatures may mention types being loaded.</summary>
    public void EnsureSignature(RuntimeMethod method)
    {
        if (method.SignatureLoaded) return;
        var def = method.Definition;
        var args = new List<RuntimeType>();
        if (def.HasThis)
            args.Add(method.DeclaringType.IsValueType ? Get(new ByReferenceType(method.DeclaringType.Reference)) : method.DeclaringType);
        foreach (var p in def.Parameters) args.Add(Get(method.Context.Close(p.ParameterType)));
        method.Arguments = args.ToArray();
        method.ReturnType = GenericContext.WithoutModifiers(def.ReturnType).MetadataType == MetadataType.Void ? null : Get(method.Context.Close(def.ReturnType));
        var slots = new int[args.Count];
        var next = 0;
        for (var i = 0; i < args.Count; i++)
        {
            slots[i] = next;
            next += args[i].Slots;
        }
        method.ArgumentSlot = slots;
        method.ArgumentSlots = next;
        method.SignatureLoaded = true;
    }

    public void Dispose() => _arena.Dispose();
}
