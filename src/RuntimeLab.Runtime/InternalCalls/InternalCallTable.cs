using Mono.Cecil;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.InternalCalls;

/// <summary>
/// The host-facing leaves of the base library, by "Namespace.Type::Method": console I/O, math,
/// number formatting, GC and environment. A base-library method declared
/// <c>[MethodImpl(MethodImplOptions.InternalCall)] extern</c> binds here; so can a few methods with IL
/// bodies that the runtime implements faster (listed as overrides).
/// </summary>
internal sealed partial class InternalCallTable
{
    private readonly Dictionary<string, InternalCall> _calls = new(StringComparer.Ordinal);

    public InternalCallTable() => Register();

    /// <summary>One host implementation per member: a second registration is a bug in the table.</summary>
    private unsafe void Add(string name, InternalCallBody body)
    {
        if (!_calls.TryAdd(name, new InternalCall(name, body)))
            throw new InvalidOperationException($"internal call {name} is registered twice");
    }

    /// <summary>Activator.CreateInstance&lt;T&gt;(): a new T with its parameterless constructor run (a zeroed
    /// value for structs without one); MissingMethodException when a class has none.</summary>
    private static unsafe InternalCall CreateInstanceOf(RuntimeType type) => new("Activator.CreateInstance", (vm, a) =>
    {
        var ctorDef = type.Definition?.Methods.FirstOrDefault(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 0);
        if (type.IsValueType)
        {
            new Span<long>(a, Math.Max(1, type.Slots)).Clear();
            if (ctorDef is not null) vm.CallManaged(vm.Types.GetMethod(ctorDef, type, []), (long)a);
            return;
        }
        if (ctorDef is null || type.Definition!.IsAbstract)
            throw new ManagedRuntimeError(RuntimeErrorKind.MissingMethod, $"Cannot dynamically create an instance of type '{type.Name}'. Reason: No parameterless constructor defined.");
        var obj = vm.Allocate(type);
        vm.InFlight.Add(obj);
        try
        {
            vm.CallManaged(vm.Types.GetMethod(ctorDef, type, []), obj);
        }
        finally
        {
            vm.InFlight.Remove(obj);
        }
        a[0] = obj;
    });

    public static string KeyOf(RuntimeMethod m) => $"{m.DeclaringType.Definition?.FullName ?? m.DeclaringType.FullName}::{m.Name}";

    /// <summary>Overload-specific key: "System.Console::WriteLine(System.String)".</summary>
    public static string OverloadKeyOf(RuntimeMethod m) =>
        $"{KeyOf(m)}({string.Join(",", m.Definition.Parameters.Select(p => p.ParameterType.FullName))})";

    public unsafe InternalCall? TryBind(RuntimeMethod method)
    {
        if (KeyOf(method) == "System.Activator::CreateInstance" && method.MethodArguments.Count == 1)
            return CreateInstanceOf(method.MethodArguments[0]);
        // ref T Unsafe.Add<T>(ref T, int): the element size comes from the instantiation.
        if (KeyOf(method) == "System.Runtime.CompilerServices.Unsafe::Add")
        {
            var size = method.MethodArguments[0].ValueSize;
            return new InternalCall("Unsafe.Add", (vm, a) => a[0] += (int)a[1] * (long)size);
        }
        if (KeyOf(method) == "System.Runtime.CompilerServices.Unsafe::SizeOf")
        {
            var size = method.MethodArguments[0].ValueSize;
            return new InternalCall("Unsafe.SizeOf", (vm, a) => a[0] = size);
        }
        if (KeyOf(method) == "System.Runtime.CompilerServices.RuntimeHelpers::CreateSpan")
            return BindCreateSpan(method);
        if (_calls.TryGetValue(OverloadKeyOf(method), out var call) || _calls.TryGetValue(KeyOf(method), out call))
            return call;
        if (method.Definition.IsInternalCall || (method.Definition.ImplAttributes & MethodImplAttributes.InternalCall) != 0)
            throw new Bytecode.Loading.UnsupportedMemberException(method.Signature, why: "internal call without a host implementation");
        return null;
    }
}
