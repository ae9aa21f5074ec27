using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Ir;

/// <summary>
/// Constrained floating-point intrinsics: arithmetic whose rounding mode and exception behaviour are
/// part of the IR, so LLVM neither folds nor reorders it. The x86 frontend needs this for exact x87
/// semantics under a guest-controlled rounding mode. A function that uses them must be marked
/// <c>strictfp</c> (<see cref="MarkStrict"/>).
/// </summary>
public static class ConstrainedFloat
{
    public const string RoundDynamic = "round.dynamic";
    public const string RoundToNearest = "round.tonearest";
    public const string ExceptStrict = "fpexcept.strict";
    public const string ExceptIgnore = "fpexcept.ignore";

    /// <summary>A binary operation: "fadd", "fsub", "fmul", "fdiv" or "frem".</summary>
    public static ValueRef Binary(IrModule module, BuilderRef builder, string operation, ValueRef left, ValueRef right,
        string rounding = RoundDynamic, string exceptions = ExceptStrict)
    {
        var type = Core.TypeOf(left);
        var call = Intrinsics.Call(module, builder, $"llvm.experimental.constrained.{operation}", [type],
            [left, right, MetadataString(module, rounding), MetadataString(module, exceptions)], operation);
        Attributes.AddToCall(module, call, AttributeIndex.Function, "strictfp");
        return call;
    }

    /// <summary>The strictfp attribute a function needs before it may contain constrained calls.</summary>
    public static void MarkStrict(IrModule module, ValueRef function) =>
        Attributes.Add(module, function, AttributeIndex.Function, "strictfp");

    private static ValueRef MetadataString(IrModule module, string text) =>
        Core.MetadataAsValue(module.Context, Core.MDString(module.Context, text));
}
