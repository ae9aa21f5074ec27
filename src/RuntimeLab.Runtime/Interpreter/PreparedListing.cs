using System.Globalization;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// The teaching view of the interpreter's internal form (<c>runtimelab run --show-prepared</c>): each
/// prepared operation with the IL offset it came from, its slots and operands. Slots are numbered
/// from the frame pointer: arguments first, then locals, then the evaluation stack.
/// <code>
///   0012  IL_0022  AddI4Imm         A=l5 B=l5 C=0 Imm=1
///   0013  IL_0026  BltI4            A=l5 B=a0 C=0 → 0005
/// </code>
/// </summary>
internal static class PreparedListing
{
    public static void Write(TextWriter output, PreparedMethod pm)
    {
        output.WriteLine($"{pm.Method.Signature}: {pm.Code.Length} operations; frame of {pm.FrameSlots} slots "
            + $"({Range("arguments", 'a', 0, pm.LocalsStart)}, {Range("locals", 'l', pm.LocalsStart, pm.EvalStart)}, stack from s{pm.EvalStart})");
        foreach (var h in pm.Handlers)
            output.WriteLine($"    {h.Kind.ToString().ToLowerInvariant()} try {h.TryStart:d4}–{h.TryEnd:d4} handler {h.HandlerStart:d4}–{h.HandlerEnd:d4}"
                + (h.CatchType is null ? "" : $" {h.CatchType.Name}"));
        for (var pc = 0; pc < pm.Code.Length; pc++)
        {
            var ins = pm.Code[pc];
            output.WriteLine($"    {pc:d4}  IL_{ins.IlOffset:x4}  {ins.Op,-16} {Operands(pm, ins)}".TrimEnd());
        }
    }

    private static string Range(string what, char prefix, int start, int end) =>
        end == start ? $"no {what}" : end == start + 1 ? $"{what} {prefix}{start}" : $"{what} {prefix}{start}–{prefix}{end - 1}";

    private static string Operands(PreparedMethod pm, Instr ins)
    {
        var parts = new List<string> { $"A={Slot(pm, ins.A)}", $"B={Slot(pm, ins.B)}", CIsSlot(ins.Op) ? $"C={Slot(pm, ins.C)}" : $"C={ins.C}" };
        if (IsBranch(ins.Op)) parts.Add($"→ {ins.Imm:d4}");
        else if (ins.Op == Op.LdcR8) parts.Add($"Imm={BitConverter.Int64BitsToDouble(ins.Imm).ToString("R", CultureInfo.InvariantCulture)}");
        else if (ins.Op == Op.LdcR4) parts.Add($"Imm={BitConverter.Int32BitsToSingle((int)ins.Imm).ToString("R", CultureInfo.InvariantCulture)}f");
        else if (ins.Imm != 0) parts.Add($"Imm={ins.Imm}");
        if (ins.Token >= 0 && ins.Token < pm.Tokens.Length) parts.Add(Describe(pm.Tokens[ins.Token]));
        return string.Join(" ", parts);
    }

    private static bool IsBranch(Op op) => op is >= Op.Br and <= Op.BgeUnI4Imm and not Op.Switch;

    /// <summary>Three-address operations (A = B op C) and element accesses name a slot in C; others a count or constant.</summary>
    private static bool CIsSlot(Op op) => op is >= Op.AddI4 and <= Op.MulOvfUnI8 or >= Op.CeqI4 and <= Op.CltUnR8
        or >= Op.LdElemI1 and <= Op.StElemN;

    /// <summary>a3, l5 or s9: which part of the frame slot <paramref name="slot"/> is in.</summary>
    private static string Slot(PreparedMethod pm, int slot) =>
        slot < pm.LocalsStart ? $"a{slot}" : slot < pm.EvalStart ? $"l{slot}" : $"s{slot}";

    private static string Describe(object token) => token switch
    {
        RuntimeMethod m => m.Signature,
        RuntimeType t => t.Name,
        CallSite site => site.Method.Signature,
        int[] table => "[" + string.Join(", ", table.Select(t => t.ToString("d4"))) + "]",
        _ => token.GetType().Name,
    };
}
