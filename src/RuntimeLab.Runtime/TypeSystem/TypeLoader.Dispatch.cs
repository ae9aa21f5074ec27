using Mono.Cecil;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Runtime.TypeSystem;

/// <summary>Vtables, virtual and interface dispatch, and binding call sites to methods.</summary>
public sealed partial class TypeLoader
{
    /// <summary>A signature key independent of the declaring type: name, parameter and return types
    /// closed in the method's own type context, method type parameters by position.</summary>
    private static string SignatureKey(MethodDefinition m, GenericContext typeContext)
    {
        var methodParams = m.GenericParameters.Select((p, i) => (TypeReference)new GenericParameter($"!!{i}", m)).ToArray();
        var ctx = typeContext.WithMethodArguments(methodParams);
        string Name(TypeReference t) => ctx.Close(t) is GenericParameter gp && gp.Owner == m ? $"!!{gp.Position}" : ctx.Close(t).FullName;
        return $"{m.Name}`{m.GenericParameters.Count}({string.Join(",", m.Parameters.Select(p => Name(p.ParameterType)))}){Name(m.ReturnType)}";
    }

    private void BuildVTable(RuntimeType type)
    {
        var def = type.Definition!;
        if (def.IsInterface)
        {
            // Interface methods get no slots: calls through an interface dispatch by lookup.
            return;
        }
        var slots = new List<RuntimeMethod?>(type.BaseType?.VTable ?? []);
        foreach (var m in def.Methods)
        {
            if (!m.IsVirtual) continue;
            var method = GetMethod(m, type, []);
            var slot = -1;
            if (!m.IsNewSlot)
            {
                var key = SignatureKey(m, type.Context);
                for (var i = slots.Count - 1; i >= 0; i--)
                    if (slots[i] is { } s && s.Name == m.Name && SignatureKey(s.Definition, s.DeclaringType.Context) == key)
                    {
                        slot = i;
                        break;
                    }
            }
            if (slot < 0)
            {
                slot = slots.Count;
                slots.Add(method);
            }
            else slots[slot] = method;
            method.VTableSlot = slot;
        }
        // Explicit overrides of base-class virtuals (.override in a class, e.g. covariant returns).
        foreach (var m in def.Methods)
            foreach (var over in m.Overrides)
            {
                var target = Get(type.Context.Close(over.DeclaringType));
                if (target.IsInterface) continue;
                var baseMethod = FindMethod(target, over);
                if (baseMethod.VTableSlot >= 0)
                    slots[baseMethod.VTableSlot] = GetMethod(m, type, []);
            }
        type.VTable = slots.ToArray();
    }

    /// <summary>The method named by <paramref name="reference"/> in the closed type <paramref name="declaring"/>.</summary>
    public RuntimeMethod FindMethod(RuntimeType declaring, MethodReference reference)
    {
        var def = declaring.Definition?.Methods.FirstOrDefault(m => m.Name == reference.Name && SameSignature(m, reference))
            ?? (reference.Resolve() is { } resolved && resolved.DeclaringType.FullName == declaring.Definition?.FullName ? resolved : null);
        if (def is null)
            throw new UnsupportedMemberException(TypeNames.Method(reference));
        return GetMethod(def, declaring, []);
    }

    private static bool SameSignature(MethodDefinition m, MethodReference r)
    {
        if (m.Parameters.Count != r.Parameters.Count || m.GenericParameters.Count != r.GenericParameters.Count && r is not GenericInstanceMethod) return false;
        if (m.HasThis != r.HasThis) return false;
        for (var i = 0; i < m.Parameters.Count; i++)
            if (!SameType(m.Parameters[i].ParameterType, r.Parameters[i].ParameterType)) return false;
        return SameType(m.ReturnType, r.ReturnType);
    }

    /// <summary>Signature types compare by their written form; generic parameters by kind and position.</summary>
    private static bool SameType(TypeReference a, TypeReference b) => (a, b) switch
    {
        (GenericParameter ga, GenericParameter gb) => ga.Type == gb.Type && ga.Position == gb.Position,
        (GenericInstanceType ia, GenericInstanceType ib) => SameType(ia.ElementType, ib.ElementType)
            && ia.GenericArguments.Count == ib.GenericArguments.Count
            && ia.GenericArguments.Zip(ib.GenericArguments).All(p => SameType(p.First, p.Second)),
        (TypeSpecification sa, TypeSpecification sb) when sa.GetType() == sb.GetType() => SameType(sa.ElementType, sb.ElementType)
            && (sa is not ArrayType aa || aa.Rank == ((ArrayType)sb).Rank),
        (TypeSpecification, _) or (_, TypeSpecification) => false,
        _ => a.FullName == b.FullName,
    };

    /// <summary>Binds a call site's method reference, closed in the caller's context, to a runtime method.</summary>
    public RuntimeMethod Resolve(CalleeSignature callee, string caller)
    {
        var declaring = Get(callee.DeclaringType);
        var reference = callee.Reference;
        var elementMethod = reference is GenericInstanceMethod gim ? gim.ElementMethod : reference;
        RuntimeMethod method;
        try
        {
            method = FindMethod(declaring, elementMethod);
        }
        catch (UnsupportedMemberException)
        {
            if (declaring.IsArray)
                throw new UnsupportedMemberException(TypeNames.Method(reference), caller, "array methods are bound by the interpreter");
            throw new UnsupportedMemberException(TypeNames.Method(reference), caller);
        }
        if (callee.CalleeContext.MethodArguments.Count > 0)
            method = GetMethod(method.Definition, declaring, callee.CalleeContext.MethodArguments.Select(Get).ToArray());
        return method;
    }

    /// <summary>The override of virtual <paramref name="method"/> that an object of <paramref name="type"/> runs.</summary>
    public RuntimeMethod ResolveVirtual(RuntimeType type, RuntimeMethod method)
    {
        if (method.DeclaringType.IsInterface)
            return ResolveInterface(type, method);
        // A generic method's instantiations share the slot of its open form.
        var slot = method.VTableSlot < 0 && method.MethodArguments.Count > 0
            ? GetMethod(method.Definition, method.DeclaringType, []).VTableSlot : method.VTableSlot;
        if (slot < 0 || slot >= type.VTable.Length)
            return method;
        var target = type.VTable[slot]!;
        if (method.MethodArguments.Count > 0)
            target = GetMethod(target.Definition, target.DeclaringType, method.MethodArguments);
        return target;
    }

    private RuntimeMethod ResolveInterface(RuntimeType type, RuntimeMethod itfMethod)
    {
        var open = itfMethod.MethodArguments.Count > 0 ? GetMethod(itfMethod.Definition, itfMethod.DeclaringType, []) : itfMethod;
        if (!type.InterfaceDispatchCache.TryGetValue(open, out var impl))
        {
            impl = FindInterfaceImplementation(type, open)
                ?? throw new UnsupportedMemberException($"{itfMethod.Signature} on {type.Name}", why: "no implementation found");
            type.InterfaceDispatchCache[open] = impl;
        }
        if (itfMethod.MethodArguments.Count > 0)
            impl = GetMethod(impl.Definition, impl.DeclaringType, itfMethod.MethodArguments);
        return impl;
    }

    private RuntimeMethod? FindInterfaceImplementation(RuntimeType type, RuntimeMethod itfMethod)
    {
        var itf = itfMethod.DeclaringType;
        if (type.IsSzArray && IsArrayInterface(itf))
            return SzArrayHelperMethod(type, itfMethod);
        // Called through a variant instantiation (IEnumerator<object> on an IEnumerator<string>): the
        // implementation is that of the compatible interface the type does implement.
        if (itf.Definition is not null && System.Array.IndexOf(type.Interfaces, itf) < 0)
            foreach (var c in type.Interfaces)
                if (c.Definition == itf.Definition && VariantCompatible(c, itf))
                    return FindInterfaceImplementation(type, GetMethod(itfMethod.Definition, c, []));
        var key = SignatureKey(itfMethod.Definition, itf.Context);
        // The search starts at the most derived type that lists the interface itself: a derived class
        // that only hides a method with `new` does not re-implement the interface (ECMA-335 II.12.2).
        var start = type;
        for (var t = type; t is not null; t = t.BaseType)
            if (t.Definition is not null && t.Definition.Interfaces.Any(i => Declares(Get(t.Context.Close(i.InterfaceType)), itf)))
            {
                start = t;
                break;
            }
        for (var t = start; t is not null; t = t.BaseType)
        {
            if (t.Definition is null) continue;
            // Explicit implementations first: void IFoo.Bar() { … }
            foreach (var m in t.Definition.Methods)
                foreach (var over in m.Overrides)
                    if (over.Name == itfMethod.Name && Get(t.Context.Close(over.DeclaringType)) == itf && SameSignature(itfMethod.Definition, over))
                        return Virtualize(type, GetMethod(m, t, []));
            foreach (var m in t.Definition.Methods)
                if (m.Name == itfMethod.Name && m.IsPublic && !m.IsStatic && SignatureKey(m, t.Context) == key)
                    return Virtualize(type, GetMethod(m, t, []));
        }
        // A default implementation in the interface itself.
        return itfMethod.Definition.HasBody ? itfMethod : null;
    }

    /// <summary>T[] implements IList&lt;T&gt; and its bases through System.SZArrayHelper&lt;T&gt;, whose
    /// instance methods take the array as <c>this</c>; the interface method maps by name.</summary>
    private RuntimeMethod? SzArrayHelperMethod(RuntimeType arrayType, RuntimeMethod itfMethod)
    {
        var helperDef = CoreDefinition("System.SZArrayHelper`1")
            ?? throw new UnsupportedMemberException("System.SZArrayHelper`1", why: "the base library does not define it");
        var helperRef = new GenericInstanceType(helperDef);
        helperRef.GenericArguments.Add(arrayType.ElementType!.Reference);
        var helper = Get(helperRef);
        var def = helperDef.Methods.FirstOrDefault(m => m.Name == itfMethod.Name && !m.IsStatic && m.Parameters.Count == itfMethod.Definition.Parameters.Count);
        return def is null ? null : GetMethod(def, helper, []);
    }

    /// <summary>Whether listing <paramref name="listed"/> brings in <paramref name="itf"/> (itself or a base interface).</summary>
    private static bool Declares(RuntimeType listed, RuntimeType itf) => listed == itf || System.Array.IndexOf(listed.Interfaces, itf) >= 0;

    private static RuntimeMethod Virtualize(RuntimeType type, RuntimeMethod found) =>
        found.VTableSlot >= 0 && found.VTableSlot < type.VTable.Length ? type.VTable[found.VTableSlot]! : found;

    /// <summary>Whether a value of <paramref name="from"/> may be stored where <paramref name="to"/> is expected (castclass/isinst).</summary>
    public bool IsAssignableTo(RuntimeType from, RuntimeType to)
    {
        if (from == to) return true;
        if (to.IsInterface)
        {
            if (System.Array.IndexOf(from.Interfaces, to) >= 0) return true;
            if (from.IsSzArray && to.Reference is GenericInstanceType git && git.GenericArguments.Count == 1 && IsArrayInterface(to))
                return IsAssignableTo(from.ElementType!, Get(git.GenericArguments[0])) && (from.ElementType!.IsReferenceType || from.ElementType == Get(git.GenericArguments[0]));
            return VarianceAssignable(from, to);
        }
        if (from.IsArray && to.IsArray)
        {
            if (from.Rank != to.Rank || from.IsSzArray != to.IsSzArray) return false;
            var fe = from.ElementType!;
            var te = to.ElementType!;
            if (fe.IsReferenceType && te.IsReferenceType) return IsAssignableTo(fe, te);
            return fe == te || (fe.IsEnum || fe.Primitive != PrimitiveKind.None) && (te.IsEnum || te.Primitive != PrimitiveKind.None) && fe.ValueSize == te.ValueSize && IsIntegral(fe) && IsIntegral(te);
        }
        for (var t = from.BaseType; t is not null; t = t.BaseType)
            if (t == to) return true;
        return false;
    }

    private static bool IsIntegral(RuntimeType t) => (t.IsEnum ? t.ElementType! : t).Primitive is >= PrimitiveKind.SByte and <= PrimitiveKind.UIntPtr;

    private static bool IsArrayInterface(RuntimeType itf) => itf.Definition!.FullName is
        "System.Collections.Generic.IEnumerable`1" or "System.Collections.Generic.ICollection`1" or "System.Collections.Generic.IList`1"
        or "System.Collections.Generic.IReadOnlyCollection`1" or "System.Collections.Generic.IReadOnlyList`1";

    /// <summary>Generic variance (IEnumerable&lt;out T&gt;, Action&lt;in T&gt;) over reference type arguments.</summary>
    private bool VarianceAssignable(RuntimeType from, RuntimeType to)
    {
        if (to.Reference is not GenericInstanceType target) return false;
        var candidates = to.IsInterface ? from.Interfaces.AsEnumerable() : [from];
        foreach (var c in candidates)
            if (VariantCompatible(c, to)) return true;
        return false;
    }

    /// <summary>Whether <paramref name="from"/> converts to <paramref name="to"/>, an instantiation of the same generic definition, by variance.</summary>
    private bool VariantCompatible(RuntimeType from, RuntimeType to)
    {
        if (to.Reference is not GenericInstanceType target) return false;
        if (from.Reference is not GenericInstanceType source || source.ElementType.FullName != target.ElementType.FullName) return false;
        var parameters = to.Definition!.GenericParameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var s = Get(source.GenericArguments[i]);
            var d = Get(target.GenericArguments[i]);
            if (s == d) continue;
            var ok = parameters[i].IsCovariant ? s.IsReferenceType && IsAssignableTo(s, d)
                : parameters[i].IsContravariant && d.IsReferenceType && IsAssignableTo(d, s);
            if (!ok) return false;
        }
        return true;
    }
}
