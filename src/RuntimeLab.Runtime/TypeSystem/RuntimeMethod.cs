using Mono.Cecil;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Runtime.TypeSystem;

/// <summary>
/// A method of a closed type, instantiated over its own type arguments if it has any. It owns what the
/// interpreter prepared from its IL (or the host function behind an internal call).
/// </summary>
public sealed class RuntimeMethod
{
    public MethodDefinition Definition { get; }
    public RuntimeType DeclaringType { get; }
    public IReadOnlyList<RuntimeType> MethodArguments { get; }
    public GenericContext Context { get; }
    /// <summary>Argument types, <c>this</c> first for instance methods (a byref for value types).</summary>
    public RuntimeType[] Arguments { get; internal set; } = [];
    /// <summary>Null for void.</summary>
    public RuntimeType? ReturnType { get; internal set; }
    /// <summary>Frame slot where each argument starts, and the total argument slots.</summary>
    public int[] ArgumentSlot { get; internal set; } = [];
    public int ArgumentSlots { get; internal set; }
    public int ReturnSlots => ReturnType?.Slots ?? 0;
    /// <summary>Slot in the vtable for virtual methods; -1 otherwise.</summary>
    public int VTableSlot { get; internal set; } = -1;

    internal bool SignatureLoaded;
    internal Interpreter.PreparedMethod? Prepared;
    internal InternalCalls.InternalCall? InternalCall;
    /// <summary>Native memory holding this method's compiled entry point (0 while interpreted), made
    /// when compiled code first calls the method directly (<see cref="Jit.CilJit.EntryCellOf"/>).</summary>
    internal unsafe nint* EntryCell;

    internal RuntimeMethod(MethodDefinition definition, RuntimeType declaringType, IReadOnlyList<RuntimeType> methodArguments, GenericContext context)
    {
        Definition = definition;
        DeclaringType = declaringType;
        MethodArguments = methodArguments;
        Context = context;
    }

    public string Name => Definition.Name;
    public bool IsStatic => Definition.IsStatic;
    public bool IsVirtual => Definition.IsVirtual;
    public bool IsAbstract => Definition.IsAbstract;
    public bool IsConstructor => Definition.IsConstructor;
    public bool HasBody => Definition.HasBody;

    /// <summary><c>Program.Main</c>, as stack traces and messages show it.</summary>
    public string DisplayName => MethodArguments.Count == 0
        ? $"{DeclaringType.Name}.{Name}"
        : $"{DeclaringType.Name}.{Name}<{string.Join(", ", MethodArguments.Select(a => a.Name))}>";

    /// <summary><c>Program.Main(string[])</c>.</summary>
    public string Signature => $"{DisplayName}({string.Join(", ", Definition.Parameters.Select(p => TypeNames.Display(Context.Close(p.ParameterType))))})";

    public override string ToString() => Signature;
}
