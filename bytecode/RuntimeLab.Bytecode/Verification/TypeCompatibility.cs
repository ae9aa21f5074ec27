using Mono.Cecil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>
/// Verifier-assignability (Partition III §1.8.1.2.3): may a value of this stack type be stored where
/// that declared type is expected. Where a type cannot be resolved, or involves a generic parameter
/// of an open method, RuntimeLab cannot prove either answer and assumes assignable: a verifier must
/// not reject code for what it does not know.
/// </summary>
public static class TypeCompatibility
{
    public static bool IsAssignable(StackEntry value, TypeReference declared)
    {
        declared = GenericContext.WithoutModifiers(declared);
        if (declared is GenericParameter || value.Type is GenericParameter) return true;
        var target = TypeClassifier.ToStack(declared);
        switch (target.Kind)
        {
            case StackKind.Int32:
            case StackKind.NativeInt:
                // int32 and native int convert implicitly on store (Partition III §1.6, Table III.8).
                return value.Kind is StackKind.Int32 or StackKind.NativeInt;
            case StackKind.Int64:
                return value.Kind == StackKind.Int64;
            case StackKind.Float32:
            case StackKind.Float64:
                return value.IsFloat;
            case StackKind.ObjRef:
                return value.Kind == StackKind.ObjRef && (value.IsNullType || IsSubtype(value.Type!, declared));
            case StackKind.ByRef:
                return value.Kind == StackKind.ByRef && SameReferent(value.Type, target.Type);
            default:
                return value.Kind == StackKind.ValueType && SameType(value.Type, declared);
        }
    }

    /// <summary>Two byrefs are interchangeable when their referents have the same verification type:
    /// the same type, or integers of one size and signedness-agnostic (int8 and uint8, Partition III §1.8.1.2.1).</summary>
    public static bool SameReferent(TypeReference? a, TypeReference? b)
    {
        if (a is null || b is null) return true;
        a = GenericContext.WithoutModifiers(a);
        b = GenericContext.WithoutModifiers(b);
        if (a.ContainsGenericParameter || b.ContainsGenericParameter) return true;
        if (SameType(a, b)) return true;
        var sa = IntegerSize(a);
        return sa != 0 && sa == IntegerSize(b);
    }

    private static int IntegerSize(TypeReference t)
    {
        var underlying = t.Resolve() is { IsEnum: true } e ? TypeClassifier.EnumUnderlyingType(e) : t;
        return underlying.MetadataType switch
        {
            MetadataType.Boolean or MetadataType.SByte or MetadataType.Byte => 1,
            MetadataType.Char or MetadataType.Int16 or MetadataType.UInt16 => 2,
            MetadataType.Int32 or MetadataType.UInt32 => 4,
            MetadataType.Int64 or MetadataType.UInt64 => 8,
            MetadataType.IntPtr or MetadataType.UIntPtr => 16,
            _ => 0,
        };
    }

    public static bool SameType(TypeReference? a, TypeReference? b) =>
        a is null || b is null || a.ContainsGenericParameter || b.ContainsGenericParameter
        || GenericContext.WithoutModifiers(a).FullName == GenericContext.WithoutModifiers(b).FullName;

    /// <summary>Is reference type <paramref name="sub"/> the same as, derived from, or an implementer of <paramref name="super"/>.</summary>
    public static bool IsSubtype(TypeReference sub, TypeReference super)
    {
        sub = GenericContext.WithoutModifiers(sub);
        super = GenericContext.WithoutModifiers(super);
        if (super.MetadataType == MetadataType.Object || sub.ContainsGenericParameter || super.ContainsGenericParameter) return true;
        if (sub.FullName == super.FullName) return true;
        if (sub is ArrayType subArray) return ArrayIsSubtype(subArray, super);
        if (super is ArrayType) return false;
        var superDef = super.Resolve();
        if (superDef is null) return true;
        var seen = new HashSet<string>();
        for (TypeReference? t = sub; t is not null; t = BaseOf(t))
        {
            if (!seen.Add(t.FullName)) break;
            if (t.FullName == super.FullName) return true;
            if (superDef.IsInterface && Implements(t, super, seen)) return true;
            if (t.Resolve() is null) return true; // an unresolvable ancestor could be anything
        }
        return false;
    }

    private static bool Implements(TypeReference type, TypeReference iface, HashSet<string> seen)
    {
        var def = type.Resolve();
        if (def is null) return true;
        var context = GenericContext.OfType(type);
        foreach (var impl in def.Interfaces)
        {
            var closed = context.Close(impl.InterfaceType);
            if (closed.FullName == iface.FullName || VariantMatch(closed, iface)) return true;
            if (seen.Add("iface:" + closed.FullName) && Implements(closed, iface, seen)) return true;
        }
        return false;
    }

    /// <summary>IEnumerable&lt;string&gt; is an IEnumerable&lt;object&gt; (Partition II §9.5): accepted when the
    /// generic definitions agree; variance is not checked argument by argument.</summary>
    private static bool VariantMatch(TypeReference a, TypeReference b) =>
        a is GenericInstanceType ga && b is GenericInstanceType gb && ga.ElementType.FullName == gb.ElementType.FullName
        && ga.ElementType.Resolve() is { } def && def.GenericParameters.Any(p => p.IsCovariant || p.IsContravariant);

    private static bool ArrayIsSubtype(ArrayType sub, TypeReference super)
    {
        if (super is ArrayType superArray)
        {
            if (sub.Rank != superArray.Rank) return false;
            var se = sub.ElementType;
            var te = superArray.ElementType;
            // Array covariance holds for reference elements only (Partition I §8.7.1).
            return TypeClassifier.IsValueType(se) || TypeClassifier.IsValueType(te) ? SameReferent(se, te) : IsSubtype(se, te);
        }
        // System.Array and the interfaces every array implements (IList<T>, IEnumerable …).
        return super.FullName == "System.Array" || super.Resolve() is null or { IsInterface: true };
    }

    public static TypeReference? BaseOf(TypeReference t)
    {
        if (t is ArrayType) return t.Module?.TypeSystem.Object;
        var def = t.Resolve();
        return def?.BaseType is null ? null : GenericContext.OfType(t).Close(def.BaseType);
    }
}
