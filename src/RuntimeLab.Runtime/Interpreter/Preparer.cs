using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Metadata;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// Turns an imported method into prepared instructions (<see cref="Instr"/>): each stack entry
/// gets the frame slot the importer's depth gives it, and each IL instruction becomes one or a few
/// operations specialized by the stack types the importer recorded.
/// </summary>
internal sealed unsafe partial class Preparer
{
    private readonly VirtualMachine _vm;
    private readonly RuntimeMethod _method;
    private readonly ImportedMethod _imp;
    private readonly List<Instr> _code = [];
    private readonly List<object> _tokens = [];
    private readonly List<int> _ilIndexOfPc = [];
    private readonly int[] _pcOfIl;
    private readonly List<(int Pc, Instruction Target)> _fixups = [];
    private readonly int[] _localSlot;
    private readonly RuntimeType[] _localTypes;
    private readonly int _evalStart;
    private int _scratchSlots; // temporaries beyond the locals (struct newobj targets)
    private int _maxEvalSlots;
    private int _ilIndex;
    private int _ilOffset;

    private TypeLoader Types => _vm.Types;

    private Preparer(VirtualMachine vm, RuntimeMethod method, ImportedMethod imported)
    {
        _vm = vm;
        _method = method;
        _imp = imported;
        _pcOfIl = new int[imported.Instructions.Count];
        _localTypes = imported.LocalTypes.Select(t => Types.Get(t)).ToArray();
        _localSlot = new int[_localTypes.Length];
        var next = method.ArgumentSlots;
        for (var i = 0; i < _localTypes.Length; i++)
        {
            _localSlot[i] = next;
            next += Math.Max(1, _localTypes[i].Slots);
        }
        _evalStart = next;
    }

    public static PreparedMethod Prepare(VirtualMachine vm, RuntimeMethod method)
    {
        vm.Types.EnsureSignature(method);
        var imported = VerificationGate.BeforeFirstRun(method.Definition, method.Context, vm.Options.Verify)
            ?? Importer.Import(method.Definition, method.Context);
        try
        {
            return new Preparer(vm, method, imported).Run();
        }
        catch (UnsupportedMemberException e) when (e.Caller is null)
        {
            // A local of a type the base library lacks: the method cannot run at all.
            throw new UnsupportedMemberException(e.Member, method.DisplayName);
        }
    }

    private string Caller => _method.DisplayName;

    private PreparedMethod Run()
    {
        // Temporaries for struct newobj live with the locals so callee frames never overlap them.
        var tempBase = _evalStart;
        var instructions = _imp.Instructions;
        var tempsNeeded = 0;
        for (var i = 0; i < instructions.Count; i++)
            if (instructions[i].OpCode.Code == Code.Newobj && _imp.Callees[i] is { } c && TypeClassifier.IsValueType(c.DeclaringType) && _imp.StackBefore[i] is not null)
                tempsNeeded = Math.Max(tempsNeeded, Types.Get(c.DeclaringType).Slots);
        _scratchSlots = tempsNeeded;
        var evalStart = tempBase + _scratchSlots;
        _newValueTemp = tempBase;
        _evalBase = evalStart;

        InitAliases();
        var loopHeaders = LoopHeaders();
        for (_ilIndex = 0; _ilIndex < instructions.Count; _ilIndex++)
        {
            _pcOfIl[_ilIndex] = _code.Count;
            var stack = _imp.StackBefore[_ilIndex];
            // Branches to the header reach the count first: it is the first operation of its IL instruction.
            if (loopHeaders?[_ilIndex] == true && stack is { Length: 0 }) Emit(Op.LoopHeader);
            var ins = instructions[_ilIndex];
            _ilOffset = ins.Offset;
            if (stack is null) // unreachable
            {
                _alias.Clear();
                continue;
            }
            _stack = stack;
            _positions = Positions(stack);
            _aliasedAt[_ilIndex] = _alias.Count == 0 ? null : _alias.Keys.ToArray();
            var pops = AliasAwarePops(ins.OpCode.Code) ?? (IsBoxOfReference(ins) ? 0 : null);
            if (pops is null && CallArgumentCount(ins) is int arguments)
            {
                MaterializeTop(arguments);
                pops = arguments;
            }
            else if (pops is null) MaterializeAll();
            try
            {
                EmitInstruction(ins);
                AfterInstruction(ins, pops);
            }
            catch (UnsupportedMemberException e)
            {
                // A member the base library lacks is reported when the program reaches it, not when
                // the method that mentions it is prepared: the rest of the method still runs.
                // Name what the program asked for (the method or field), not the missing type behind it.
                var member = ins.Operand switch
                {
                    MethodReference m => TypeNames.Method(m),
                    FieldReference f => $"{TypeNames.Display(f.DeclaringType)}.{f.Name}",
                    _ => e.Member,
                };
                // A compiler-generated member (a lambda cache field such as P.<>c.<>9__0_0) means
                // nothing to the programmer: name the missing type behind it instead.
                if (member.Contains('<')) member = e.Member;
                EmitUnsupportedException(e.Caller is null || member != e.Member ? new UnsupportedMemberException(member, Caller) : e);
                _alias.Clear();
            }
        }
        foreach (var (pc, target) in _fixups)
        {
            var ins = _code[pc];
            ins.Imm = _pcOfIl[_imp.IndexOf(target)];
            _code[pc] = ins;
        }
        foreach (var (table, targets) in _switchFixups)
            for (var i = 0; i < targets.Length; i++) table[i] = _pcOfIl[_imp.IndexOf(targets[i])];
        var handlers = _method.Definition.Body.ExceptionHandlers.Select(h => new Handler
        {
            Kind = h.HandlerType switch
            {
                ExceptionHandlerType.Catch => HandlerKind.Catch, ExceptionHandlerType.Filter => HandlerKind.Filter,
                ExceptionHandlerType.Finally => HandlerKind.Finally, _ => HandlerKind.Fault,
            },
            TryStart = PcOf(h.TryStart), TryEnd = PcOf(h.TryEnd),
            HandlerStart = PcOf(h.HandlerStart), HandlerEnd = PcOf(h.HandlerEnd),
            FilterStart = h.FilterStart is null ? -1 : PcOf(h.FilterStart),
            CatchType = h.CatchType is null ? null : Types.Get(_method.Context.Close(h.CatchType)),
        }).ToArray();
        var frameSlots = _evalBase + _maxEvalSlots + 2;
        return new PreparedMethod
        {
            Method = _method,
            Imported = _imp,
            Code = _code.ToArray(),
            Tokens = _tokens.ToArray(),
            LocalsStart = _method.ArgumentSlots,
            EvalStart = _evalBase,
            FrameSlots = frameSlots,
            LocalSlot = _localSlot,
            LocalTypes = _localTypes,
            Handlers = handlers,
            PcOfIlIndex = _pcOfIl,
            IlIndexOfPc = _ilIndexOfPc.ToArray(),
            FixedRoots = FixedRoots(),
            StackRootsAt = StackRootsAt,
        };
    }

    private int _newValueTemp;
    private int _evalBase;
    private StackEntry[] _stack = [];
    private int[] _positions = [];

    private int PcOf(Instruction? ins) => ins is null ? _code.Count : _pcOfIl[_imp.IndexOf(ins)];

    /// <summary>Slot of each stack entry, bottom first, plus the first free slot at the end.</summary>
    private int[] Positions(StackEntry[] stack)
    {
        var positions = new int[stack.Length + 1];
        var at = _evalBase;
        for (var i = 0; i < stack.Length; i++)
        {
            positions[i] = at;
            at += SlotsOf(stack[i]);
        }
        positions[stack.Length] = at;
        _maxEvalSlots = Math.Max(_maxEvalSlots, at - _evalBase + 2);
        return positions;
    }

    private int SlotsOf(StackEntry e) => e.Kind == StackKind.ValueType ? Math.Max(1, Types.Get(e.Type!).Slots) : 1;

    /// <summary>Slot of the entry <paramref name="fromTop"/> places below the top (0 = top).</summary>
    private int Slot(int fromTop) => _positions[_stack.Length - 1 - fromTop];
    private StackEntry Entry(int fromTop) => _stack[_stack.Length - 1 - fromTop];
    /// <summary>The slot where a result lands after popping <paramref name="popped"/> entries.</summary>
    private int ResultSlot(int popped) => _positions[_stack.Length - popped];

    private int Token(object o)
    {
        _tokens.Add(o);
        return _tokens.Count - 1;
    }

    private void Emit(Op op, int a = 0, int b = 0, int c = 0, long imm = 0, int token = -1)
    {
        _code.Add(new Instr { Op = op, A = a, B = b, C = c, Imm = imm, Token = token, IlOffset = _ilOffset });
        _ilIndexOfPc.Add(_ilIndex);
    }

    /// <summary>
    /// In tiered mode, the IL instructions a backward branch targets (loop headers), where the interpreter
    /// counts iterations for on-stack replacement; null otherwise (nothing to count, nothing to pay).
    /// Methods with exception clauses get no on-stack replacement: an exception leaving the compiled
    /// continuation would meet their handlers twice (in the code that handles it for the compiled
    /// frame, and again in the interpreter frame that entered it), so their loops are not counted.
    /// </summary>
    private bool[]? LoopHeaders()
    {
        if (_vm.Options.Tier != Jit.TierMode.Tiered || _method.Definition.Body.HasExceptionHandlers) return null;
        var instructions = _imp.Instructions;
        var headers = new bool[instructions.Count];
        for (var i = 0; i < instructions.Count; i++)
        {
            switch (instructions[i].Operand)
            {
                case Instruction target when _imp.IndexOf(target) <= i: headers[_imp.IndexOf(target)] = true; break;
                case Instruction[] targets:
                    foreach (var t in targets) if (_imp.IndexOf(t) <= i) headers[_imp.IndexOf(t)] = true;
                    break;
            }
        }
        return headers;
    }

    private void EmitBranch(Op op, Instruction target, int a = 0, int b = 0)
    {
        _fixups.Add((_code.Count, target));
        Emit(op, a, b);
    }

    private GcSlots FixedRoots()
    {
        var refs = new List<int>();
        var interiors = new List<int>();
        for (var i = 0; i < _method.Arguments.Length; i++)
            AddRoots(_method.Arguments[i], _method.ArgumentSlot[i], refs, interiors);
        for (var i = 0; i < _localTypes.Length; i++)
            AddRoots(_localTypes[i], _localSlot[i], refs, interiors);
        return new GcSlots(refs.ToArray(), interiors.ToArray());
    }

    /// <summary>newobj of arrays, strings and delegates is done by the runtime in place, without a shift.</summary>
    private static bool ShiftsArguments(CalleeSignature ctor) =>
        ctor.DeclaringType is not ArrayType && ctor.DeclaringType.MetadataType != MetadataType.String
        && ctor.DeclaringType.Resolve()?.BaseType?.FullName != "System.MulticastDelegate";

    private static void AddRoots(RuntimeType type, int slot, List<int> refs, List<int> interiors)
    {
        if (type.IsReferenceType) refs.Add(slot * 8);
        else if (type.Reference is ByReferenceType) interiors.Add(slot * 8);
        else if (type.IsValueType)
        {
            foreach (var o in type.ValueRefOffsets) refs.Add(slot * 8 + o);
            foreach (var o in type.ValueByRefOffsets) interiors.Add(slot * 8 + o);
        }
    }

    /// <summary>The evaluation-stack roots before IL instruction <paramref name="ilIndex"/>, as byte offsets from fp.</summary>
    private GcSlots StackRootsAt(int ilIndex)
    {
        var stack = _imp.StackBefore[ilIndex];
        if (stack is null) return GcSlots.None;
        var refs = new List<int>();
        var interiors = new List<int>();
        var at = _evalBase;
        // newobj moves its arguments up a slot to make room for `this` before it allocates: its map
        // describes them where they are then, with `this` (null, then the new object) first.
        var ctor = _imp.Instructions[ilIndex].OpCode.Code == Code.Newobj && _imp.Callees[ilIndex] is { } c && ShiftsArguments(c) ? c : null;
        var below = ctor is null ? stack.Length : stack.Length - ctor.Parameters.Count;
        // A virtual call replaces a boxed struct `this` with a pointer to its value, and constrained
        // calls replace a byref `this` with the object: that slot is reported as an interior pointer,
        // which covers both an object and a pointer into one.
        var code = _imp.Instructions[ilIndex].OpCode.Code;
        var thisSlot = code is Code.Callvirt or Code.Call && _imp.Callees[ilIndex] is { HasThis: true } virt
            ? stack.Length - 1 - virt.Parameters.Count : -1;
        var aliased = _aliasedAt[ilIndex];
        for (var i = 0; i < stack.Length; i++)
        {
            if (aliased is not null && Array.IndexOf(aliased, i) >= 0)
            {
                // Still the local's value, which the frame's fixed roots report.
                at += SlotsOf(stack[i]);
                continue;
            }
            if (i == thisSlot)
            {
                interiors.Add(at * 8);
                at += SlotsOf(stack[i]);
                continue;
            }
            if (i == below)
            {
                if (TypeClassifier.IsValueType(ctor!.DeclaringType)) interiors.Add(at * 8);
                else refs.Add(at * 8);
                at++;
            }
            var e = stack[i];
            switch (e.Kind)
            {
                case StackKind.ObjRef: refs.Add(at * 8); break;
                case StackKind.ByRef: interiors.Add(at * 8); break;
                case StackKind.ValueType: AddRoots(Types.Get(e.Type!), at, refs, interiors); break;
            }
            at += SlotsOf(e);
        }
        if (below == stack.Length && ctor is not null)
        {
            if (TypeClassifier.IsValueType(ctor.DeclaringType)) interiors.Add(at * 8);
            else refs.Add(at * 8);
        }
        // A struct under construction lives in the shared temporary only while its constructor runs.
        if (ctor is not null && TypeClassifier.IsValueType(ctor.DeclaringType))
            AddRoots(Types.Get(ctor.DeclaringType), _newValueTemp, refs, interiors);
        return new GcSlots(refs.ToArray(), interiors.ToArray());
    }
}
