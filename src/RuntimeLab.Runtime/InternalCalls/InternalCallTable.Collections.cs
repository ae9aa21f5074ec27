using Mono.Cecil;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>EqualityComparer&lt;T&gt;.Default and Comparer&lt;T&gt;.Default: which comparer CoreCLR picks depends on
    /// what T implements, a question about T that C# cannot ask without an instance.</summary>
    private void RegisterCollections()
    {
        Add("System.Collections.Generic.ObjectEqualityComparer`1::Specialize", (vm, a) => a[0] = Specialize(vm, (nint)a[0],
            "System.IEquatable`1", "System.Collections.Generic.GenericEqualityComparer`1", "System.Collections.Generic.NullableEqualityComparer`1"));
        Add("System.Collections.Generic.ObjectComparer`1::Specialize", (vm, a) => a[0] = Specialize(vm, (nint)a[0],
            "System.IComparable`1", "System.Collections.Generic.GenericComparer`1", "System.Collections.Generic.NullableComparer`1"));
    }

    /// <summary>A Generic…Comparer&lt;T&gt; if T implements <paramref name="itf"/>&lt;T&gt;, a Nullable…Comparer&lt;U&gt; if T is
    /// U? and U does, else the object comparer itself. The comparers have no fields, so no constructor runs.</summary>
    private static nint Specialize(VirtualMachine vm, nint objectComparer, string itf, string generic, string nullable)
    {
        var types = vm.Types;
        var t = types.Get(((GenericInstanceType)vm.TypeOf(objectComparer).Reference).GenericArguments[0]);
        bool Implements(RuntimeType x) => types.IsAssignableTo(x, types.Get(Instantiate(types, itf, x)));
        if (Implements(t))
            return vm.Allocate(types.Get(Instantiate(types, generic, t)));
        if (t.IsNullable)
        {
            var u = types.Get(((GenericInstanceType)t.Reference).GenericArguments[0]);
            if (Implements(u))
                return vm.Allocate(types.Get(Instantiate(types, nullable, u)));
        }
        return objectComparer;
    }

    private static GenericInstanceType Instantiate(TypeLoader types, string definition, RuntimeType argument)
    {
        var def = types.CoreDefinition(definition) ?? throw new Bytecode.Loading.UnsupportedMemberException(definition, why: "the base library does not define it");
        var git = new GenericInstanceType(def);
        git.GenericArguments.Add(argument.Reference);
        return git;
    }
}
