using Mono.Cecil.Cil;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>The kinds of block an exception clause makes (Partition I §12.4.2).</summary>
internal enum BlockKind { Try, Catch, Filter, Finally, Fault }

/// <summary>A try, handler or filter block: the IL offsets [Start, End).</summary>
internal readonly record struct ProtectedBlock(BlockKind Kind, int Start, int End)
{
    public bool Contains(int offset) => offset >= Start && offset < End;
    public bool IsHandler => Kind is BlockKind.Catch or BlockKind.Finally or BlockKind.Fault;
}

/// <summary>
/// The blocks of a method's exception clauses, and the rules for moving control between them
/// (Partition I §12.4.2.8): a block is entered only at its start (a try) or by the runtime (a
/// handler or filter), and left only by leave, endfinally, endfilter, throw or rethrow.
/// </summary>
internal sealed class ProtectedBlocks
{
    private readonly List<ProtectedBlock> _blocks = [];

    public ProtectedBlocks(MethodBody body, int codeSize)
    {
        foreach (var h in body.ExceptionHandlers)
        {
            _blocks.Add(new ProtectedBlock(BlockKind.Try, h.TryStart.Offset, h.TryEnd?.Offset ?? codeSize));
            var kind = h.HandlerType switch
            {
                ExceptionHandlerType.Finally => BlockKind.Finally,
                ExceptionHandlerType.Fault => BlockKind.Fault,
                _ => BlockKind.Catch,
            };
            _blocks.Add(new ProtectedBlock(kind, h.HandlerStart.Offset, h.HandlerEnd?.Offset ?? codeSize));
            if (h.HandlerType == ExceptionHandlerType.Filter)
                _blocks.Add(new ProtectedBlock(BlockKind.Filter, h.FilterStart.Offset, h.HandlerStart.Offset));
        }
    }

    public bool IsEmpty => _blocks.Count == 0;
    public IEnumerable<ProtectedBlock> Tries => _blocks.Where(b => b.Kind == BlockKind.Try);

    /// <summary>The innermost block of one of <paramref name="kinds"/> holding the offset, if any.</summary>
    public ProtectedBlock? Innermost(int offset, params BlockKind[] kinds)
    {
        ProtectedBlock? best = null;
        foreach (var b in _blocks)
            if (b.Contains(offset) && kinds.Contains(b.Kind) && (best is null || b.End - b.Start < best.Value.End - best.Value.Start))
                best = b;
        return best;
    }

    public bool InAny(int offset) => _blocks.Any(b => b.Contains(offset));

    public enum Transfer { Branch, Leave, Fallthrough }

    /// <summary>The rule a transfer of control from one offset to another breaks, if any.</summary>
    public VerifierError? Check(int from, int to, Transfer how)
    {
        foreach (var b in _blocks)
        {
            if (!b.Contains(from) || b.Contains(to)) continue;
            // Leaving a block.
            var error = (how, b.Kind) switch
            {
                (Transfer.Fallthrough, _) => VerifierError.FallthroughException,
                (Transfer.Branch, BlockKind.Try) => VerifierError.BranchOutOfTry,
                (Transfer.Branch, BlockKind.Catch) => VerifierError.BranchOutOfHandler,
                (Transfer.Branch, BlockKind.Filter) => VerifierError.BranchOutOfFilter,
                (Transfer.Branch, _) => VerifierError.BranchOutOfFinally,
                (Transfer.Leave, BlockKind.Filter) => VerifierError.LeaveOutOfFilter,
                (Transfer.Leave, BlockKind.Finally) => VerifierError.LeaveOutOfFinally,
                (Transfer.Leave, BlockKind.Fault) => VerifierError.LeaveOutOfFault,
                _ => (VerifierError?)null,
            };
            if (error is not null) return error;
        }
        foreach (var b in _blocks)
        {
            if (b.Contains(from) || !b.Contains(to)) continue;
            // Entering a block: a try only at its first instruction, a handler or filter never.
            if (b.Kind == BlockKind.Try && to == b.Start) continue;
            return (how, b.Kind) switch
            {
                (Transfer.Fallthrough, BlockKind.Filter) => VerifierError.FallthroughIntoFilter,
                (Transfer.Fallthrough, BlockKind.Try) => VerifierError.BranchIntoTry,
                (Transfer.Fallthrough, _) => VerifierError.FallthroughIntoHandler,
                (Transfer.Branch, BlockKind.Try) => VerifierError.BranchIntoTry,
                (Transfer.Branch, BlockKind.Filter) => VerifierError.BranchIntoFilter,
                (Transfer.Branch, _) => VerifierError.BranchIntoHandler,
                (Transfer.Leave, BlockKind.Try) => VerifierError.LeaveIntoTry,
                (Transfer.Leave, BlockKind.Filter) => VerifierError.LeaveIntoFilter,
                _ => VerifierError.LeaveIntoHandler,
            };
        }
        return null;
    }

    /// <summary>ret is allowed in no block at all (Partition III §3.56).</summary>
    public VerifierError? CheckReturn(int at)
    {
        if (Innermost(at, BlockKind.Filter) is not null) return VerifierError.ReturnFromFilter;
        if (Innermost(at, BlockKind.Catch, BlockKind.Finally, BlockKind.Fault) is not null) return VerifierError.ReturnFromHandler;
        if (Innermost(at, BlockKind.Try) is not null) return VerifierError.ReturnFromTry;
        return null;
    }
}
