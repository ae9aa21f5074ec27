using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Ir;

/// <summary>Function, return and parameter attributes by their IR spelling ("nounwind", "noalias", "dereferenceable" with a value).</summary>
public static class Attributes
{
    public static void Add(IrModule module, ValueRef function, uint index, string name, ulong value = 0) =>
        Core.AddAttributeAtIndex(function, index, Create(module, name, value));

    public static void AddToCall(IrModule module, ValueRef call, uint index, string name, ulong value = 0) =>
        Core.AddCallSiteAttribute(call, index, Create(module, name, value));

    private static AttributeRef Create(IrModule module, string name, ulong value)
    {
        var kind = Core.EnumAttributeKind(name);
        if (kind == 0) throw new JitException($"unknown LLVM attribute '{name}'");
        return Core.CreateEnumAttribute(module.Context, kind, value);
    }
}
