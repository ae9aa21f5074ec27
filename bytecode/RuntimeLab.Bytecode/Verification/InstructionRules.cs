using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>
/// The type-safety and control-flow rules of Partition III, checked instruction by instruction
/// against the stack the importer recorded before each one. Unreachable instructions are not
/// checked: no state reaches them. This file drives the walk and holds the control-flow rules; the
/// other parts hold the rules of one family of instructions each.
/// </summary>
internal sealed partial class InstructionRules
{
    private readonly ImportedMethod _m;
    private readonly DiagnosticSink _sink;
    private readonly ProtectedBlocks _blocks;
    private readonly IList<Instruction> _code;
    private readonly int _codeSize;
    private StackEntry[] _stack = [];
    private Instruction _ins = null!;
    private int _index;

    private InstructionRules(ImportedMethod imported, DiagnosticSink sink)
    {
        _m = imported;
        _sink = sink;
        _code = imported.Method.Body.Instructions;
        var last = _code[^1];
        _codeSize = last.Offset + last.GetSize();
        _blocks = new ProtectedBlocks(imported.Method.Body, _codeSize);
    }

    public static void Check(ImportedMethod imported, DiagnosticSink sink) => new InstructionRules(imported, sink).Run();

    private MethodDefinition Method => _m.Method;

    private void Run()
    {
        var body = Method.Body;
        if (body.Variables.Count > 0 && !body.InitLocals)
            _sink.Report(VerifierError.InitLocals, 0);
        CheckTryEntries();
        for (_index = 0; _index < _code.Count; _index++)
        {
            if (_m.StackBefore[_index] is not { } stack) continue;
            _stack = stack;
            _ins = _code[_index];
            if (stack.Length > body.MaxStackSize)
                _sink.Report(VerifierError.StackOverflow, OffsetOfPush(), found: $"depth {stack.Length}", expected: $"at most .maxstack {body.MaxStackSize}");
            CheckInstruction();
            CheckControlFlow();
        }
    }

    /// <summary>The instruction that pushed the slot beyond .maxstack: the one before, when it falls through here.</summary>
    private int OffsetOfPush() =>
        _index > 0 && _m.StackBefore[_index - 1] is { } before && before.Length < _stack.Length ? _code[_index - 1].Offset : _ins.Offset;

    private bool ThisInitialized => !_m.TracksThisInitialization || _m.ThisInitializedBefore[_index];

    /// <summary>The slot <paramref name="fromTop"/> below the top (0 is the top).</summary>
    private StackEntry Arg(int fromTop) => _stack[_stack.Length - 1 - fromTop];

    private void Report(VerifierError error, string? found = null, string? expected = null, string? detail = null, VerificationClass? cls = null) =>
        _sink.Report(error, _ins.Offset, found, expected, detail, cls);

    private static string Show(TypeReference t) => TypeClassifier.ToStack(t).ToString();

    /// <summary>Reports <see cref="VerifierError.StackUnexpected"/> unless the slot may be stored where <paramref name="declared"/> is expected.</summary>
    private bool ExpectAssignable(StackEntry value, TypeReference declared, VerifierError error = VerifierError.StackUnexpected)
    {
        if (value.IsUninitializedThis)
        {
            Report(VerifierError.UninitStack, found: value.ToString());
            return false;
        }
        if (TypeCompatibility.IsAssignable(value, declared)) return true;
        Report(error, found: value.ToString(), expected: Show(declared));
        return false;
    }

    private void CheckTryEntries()
    {
        foreach (var t in _blocks.Tries)
        {
            var index = _m.IsInstructionStart(t.Start) ? _m.IndexOfOffset(t.Start) : -1;
            if (index >= 0 && _m.StackBefore[index] is { Length: > 0 } s)
                _sink.Report(VerifierError.TryNonEmptyStack, t.Start, found: $"depth {s.Length}", expected: "depth 0");
        }
    }

    /// <summary>Branches, leaves, fall-through and returns against the exception blocks (Partition I §12.4.2.8).</summary>
    private void CheckControlFlow()
    {
        var code = _ins.OpCode.Code;
        var flow = _ins.OpCode.FlowControl;
        if (code is Code.Leave or Code.Leave_S)
            CheckTransfer(((Instruction)_ins.Operand).Offset, ProtectedBlocks.Transfer.Leave);
        else if (flow is FlowControl.Branch or FlowControl.Cond_Branch)
        {
            if (_ins.Operand is Instruction target) CheckTransfer(target.Offset, ProtectedBlocks.Transfer.Branch);
            else if (_ins.Operand is Instruction[] targets)
                foreach (var t in targets) CheckTransfer(t.Offset, ProtectedBlocks.Transfer.Branch);
        }
        var fallsThrough = flow is FlowControl.Next or FlowControl.Cond_Branch or FlowControl.Call or FlowControl.Break or FlowControl.Meta;
        if (fallsThrough && _index + 1 < _code.Count && code != Code.Jmp)
            CheckTransfer(_code[_index + 1].Offset, ProtectedBlocks.Transfer.Fallthrough);
        switch (code)
        {
            case Code.Ret:
                if (_blocks.CheckReturn(_ins.Offset) is { } e) Report(e);
                break;
            case Code.Endfinally:
                if (_blocks.Innermost(_ins.Offset, BlockKind.Finally, BlockKind.Fault) is null) Report(VerifierError.Endfinally);
                break;
            case Code.Endfilter:
                if (_blocks.Innermost(_ins.Offset, BlockKind.Filter) is null) Report(VerifierError.Endfilter);
                else if (_stack.Length != 1) Report(VerifierError.EndfilterStack, found: $"depth {_stack.Length}", expected: "int32 alone");
                else if (Arg(0).Kind != StackKind.Int32) Report(VerifierError.StackUnexpected, found: Arg(0).ToString(), expected: "int32");
                break;
            case Code.Rethrow:
                if (_blocks.Innermost(_ins.Offset, BlockKind.Catch) is null || _blocks.Innermost(_ins.Offset, BlockKind.Filter) is not null)
                    Report(VerifierError.Rethrow);
                break;
        }
    }

    private void CheckTransfer(int target, ProtectedBlocks.Transfer how)
    {
        if (_blocks.IsEmpty) return;
        if (_blocks.Check(_ins.Offset, target, how) is { } error)
            Report(error, detail: $"to IL_{target:x4}");
    }
}
