using System.Runtime.InteropServices;

namespace RuntimeLab.Jit.Llvm.Native;

/// <summary>llvm-c/Core.h: inline assembly values.</summary>
public static unsafe partial class Core
{
    [LibraryImport(Lib, EntryPoint = "LLVMGetInlineAsm")]
    private static partial ValueRef GetInlineAsmRaw(TypeRef functionType, byte* asmString, nuint asmLength, byte* constraints, nuint constraintsLength,
        int hasSideEffects, int isAlignStack, InlineAsmDialect dialect, int canThrow);

    /// <summary>An inline-asm callee of <paramref name="functionType"/>: call it with <see cref="BuildCall"/>.</summary>
    public static ValueRef GetInlineAsm(TypeRef functionType, string assembly, string constraints, bool hasSideEffects,
        bool isAlignStack = false, InlineAsmDialect dialect = InlineAsmDialect.Att)
    {
        var asmBytes = System.Text.Encoding.UTF8.GetBytes(assembly);
        var constraintBytes = System.Text.Encoding.UTF8.GetBytes(constraints);
        fixed (byte* a = asmBytes)
        fixed (byte* c = constraintBytes)
            return GetInlineAsmRaw(functionType, a, (nuint)asmBytes.Length, c, (nuint)constraintBytes.Length,
                hasSideEffects ? 1 : 0, isAlignStack ? 1 : 0, dialect, 0);
    }
}
