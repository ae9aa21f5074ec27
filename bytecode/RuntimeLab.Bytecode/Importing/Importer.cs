using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Metadata;
using RuntimeLab.Bytecode.Verification;

namespace RuntimeLab.Bytecode.Importing;

/// <summary>
/// The IL importer: an abstract interpreter of a method's CIL over the stack types of
/// <see cref="StackKind"/>. It follows every path from the entry and from each handler, merges the
/// states where paths join, and records the state before every instruction (ECMA-335 Partition III
/// §1.7). One instantiation at a time: the context closes every type it meets.
/// </summary>
public sealed class Importer
{
    private readonly MethodDefinition _method;
    private readonly GenericContext _context;
    private readonly ImportedMethodBuilder _b;
    private readonly TypeSystem _types;
    /// <summary>Whether the constructor's <c>this</c> is initialized at the instruction being stepped
    /// (always true outside reference-type constructors).</summary>
    private bool _thisInitialized;

    private Importer(MethodDefinition method, GenericContext context)
    {
        _method = method;
        _context = context;
        _types = method.Module.TypeSystem;
        _b = new ImportedMethodBuilder(method, context);
    }

    public static ImportedMethod Import(MethodDefinition method, GenericContext context)
    {
        if (!method.HasBody)
            throw new ArgumentException($"{method.FullName} has no IL body", nameof(method));
        var importer = new Importer(method, context);
        try
        {
            return importer.Run();
        }
        catch (InvalidIlException e)
        {
            e.Partial = importer._b.Build();
            throw;
        }
    }

    private string MethodName => TypeNames.ShortMethod(_method);

    private ImportedMethod Run()
    {
        var instructions = _method.Body.Instructions;
        var work = new Stack<int>();
        // Only the runtime enters a handler or filter; a branch or fall-through into one is reported by
        // the verifier (BranchIntoHandler …) and must not be merged with the runtime's entry state.
        var handlerEntries = new HashSet<int>();
        var seeding = true;
        void Enter(int index, StackEntry[] state, bool thisInitialized, int fromOffset)
        {
            if (!seeding && handlerEntries.Contains(index) && fromOffset >= 0) return;
            var existing = _b.StackBefore[index];
            if (existing is null)
            {
                _b.StackBefore[index] = state;
                _b.ThisInitializedBefore[index] = thisInitialized;
                work.Push(index);
                return;
            }
            if (existing.Length != state.Length)
                throw new InvalidIlException(MethodName, instructions[index].Offset,
                    $"stack depth {state.Length} from IL_{fromOffset:x4} differs from depth {existing.Length} on another path", VerifierError.PathStackDepth);
            var merged = Merge(existing, state, instructions[index].Offset);
            // `this` is initialized at a join only if it is on every path into it.
            var thisChanged = _b.ThisInitializedBefore[index] && !thisInitialized;
            if (thisChanged) _b.ThisInitializedBefore[index] = false;
            if (merged is not null) _b.StackBefore[index] = merged;
            if (merged is not null || thisChanged) work.Push(index);
        }

        if (instructions.Count == 0)
            throw new InvalidIlException(MethodName, 0, "empty method body", VerifierError.CodeSizeZero);
        Enter(0, [], !_b.TracksThisInitialization, 0);
        foreach (var handler in _method.Body.ExceptionHandlers)
        {
            StackEntry[] entry = handler.HandlerType is ExceptionHandlerType.Catch
                ? [new StackEntry(StackKind.ObjRef, _context.Close(handler.CatchType))]
                : handler.HandlerType is ExceptionHandlerType.Filter ? [new StackEntry(StackKind.ObjRef, _types.Object)] : [];
            // Handlers start as if `this` were initialized; every instruction of the try then
            // lowers that to its own state (below), so the handler sees the meet of them all.
            Enter(_b.IndexOf(handler.HandlerStart), entry, true, -1);
            handlerEntries.Add(_b.IndexOf(handler.HandlerStart));
            if (handler.FilterStart is not null)
            {
                Enter(_b.IndexOf(handler.FilterStart), [new StackEntry(StackKind.ObjRef, _types.Object)], true, -1);
                handlerEntries.Add(_b.IndexOf(handler.FilterStart));
            }
        }
        seeding = false;

        while (work.Count > 0)
        {
            var index = work.Pop();
            var instruction = instructions[index];
            var stack = new List<StackEntry>(_b.StackBefore[index]!);
            _thisInitialized = _b.ThisInitializedBefore[index];
            if (_b.TracksThisInitialization && !_thisInitialized) ReachHandlersUninitialized(instruction, Enter);
            var flow = Step(index, instruction, stack);
            _b.NoteDepth(stack.Count);
            var after = stack.ToArray();
            if (flow.FallsThrough)
            {
                if (index + 1 >= instructions.Count)
                    throw new InvalidIlException(MethodName, instruction.Offset, "control falls through the end of the method", VerifierError.MethodFallthrough);
                Enter(index + 1, after, _thisInitialized, instruction.Offset);
            }
            foreach (var target in flow.Targets)
                Enter(_b.IndexOf(target), flow.EmptiesStack ? [] : after, _thisInitialized, instruction.Offset);
        }
        return _b.Build();
    }

    /// <summary>An exception can leave any instruction of a try: its handlers see `this` as it is there.</summary>
    private void ReachHandlersUninitialized(Instruction instruction, Action<int, StackEntry[], bool, int> enter)
    {
        foreach (var handler in _method.Body.ExceptionHandlers)
        {
            if (instruction.Offset < handler.TryStart.Offset || (handler.TryEnd is not null && instruction.Offset >= handler.TryEnd.Offset)) continue;
            var handlerIndex = _b.IndexOf(handler.HandlerStart);
            enter(handlerIndex, _b.StackBefore[handlerIndex]!, false, -1);
            if (handler.FilterStart is not null)
            {
                var filterIndex = _b.IndexOf(handler.FilterStart);
                enter(filterIndex, _b.StackBefore[filterIndex]!, false, -1);
            }
        }
    }

    /// <summary>The merge of two states (§1.8.1.3), or null when <paramref name="existing"/> already covers it.</summary>
    private StackEntry[]? Merge(StackEntry[] existing, StackEntry[] incoming, int offset)
    {
        StackEntry[]? merged = null;
        for (var i = 0; i < existing.Length; i++)
        {
            var a = existing[i];
            var b = incoming[i];
            if (a == b) continue;
            var kindA = a.Kind == StackKind.Float32 ? StackKind.Float64 : a.Kind;
            var kindB = b.Kind == StackKind.Float32 ? StackKind.Float64 : b.Kind;
            if (kindA != kindB && !(a.IsInteger && b.IsInteger && (a.Kind == StackKind.NativeInt || b.Kind == StackKind.NativeInt) && a.Kind != StackKind.Int64 && b.Kind != StackKind.Int64))
                throw new InvalidIlException(MethodName, offset, $"stack slot {i} is {a} on one path and {b} on another", VerifierError.PathStackUnexpected);
            if (a.IsUninitializedThis != b.IsUninitializedThis)
                throw new InvalidIlException(MethodName, offset, $"stack slot {i} is the uninitialized this on one path only", VerifierError.PathStackUnexpected);
            StackEntry m;
            if (a.Kind == StackKind.ObjRef)
                m = a.IsNullType ? b : b.IsNullType ? a : CommonSupertype(a, b);
            else if (a.Kind != b.Kind)
                m = a.Kind is StackKind.NativeInt or StackKind.Float64 ? a with { Type = null } : b with { Type = null };
            else if (a.Kind is StackKind.ByRef or StackKind.ValueType
                     && !(a.Kind == StackKind.ByRef ? TypeCompatibility.SameReferent(a.Type, b.Type) : TypeCompatibility.SameType(a.Type, b.Type)))
                throw new InvalidIlException(MethodName, offset, $"stack slot {i} is {a} on one path and {b} on another", VerifierError.PathStackUnexpected);
            else
                m = a.Type?.FullName == b.Type?.FullName ? a : a with { Type = a.Kind is StackKind.ValueType or StackKind.ByRef ? a.Type : null };
            // A byref that is read-only or points into this frame on one path is so at the join.
            m = m with { Flags = m.Flags | ((a.Flags | b.Flags) & (StackFlags.ReadOnly | StackFlags.LocalHome)) };
            if (m == a) continue;
            merged ??= (StackEntry[])existing.Clone();
            merged[i] = m;
        }
        return merged;
    }

    /// <summary>The closest common base class; interfaces and arrays meet at object (the verifier may refine this).</summary>
    private StackEntry CommonSupertype(StackEntry a, StackEntry b)
    {
        if (a.Type!.FullName == b.Type!.FullName) return a;
        // One side already covers the other (an interface and its implementer, a class and its base).
        if (TypeCompatibility.IsSubtype(b.Type, a.Type)) return a;
        if (TypeCompatibility.IsSubtype(a.Type, b.Type)) return b;
        var ancestorsOfA = new HashSet<string>();
        for (TypeReference? t = a.Type; t is not null; t = BaseOf(t)) ancestorsOfA.Add(t.FullName);
        for (TypeReference? t = b.Type; t is not null; t = BaseOf(t))
            if (ancestorsOfA.Contains(t.FullName))
                return new StackEntry(StackKind.ObjRef, t);
        return new StackEntry(StackKind.ObjRef, _types.Object);
    }

    private TypeReference? BaseOf(TypeReference t) => t is ArrayType ? _types.Object : TypeCompatibility.BaseOf(t);

    private readonly record struct Flow(bool FallsThrough, Instruction[] Targets, bool EmptiesStack = false)
    {
        public static readonly Flow Next = new(true, []);
        public static readonly Flow Stop = new(false, []);
    }

    private StackEntry Pop(List<StackEntry> s, Instruction at)
    {
        if (s.Count == 0)
            throw new InvalidIlException(MethodName, at.Offset, $"{at.OpCode.Name} pops from an empty stack",
                at.OpCode.Code == Code.Ret ? VerifierError.ReturnMissing : VerifierError.StackUnderflow);
        var e = s[^1];
        s.RemoveAt(s.Count - 1);
        return e;
    }

    private void PopN(List<StackEntry> s, int n, Instruction at)
    {
        for (var i = 0; i < n; i++) Pop(s, at);
    }

    private TypeReference Close(TypeReference t) => _context.Close(t);

    private static StackEntry BinaryNumericResult(StackEntry a, StackEntry b)
    {
        if (a.Kind == b.Kind) return new StackEntry(a.Kind, null);
        if (a.IsFloat && b.IsFloat) return StackEntry.Float64;
        // int32 op native int, and the byref arithmetic C# emits for unsafe code.
        if (a.Kind == StackKind.ByRef) return a;
        if (b.Kind == StackKind.ByRef) return b;
        return StackEntry.NativeInt;
    }

    private Flow Step(int index, Instruction ins, List<StackEntry> s)
    {
        switch (ins.OpCode.Code)
        {
            case Code.Nop: case Code.Break: case Code.Readonly: case Code.Tail: case Code.Volatile: case Code.Unaligned:
            case Code.Constrained: case Code.No:
                return Flow.Next;
            case Code.Ldarg_0: case Code.Ldarg_1: case Code.Ldarg_2: case Code.Ldarg_3:
                s.Add(LoadArgument(ins.OpCode.Code - Code.Ldarg_0, ins));
                return Flow.Next;
            case Code.Ldarg: case Code.Ldarg_S:
                s.Add(LoadArgument(ArgIndex(ins), ins));
                return Flow.Next;
            case Code.Ldarga: case Code.Ldarga_S:
                s.Add(new StackEntry(StackKind.ByRef, _b.ArgumentTypes[ArgIndex(ins)]) { Flags = StackFlags.LocalHome });
                return Flow.Next;
            case Code.Starg: case Code.Starg_S:
                Pop(s, ins);
                return Flow.Next;
            case Code.Ldloc_0: case Code.Ldloc_1: case Code.Ldloc_2: case Code.Ldloc_3:
                s.Add(TypeClassifier.ToStack(Local(ins.OpCode.Code - Code.Ldloc_0, ins)));
                return Flow.Next;
            case Code.Ldloc: case Code.Ldloc_S:
                s.Add(TypeClassifier.ToStack(Local(LocalIndex(ins), ins)));
                return Flow.Next;
            case Code.Ldloca: case Code.Ldloca_S:
                s.Add(new StackEntry(StackKind.ByRef, Unpinned(Local(LocalIndex(ins), ins))) { Flags = StackFlags.LocalHome });
                return Flow.Next;
            case Code.Stloc_0: case Code.Stloc_1: case Code.Stloc_2: case Code.Stloc_3:
                _ = Local(ins.OpCode.Code - Code.Stloc_0, ins);
                Pop(s, ins);
                return Flow.Next;
            case Code.Stloc: case Code.Stloc_S:
                _ = Local(LocalIndex(ins), ins);
                Pop(s, ins);
                return Flow.Next;
            case Code.Ldnull:
                s.Add(StackEntry.Null);
                return Flow.Next;
            case Code.Ldc_I4_M1: case Code.Ldc_I4_0: case Code.Ldc_I4_1: case Code.Ldc_I4_2: case Code.Ldc_I4_3: case Code.Ldc_I4_4:
            case Code.Ldc_I4_5: case Code.Ldc_I4_6: case Code.Ldc_I4_7: case Code.Ldc_I4_8: case Code.Ldc_I4_S: case Code.Ldc_I4:
                s.Add(StackEntry.Int32);
                return Flow.Next;
            case Code.Ldc_I8: s.Add(StackEntry.Int64); return Flow.Next;
            case Code.Ldc_R4: s.Add(StackEntry.Float32); return Flow.Next;
            case Code.Ldc_R8: s.Add(StackEntry.Float64); return Flow.Next;
            case Code.Dup: s.Add(s.Count > 0 ? s[^1] : Pop(s, ins)); return Flow.Next;
            case Code.Pop: Pop(s, ins); return Flow.Next;
            case Code.Jmp: return Flow.Stop;
            case Code.Call: case Code.Callvirt: case Code.Newobj:
            {
                var callee = new CalleeSignature((MethodReference)ins.Operand, _context);
                _b.Callees[index] = callee;
                PopN(s, callee.Parameters.Count, ins);
                if (ins.OpCode.Code == Code.Newobj)
                {
                    s.Add(TypeClassifier.ToStack(callee.DeclaringType));
                    return Flow.Next;
                }
                if (callee.HasThis && Pop(s, ins).IsUninitializedThis && ins.OpCode.Code == Code.Call && callee.Reference.Name == ".ctor")
                    _thisInitialized = true; // the base (or another of this type's) constructor ran

                if (callee.ReturnType.MetadataType != MetadataType.Void) s.Add(TypeClassifier.ToStack(callee.ReturnType));
                return Flow.Next;
            }
            case Code.Calli:
            {
                var site = (CallSite)ins.Operand;
                Pop(s, ins);
                PopN(s, site.Parameters.Count + (site.HasThis ? 1 : 0), ins);
                if (Close(site.ReturnType).MetadataType != MetadataType.Void) s.Add(TypeClassifier.ToStack(Close(site.ReturnType)));
                return Flow.Next;
            }
            case Code.Ret:
                if (_b.ReturnType.MetadataType != MetadataType.Void) Pop(s, ins);
                if (s.Count != 0)
                    throw new InvalidIlException(MethodName, ins.Offset, $"ret with {s.Count} extra value(s) on the stack",
                        _b.ReturnType.MetadataType == MetadataType.Void ? VerifierError.ReturnVoid : VerifierError.ReturnEmpty);
                return Flow.Stop;
            case Code.Br: case Code.Br_S:
                return new Flow(false, [(Instruction)ins.Operand]);
            case Code.Brfalse: case Code.Brfalse_S: case Code.Brtrue: case Code.Brtrue_S:
                Pop(s, ins);
                return new Flow(true, [(Instruction)ins.Operand]);
            case Code.Beq: case Code.Beq_S: case Code.Bge: case Code.Bge_S: case Code.Bgt: case Code.Bgt_S:
            case Code.Ble: case Code.Ble_S: case Code.Blt: case Code.Blt_S: case Code.Bne_Un: case Code.Bne_Un_S:
            case Code.Bge_Un: case Code.Bge_Un_S: case Code.Bgt_Un: case Code.Bgt_Un_S: case Code.Ble_Un: case Code.Ble_Un_S:
            case Code.Blt_Un: case Code.Blt_Un_S:
                PopN(s, 2, ins);
                return new Flow(true, [(Instruction)ins.Operand]);
            case Code.Switch:
                Pop(s, ins);
                return new Flow(true, (Instruction[])ins.Operand);
            case Code.Ldind_I1: case Code.Ldind_U1: case Code.Ldind_I2: case Code.Ldind_U2: case Code.Ldind_I4: case Code.Ldind_U4:
                Pop(s, ins); s.Add(StackEntry.Int32); return Flow.Next;
            case Code.Ldind_I8: Pop(s, ins); s.Add(StackEntry.Int64); return Flow.Next;
            case Code.Ldind_I: Pop(s, ins); s.Add(StackEntry.NativeInt); return Flow.Next;
            case Code.Ldind_R4: Pop(s, ins); s.Add(StackEntry.Float32); return Flow.Next;
            case Code.Ldind_R8: Pop(s, ins); s.Add(StackEntry.Float64); return Flow.Next;
            case Code.Ldind_Ref:
            {
                var address = Pop(s, ins);
                s.Add(address.Kind == StackKind.ByRef && address.Type is not null ? TypeClassifier.ToStack(address.Type) : new StackEntry(StackKind.ObjRef, _types.Object));
                return Flow.Next;
            }
            case Code.Stind_Ref: case Code.Stind_I1: case Code.Stind_I2: case Code.Stind_I4: case Code.Stind_I8:
            case Code.Stind_R4: case Code.Stind_R8: case Code.Stind_I:
                PopN(s, 2, ins); return Flow.Next;
            case Code.Add: case Code.Sub: case Code.Mul: case Code.Div: case Code.Div_Un: case Code.Rem: case Code.Rem_Un:
            case Code.And: case Code.Or: case Code.Xor: case Code.Add_Ovf: case Code.Add_Ovf_Un: case Code.Mul_Ovf:
            case Code.Mul_Ovf_Un: case Code.Sub_Ovf: case Code.Sub_Ovf_Un:
            {
                var b = Pop(s, ins);
                var a = Pop(s, ins);
                var r = BinaryNumericResult(a, b);
                if (ins.OpCode.Code == Code.Sub && a.Kind == StackKind.ByRef && b.Kind == StackKind.ByRef) r = StackEntry.NativeInt;
                s.Add(r);
                return Flow.Next;
            }
            case Code.Shl: case Code.Shr: case Code.Shr_Un:
            {
                Pop(s, ins);
                var value = Pop(s, ins);
                s.Add(new StackEntry(value.Kind, null));
                return Flow.Next;
            }
            case Code.Neg: case Code.Not:
            {
                var value = Pop(s, ins);
                s.Add(new StackEntry(value.Kind, null));
                return Flow.Next;
            }
            case Code.Conv_I1: case Code.Conv_I2: case Code.Conv_I4: case Code.Conv_U1: case Code.Conv_U2: case Code.Conv_U4:
            case Code.Conv_Ovf_I1: case Code.Conv_Ovf_I2: case Code.Conv_Ovf_I4: case Code.Conv_Ovf_U1: case Code.Conv_Ovf_U2: case Code.Conv_Ovf_U4:
            case Code.Conv_Ovf_I1_Un: case Code.Conv_Ovf_I2_Un: case Code.Conv_Ovf_I4_Un: case Code.Conv_Ovf_U1_Un: case Code.Conv_Ovf_U2_Un: case Code.Conv_Ovf_U4_Un:
                Pop(s, ins); s.Add(StackEntry.Int32); return Flow.Next;
            case Code.Conv_I8: case Code.Conv_U8: case Code.Conv_Ovf_I8: case Code.Conv_Ovf_U8: case Code.Conv_Ovf_I8_Un: case Code.Conv_Ovf_U8_Un:
                Pop(s, ins); s.Add(StackEntry.Int64); return Flow.Next;
            case Code.Conv_I: case Code.Conv_U: case Code.Conv_Ovf_I: case Code.Conv_Ovf_U: case Code.Conv_Ovf_I_Un: case Code.Conv_Ovf_U_Un:
                Pop(s, ins); s.Add(StackEntry.NativeInt); return Flow.Next;
            case Code.Conv_R4: Pop(s, ins); s.Add(StackEntry.Float32); return Flow.Next;
            case Code.Conv_R8: case Code.Conv_R_Un: Pop(s, ins); s.Add(StackEntry.Float64); return Flow.Next;
            case Code.Ckfinite: return Flow.Next;
            case Code.Ceq: case Code.Cgt: case Code.Cgt_Un: case Code.Clt: case Code.Clt_Un:
                PopN(s, 2, ins); s.Add(StackEntry.Int32); return Flow.Next;
            case Code.Cpobj: PopN(s, 2, ins); return Flow.Next;
            case Code.Ldobj:
                Pop(s, ins); s.Add(TypeClassifier.ToStack(Close((TypeReference)ins.Operand))); return Flow.Next;
            case Code.Stobj: PopN(s, 2, ins); return Flow.Next;
            case Code.Ldstr: s.Add(new StackEntry(StackKind.ObjRef, _types.String)); return Flow.Next;
            case Code.Castclass: case Code.Isinst:
                Pop(s, ins); s.Add(new StackEntry(StackKind.ObjRef, Close((TypeReference)ins.Operand))); return Flow.Next;
            case Code.Unbox:
                Pop(s, ins); s.Add(new StackEntry(StackKind.ByRef, Close((TypeReference)ins.Operand))); return Flow.Next;
            case Code.Unbox_Any:
                Pop(s, ins); s.Add(TypeClassifier.ToStack(Close((TypeReference)ins.Operand))); return Flow.Next;
            case Code.Box:
            {
                Pop(s, ins);
                var t = Close((TypeReference)ins.Operand);
                // A boxed value keeps its type (Partition III §1.8.1.1): the verifier needs it to see that
                // a boxed enumerator is an IEnumerator. The interpreter reads no type from object references.
                s.Add(new StackEntry(StackKind.ObjRef, t));
                return Flow.Next;
            }
            case Code.Throw: Pop(s, ins); return Flow.Stop;
            case Code.Rethrow: return Flow.Stop;
            case Code.Ldfld:
            {
                Pop(s, ins);
                s.Add(TypeClassifier.ToStack(FieldType((FieldReference)ins.Operand)));
                return Flow.Next;
            }
            case Code.Ldflda:
            {
                // A field of a struct in this frame lives in this frame too.
                var holder = Pop(s, ins);
                s.Add(new StackEntry(StackKind.ByRef, FieldType((FieldReference)ins.Operand)) { Flags = holder.Flags & StackFlags.LocalHome });
                return Flow.Next;
            }
            case Code.Stfld: PopN(s, 2, ins); return Flow.Next;
            case Code.Ldsfld: s.Add(TypeClassifier.ToStack(FieldType((FieldReference)ins.Operand))); return Flow.Next;
            case Code.Ldsflda: s.Add(new StackEntry(StackKind.ByRef, FieldType((FieldReference)ins.Operand))); return Flow.Next;
            case Code.Stsfld: Pop(s, ins); return Flow.Next;
            case Code.Newarr:
                Pop(s, ins); s.Add(new StackEntry(StackKind.ObjRef, new ArrayType(Close((TypeReference)ins.Operand)))); return Flow.Next;
            case Code.Ldlen: Pop(s, ins); s.Add(StackEntry.NativeInt); return Flow.Next;
            case Code.Ldelema:
            {
                PopN(s, 2, ins);
                var readOnly = index > 0 && _method.Body.Instructions[index - 1].OpCode.Code == Code.Readonly;
                s.Add(new StackEntry(StackKind.ByRef, Close((TypeReference)ins.Operand)) { Flags = readOnly ? StackFlags.ReadOnly : StackFlags.None });
                return Flow.Next;
            }
            case Code.Ldelem_I1: case Code.Ldelem_U1: case Code.Ldelem_I2: case Code.Ldelem_U2: case Code.Ldelem_I4: case Code.Ldelem_U4:
                PopN(s, 2, ins); s.Add(StackEntry.Int32); return Flow.Next;
            case Code.Ldelem_I8: PopN(s, 2, ins); s.Add(StackEntry.Int64); return Flow.Next;
            case Code.Ldelem_I: PopN(s, 2, ins); s.Add(StackEntry.NativeInt); return Flow.Next;
            case Code.Ldelem_R4: PopN(s, 2, ins); s.Add(StackEntry.Float32); return Flow.Next;
            case Code.Ldelem_R8: PopN(s, 2, ins); s.Add(StackEntry.Float64); return Flow.Next;
            case Code.Ldelem_Ref:
            {
                Pop(s, ins);
                var array = Pop(s, ins);
                s.Add(array.Type is ArrayType at ? TypeClassifier.ToStack(at.ElementType) : new StackEntry(StackKind.ObjRef, _types.Object));
                return Flow.Next;
            }
            case Code.Ldelem_Any:
                PopN(s, 2, ins); s.Add(TypeClassifier.ToStack(Close((TypeReference)ins.Operand))); return Flow.Next;
            case Code.Stelem_I: case Code.Stelem_I1: case Code.Stelem_I2: case Code.Stelem_I4: case Code.Stelem_I8:
            case Code.Stelem_R4: case Code.Stelem_R8: case Code.Stelem_Ref: case Code.Stelem_Any:
                PopN(s, 3, ins); return Flow.Next;
            case Code.Refanyval: Pop(s, ins); s.Add(new StackEntry(StackKind.ByRef, Close((TypeReference)ins.Operand))); return Flow.Next;
            case Code.Mkrefany: Pop(s, ins); s.Add(new StackEntry(StackKind.ValueType, _types.TypedReference)); return Flow.Next;
            case Code.Refanytype: Pop(s, ins); s.Add(new StackEntry(StackKind.ValueType, Close(RuntimeTypeHandleOf()))); return Flow.Next;
            case Code.Ldtoken:
                s.Add(new StackEntry(StackKind.ValueType, TokenHandleType(ins.Operand)));
                return Flow.Next;
            case Code.Endfinally:
                return new Flow(false, [], EmptiesStack: true);
            case Code.Endfilter:
                Pop(s, ins);
                return Flow.Stop;
            case Code.Leave: case Code.Leave_S:
                s.Clear();
                return new Flow(false, [(Instruction)ins.Operand], EmptiesStack: true);
            case Code.Ldftn: s.Add(StackEntry.NativeInt); _b.Callees[index] = new CalleeSignature((MethodReference)ins.Operand, _context); return Flow.Next;
            case Code.Ldvirtftn: Pop(s, ins); s.Add(StackEntry.NativeInt); _b.Callees[index] = new CalleeSignature((MethodReference)ins.Operand, _context); return Flow.Next;
            case Code.Localloc: Pop(s, ins); s.Add(StackEntry.NativeInt); return Flow.Next;
            case Code.Initobj: Pop(s, ins); return Flow.Next;
            case Code.Cpblk: case Code.Initblk: PopN(s, 3, ins); return Flow.Next;
            case Code.Sizeof: s.Add(StackEntry.Int32); return Flow.Next;
            case Code.Arglist: s.Add(StackEntry.NativeInt); return Flow.Next;
            default:
                throw new InvalidIlException(MethodName, ins.Offset, $"unknown opcode {ins.OpCode.Name}", VerifierError.UnknownOpcode);
        }
    }

    private int ArgIndex(Instruction ins) => ins.Operand is ParameterDefinition p
        ? p.Index + (_method.HasThis ? 1 : 0) // `this` has index -1
        : throw new InvalidIlException(MethodName, ins.Offset, $"{ins.OpCode.Name} names no argument of this method", VerifierError.UnrecognizedArgumentNumber);

    /// <summary>An argument as pushed; in a constructor, <c>this</c> before the base constructor ran is marked uninitialized.</summary>
    private StackEntry LoadArgument(int index, Instruction ins)
    {
        if (index >= _b.ArgumentTypes.Length)
            throw new InvalidIlException(MethodName, ins.Offset, $"{ins.OpCode.Name} names argument {index}, the method has {_b.ArgumentTypes.Length}", VerifierError.UnrecognizedArgumentNumber);
        var entry = TypeClassifier.ToStack(_b.ArgumentTypes[index]);
        return index == 0 && _b.TracksThisInitialization && !_thisInitialized ? entry with { Flags = StackFlags.UninitializedThis } : entry;
    }

    private int LocalIndex(Instruction ins) => ins.Operand is VariableDefinition v ? v.Index
        : throw new InvalidIlException(MethodName, ins.Offset, $"{ins.OpCode.Name} names no local of this method", VerifierError.UnrecognizedLocalNumber);

    private TypeReference Local(int index, Instruction ins) => index < _b.LocalTypes.Length ? _b.LocalTypes[index]
        : throw new InvalidIlException(MethodName, ins.Offset, $"{ins.OpCode.Name} names local {index}, the method has {_b.LocalTypes.Length}", VerifierError.UnrecognizedLocalNumber);

    private static TypeReference Unpinned(TypeReference t) => t is PinnedType p ? p.ElementType : t;

    private TypeReference FieldType(FieldReference field)
    {
        // A field's signature speaks of its declaring type's parameters (!0), never the caller's.
        var declaring = Close(field.DeclaringType);
        return GenericContext.OfType(declaring).Close(field.FieldType);
    }

    private TypeReference RuntimeTypeHandleOf() => new TypeReference("System", "RuntimeTypeHandle", _types.Object.Module, _types.CoreLibrary, true);

    private TypeReference TokenHandleType(object operand) => operand switch
    {
        FieldReference => new TypeReference("System", "RuntimeFieldHandle", _types.Object.Module, _types.CoreLibrary, true),
        MethodReference => new TypeReference("System", "RuntimeMethodHandle", _types.Object.Module, _types.CoreLibrary, true),
        _ => RuntimeTypeHandleOf(),
    };
}
