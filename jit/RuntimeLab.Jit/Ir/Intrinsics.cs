using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Ir;

/// <summary>
/// Calls to LLVM intrinsics by name, e.g. "llvm.sadd.with.overflow" over i32 or "llvm.sqrt" over double.
/// Overloaded intrinsics are named by their base name plus the overload types.
/// </summary>
public static class Intrinsics
{
    public static (ValueRef Function, TypeRef Type) Declare(IrModule module, string name, params TypeRef[] overloads)
    {
        var id = Core.LookupIntrinsicId(name);
        if (id == 0) throw new JitException($"unknown LLVM intrinsic '{name}'");
        return (Core.GetIntrinsicDeclaration(module.Module, id, overloads), Core.IntrinsicGetType(module.Context, id, overloads));
    }

    public static ValueRef Call(IrModule module, BuilderRef builder, string name, TypeRef[] overloads, ReadOnlySpan<ValueRef> args, string resultName = "")
    {
        var (function, type) = Declare(module, name, overloads);
        return Core.BuildCall(builder, type, function, args, resultName);
    }

    /// <summary>
    /// An overflow-checked operation ("sadd", "uadd", "ssub", "usub", "smul", "umul"):
    /// returns the wrapped result and an i1 that is true on overflow.
    /// </summary>
    public static (ValueRef Result, ValueRef Overflowed) WithOverflow(IrModule module, BuilderRef builder, string operation, ValueRef left, ValueRef right)
    {
        var pair = Call(module, builder, $"llvm.{operation}.with.overflow", [Core.TypeOf(left)], [left, right], operation);
        return (Core.BuildExtractValue(builder, pair, 0, operation + ".result"), Core.BuildExtractValue(builder, pair, 1, operation + ".overflow"));
    }
}
