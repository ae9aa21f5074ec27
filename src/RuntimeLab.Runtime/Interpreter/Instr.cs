using System.Runtime.InteropServices;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// One prepared instruction. The importer fixes the depth of the evaluation stack at every IL
/// instruction, so every stack entry has a fixed frame slot, and an IL stack instruction becomes a
/// three-address operation over slots: <c>add</c> with two int32s at slots 5 and 6 becomes
/// <c>AddI4 A=5 B=5 C=6</c>. Nothing is pushed or popped at run time.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Instr
{
    public Op Op;
    /// <summary>Usually the destination slot.</summary>
    public int A;
    public int B;
    public int C;
    /// <summary>An immediate: a constant, a byte offset, a native address, a branch target.</summary>
    public long Imm;
    /// <summary>Index into <see cref="PreparedMethod.Tokens"/> for operands that are objects.</summary>
    public int Token;
    /// <summary>IL offset this instruction came from (stack traces, GC maps, the --trace view).</summary>
    public int IlOffset;

    public override readonly string ToString() => $"{Op} A={A} B={B} C={C} Imm={Imm}";
}
