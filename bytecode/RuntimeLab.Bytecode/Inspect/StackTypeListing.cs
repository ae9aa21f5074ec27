using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Bytecode.Inspect;

/// <summary>
/// The teaching view of the importer: each IL instruction beside the evaluation stack the importer
/// proved for it, bottom first — what the verifier checks and what the interpreter specializes on.
/// <code>
///   IL_0004  add                      [int32, int32]
/// </code>
/// </summary>
public static class StackTypeListing
{
    public static void Write(TextWriter output, MethodDefinition method)
    {
        output.WriteLine($"{TypeNames.Display(method.DeclaringType)}::{method.Name}({string.Join(", ", method.Parameters.Select(p => TypeNames.Display(p.ParameterType)))})"
            + $" : {TypeNames.Display(method.ReturnType)}");
        if (!method.HasBody)
        {
            output.WriteLine("    (no IL body)");
            return;
        }
        ImportedMethod imported;
        try
        {
            imported = Importer.Import(method, GenericContext.Empty);
        }
        catch (InvalidIlException e) when (e.Partial is not null)
        {
            output.WriteLine($"    {e.Message}; the states proved up to there:");
            imported = e.Partial;
        }
        catch (Loading.UnsupportedMemberException e)
        {
            output.WriteLine($"    cannot import: {e.Message}");
            return;
        }
        WriteStates(output, imported);
    }

    /// <summary>The body of the listing: locals, clauses, and each instruction beside its stack.</summary>
    public static void WriteStates(TextWriter output, ImportedMethod imported, Func<Instruction, string?>? annotate = null)
    {
        var method = imported.Method;
        if (method.Body.Variables.Count > 0)
            output.WriteLine($"    locals: {string.Join(", ", method.Body.Variables.Select(v => $"[{v.Index}] {TypeNames.Display(v.VariableType)}"))}");
        foreach (var handler in method.Body.ExceptionHandlers)
            output.WriteLine($"    .try IL_{handler.TryStart.Offset:x4}–IL_{handler.TryEnd?.Offset ?? 0:x4} {handler.HandlerType.ToString().ToLowerInvariant()}"
                + $"{(handler.CatchType is null ? "" : " " + TypeNames.Display(handler.CatchType))} handler IL_{handler.HandlerStart.Offset:x4}");
        for (var i = 0; i < imported.Instructions.Count; i++)
        {
            var ins = imported.Instructions[i];
            var stack = imported.StackBefore[i];
            var text = $"{ins.OpCode.Name}{Operand(ins)}";
            var types = stack is null ? "(unreachable)" : $"[{string.Join(", ", stack.Select(e => e.ToString()))}]";
            output.WriteLine($"    IL_{ins.Offset:x4}  {text,-44} {types}");
            if (annotate?.Invoke(ins) is { } note) output.WriteLine($"             ^ {note}");
        }
    }

    private static string Operand(Instruction ins) => ins.Operand switch
    {
        null => "",
        Instruction target => $" IL_{target.Offset:x4}",
        Instruction[] targets => " (" + string.Join(", ", targets.Select(t => $"IL_{t.Offset:x4}")) + ")",
        MethodReference m => " " + TypeNames.Method(m),
        FieldReference f => $" {TypeNames.Display(f.DeclaringType)}.{f.Name}",
        TypeReference t => " " + TypeNames.Display(t),
        VariableDefinition v => $" {v.Index}",
        ParameterDefinition p => $" {p.Name}",
        string s => $" \"{s.Replace("\n", "\\n")}\"",
        _ => " " + Convert.ToString(ins.Operand, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Methods whose "Type::Method" matches a pattern with * wildcards (all when null).</summary>
    public static IEnumerable<MethodDefinition> Select(ModuleDefinition module, string? pattern)
    {
        var matcher = pattern is null ? null : new MethodPattern(pattern);
        foreach (var type in module.GetTypes())
            foreach (var method in type.Methods)
                if (matcher is null || matcher.Matches(method))
                    yield return method;
    }
}
