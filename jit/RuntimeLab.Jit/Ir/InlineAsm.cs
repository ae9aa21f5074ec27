using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Ir;

/// <summary>
/// Calls to inline assembly: for host instructions the IR has no operation for (or none with the
/// exact semantics a frontend needs). The template uses LLVM's syntax: $0, $1 … name the operands
/// in constraint order; constraints are LLVM's ("r" register input, "=r" output, "~{memory}" clobber).
/// </summary>
public static class InlineAsm
{
    /// <summary>Emits a call to <paramref name="assembly"/> with <paramref name="args"/>; side effects are assumed, so it is never removed or merged.</summary>
    public static ValueRef Call(BuilderRef builder, TypeRef functionType, string assembly, string constraints,
        ReadOnlySpan<ValueRef> args, InlineAsmDialect dialect = InlineAsmDialect.Att, string resultName = "")
    {
        var callee = Core.GetInlineAsm(functionType, assembly, constraints, hasSideEffects: true, dialect: dialect);
        return Core.BuildCall(builder, functionType, callee, args, resultName);
    }
}
