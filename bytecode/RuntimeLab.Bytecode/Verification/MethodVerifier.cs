using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>One method's verification: its diagnostics and, when the importer got through, its states.</summary>
public sealed record MethodVerification(MethodDefinition Method, IReadOnlyList<VerificationDiagnostic> Diagnostics, ImportedMethod? Imported)
{
    public bool IsVerifiable => Diagnostics.Count == 0;
    public bool IsValid => Diagnostics.All(d => d.Class == VerificationClass.Unverifiable);
}

/// <summary>
/// Verifies one method body in three passes: the raw bytes (opcodes, branch targets, tokens, clause
/// bounds), then the IL importer's abstract interpretation (stack depths and types at every
/// instruction, merged at joins), then <see cref="InstructionRules"/> over the importer's recorded
/// states. The importer is the only type tracker; the verifier only reads what it proved.
/// </summary>
public static class MethodVerifier
{
    public static MethodVerification Verify(MethodDefinition method, RawBodyReader? raw = null)
    {
        var sink = new DiagnosticSink(method);
        if (!method.HasBody) return new MethodVerification(method, [], null);
        ImportedMethod? imported = null;
        try
        {
            if (raw?.BodyOf(method) is { } block) RawBodyScanner.Scan(block, raw.Metadata, sink);
            if (sink.HasErrors) return new MethodVerification(method, sink.Diagnostics, null);
            var body = method.Body;
            if (!CheckClausesResolved(body, sink)) return new MethodVerification(method, sink.Diagnostics, null);
            try
            {
                imported = Importer.Import(method, GenericContext.Empty);
            }
            catch (InvalidIlException e)
            {
                sink.Report(e.Error, e.Offset, detail: e.Explanation);
                return new MethodVerification(method, sink.Diagnostics, e.Partial);
            }
            InstructionRules.Check(imported, sink);
        }
        catch (UnsupportedMemberException e)
        {
            sink.Report(VerifierError.TokenResolve, 0, detail: e.Message);
        }
        catch (Exception e) when (e is AssemblyResolutionException or InvalidCastException or NullReferenceException
                                   or ArgumentOutOfRangeException or IndexOutOfRangeException or InvalidOperationException
                                   or BadImageFormatException or NotSupportedException or ArgumentException)
        {
            // Cecil decodes lazily and trusts the metadata: a malformed body or an unresolvable
            // signature surfaces as one of these. It is reported, never allowed to end the run.
            sink.Report(VerifierError.TokenResolve, 0, detail: $"malformed body or metadata ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
        }
        return new MethodVerification(method, sink.Diagnostics, imported);
    }

    /// <summary>Without the file's bytes (a module built in memory), check what Cecil could not place.</summary>
    private static bool CheckClausesResolved(MethodBody body, DiagnosticSink sink)
    {
        if (body.Instructions.Count == 0)
        {
            sink.Report(VerifierError.CodeSizeZero, 0);
            return false;
        }
        var offsets = new HashSet<int>(body.Instructions.Select(i => i.Offset));
        foreach (var h in body.ExceptionHandlers)
        {
            bool Placed(Instruction? i) => i is not null && offsets.Contains(i.Offset);
            bool EndPlaced(Instruction? i) => i is null || offsets.Contains(i.Offset);
            if (!Placed(h.TryStart) || !Placed(h.HandlerStart) || !EndPlaced(h.TryEnd) || !EndPlaced(h.HandlerEnd)
                || (h.HandlerType == ExceptionHandlerType.Filter && !Placed(h.FilterStart))
                || h.TryEnd is not null && h.TryEnd.Offset <= h.TryStart!.Offset
                || h.HandlerEnd is not null && h.HandlerEnd.Offset <= h.HandlerStart!.Offset
                || h.HandlerType == ExceptionHandlerType.Catch && h.CatchType is null)
            {
                sink.Report(VerifierError.EHClauseOutOfRange, h.TryStart?.Offset ?? 0);
                return false;
            }
        }
        foreach (var ins in body.Instructions)
        {
            var bad = ins.OpCode.OperandType switch
            {
                OperandType.InlineBrTarget or OperandType.ShortInlineBrTarget => ins.Operand is not Instruction target || !offsets.Contains(target.Offset),
                OperandType.InlineSwitch => ins.Operand is not Instruction[] ts || ts.Any(x => x is null || !offsets.Contains(x.Offset)),
                _ => false,
            };
            if (bad)
            {
                sink.Report(VerifierError.BadJumpTarget, ins.Offset);
                return false;
            }
            var token = ins.OpCode.OperandType switch
            {
                OperandType.InlineMethod when ins.Operand is not MethodReference => VerifierError.ExpectedMethodToken,
                OperandType.InlineField when ins.Operand is not FieldReference => VerifierError.ExpectedFieldToken,
                OperandType.InlineType when ins.Operand is not TypeReference => VerifierError.ExpectedTypeToken,
                OperandType.InlineString when ins.Operand is not string => VerifierError.StringOperand,
                OperandType.InlineTok when ins.Operand is not (TypeReference or MemberReference) => VerifierError.TokenResolve,
                _ => (VerifierError?)null,
            };
            if (token is { } t)
            {
                sink.Report(t, ins.Offset);
                return false;
            }
        }
        return true;
    }
}
