using System.Buffers.Binary;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>
/// The checks that need the body's bytes rather than Cecil's decoding of them: every byte sequence
/// is an opcode, no instruction runs past the end, every branch lands on an instruction inside the
/// method, every token names a row of a table of the right kind, and every exception clause lies on
/// instruction boundaries (Partition II §25.4, Partition III §1.7.2, §1.9). An error here leaves the
/// body without meaning, so it is fatal: the type checks do not run.
/// </summary>
internal static class RawBodyScanner
{
    public static void Scan(MethodBodyBlock body, MetadataReader metadata, DiagnosticSink sink)
    {
        var il = body.GetILBytes() ?? [];
        if (il.Length == 0)
        {
            sink.Report(VerifierError.CodeSizeZero, 0);
            return;
        }
        var starts = new bool[il.Length + 1];
        var targets = new List<(int From, int Target)>();
        var offset = 0;
        while (offset < il.Length)
        {
            starts[offset] = true;
            var op = IlOpcodeTable.At(il, offset);
            if (op is null)
            {
                sink.Report(VerifierError.UnknownOpcode, offset, detail: $"byte 0x{il[offset]:X2}");
                return;
            }
            var operandStart = offset + op.Value.Size;
            if (operandStart > il.Length || operandStart + IlOpcodeTable.OperandSize(op.Value.OperandType, il, operandStart) > il.Length)
            {
                sink.Report(VerifierError.MethodEnd, offset, detail: op.Value.Name);
                return;
            }
            var next = operandStart + IlOpcodeTable.OperandSize(op.Value.OperandType, il, operandStart);
            var operand = il.AsSpan(operandStart);
            switch (op.Value.OperandType)
            {
                case OperandType.ShortInlineBrTarget:
                    targets.Add((offset, next + (sbyte)operand[0]));
                    break;
                case OperandType.InlineBrTarget:
                    targets.Add((offset, next + BinaryPrimitives.ReadInt32LittleEndian(operand)));
                    break;
                case OperandType.InlineSwitch:
                    var count = BinaryPrimitives.ReadInt32LittleEndian(operand);
                    for (var i = 0; i < count; i++)
                        targets.Add((offset, next + BinaryPrimitives.ReadInt32LittleEndian(operand[(4 + 4 * i)..])));
                    break;
                case OperandType.InlineMethod: case OperandType.InlineField: case OperandType.InlineType:
                case OperandType.InlineTok: case OperandType.InlineString: case OperandType.InlineSig:
                    if (!CheckToken(op.Value.OperandType, BinaryPrimitives.ReadInt32LittleEndian(operand), metadata, offset, sink)) return;
                    break;
            }
            offset = next;
        }
        starts[il.Length] = true;
        foreach (var (from, target) in targets)
        {
            if (target < 0 || target >= il.Length) { sink.Report(VerifierError.BadBranch, from, detail: $"target 0x{target:X}"); }
            else if (!starts[target]) { sink.Report(VerifierError.BadJumpTarget, from, detail: $"target 0x{target:X}"); }
        }
        foreach (var region in body.ExceptionRegions)
        {
            bool OnBoundary(int start, int length) => start >= 0 && length >= 0 && start + length <= il.Length && starts[start] && starts[start + length];
            var ok = OnBoundary(region.TryOffset, region.TryLength) && region.TryLength > 0
                && OnBoundary(region.HandlerOffset, region.HandlerLength) && region.HandlerLength > 0
                && (region.Kind != ExceptionRegionKind.Filter || (region.FilterOffset >= 0 && region.FilterOffset < region.HandlerOffset && starts[region.FilterOffset]));
            if (ok && region.Kind == ExceptionRegionKind.Catch)
                CheckCatchType(region, metadata, sink);
            if (!ok)
                sink.Report(VerifierError.EHClauseOutOfRange, region.TryOffset >= 0 && region.TryOffset < il.Length ? region.TryOffset : 0,
                    detail: $"{region.Kind} clause try 0x{region.TryOffset:X}+0x{region.TryLength:X}, handler 0x{region.HandlerOffset:X}+0x{region.HandlerLength:X}");
        }
    }

    /// <summary>A catch clause names the type it catches by a type token (Partition II §25.4.6).</summary>
    private static void CheckCatchType(ExceptionRegion region, MetadataReader metadata, DiagnosticSink sink)
    {
        var token = region.CatchType.IsNil ? 0 : MetadataTokens.GetToken(region.CatchType);
        var table = (byte)((uint)token >> 24);
        var isType = table is (byte)TableIndex.TypeDef or (byte)TableIndex.TypeRef or (byte)TableIndex.TypeSpec;
        if (!isType || (token & 0xFFFFFF) == 0 || (token & 0xFFFFFF) > metadata.GetTableRowCount((TableIndex)table))
            sink.Report(VerifierError.TokenResolve, region.HandlerOffset, detail: $"catch clause type token 0x{token:X8}");
    }

    /// <summary>A token must be of a table the instruction allows and name a row that exists (Partition III §1.9).</summary>
    private static bool CheckToken(OperandType kind, int token, MetadataReader metadata, int offset, DiagnosticSink sink)
    {
        var table = (byte)((uint)token >> 24);
        var row = token & 0xFFFFFF;
        if (kind == OperandType.InlineString)
        {
            if (table == 0x70 && row > 0 && row < metadata.GetHeapSize(HeapIndex.UserString)) return true;
            sink.Report(VerifierError.StringOperand, offset, detail: $"token 0x{token:X8}");
            return false;
        }
        var allowed = kind switch
        {
            OperandType.InlineMethod => new[] { TableIndex.MethodDef, TableIndex.MemberRef, TableIndex.MethodSpec },
            OperandType.InlineField => [TableIndex.Field, TableIndex.MemberRef],
            OperandType.InlineType => [TableIndex.TypeDef, TableIndex.TypeRef, TableIndex.TypeSpec],
            OperandType.InlineSig => [TableIndex.StandAloneSig],
            _ => [TableIndex.TypeDef, TableIndex.TypeRef, TableIndex.TypeSpec, TableIndex.MethodDef, TableIndex.MemberRef, TableIndex.MethodSpec, TableIndex.Field],
        };
        if (!allowed.Any(t => (byte)t == table))
        {
            var error = kind switch
            {
                OperandType.InlineMethod => VerifierError.ExpectedMethodToken,
                OperandType.InlineField => VerifierError.ExpectedFieldToken,
                OperandType.InlineType => VerifierError.ExpectedTypeToken,
                _ => VerifierError.TokenResolve,
            };
            sink.Report(error, offset, detail: $"token 0x{token:X8}");
            return false;
        }
        if (row == 0 || row > metadata.GetTableRowCount((TableIndex)table))
        {
            sink.Report(VerifierError.TokenResolve, offset, detail: $"token 0x{token:X8}: no such row");
            return false;
        }
        return true;
    }
}
