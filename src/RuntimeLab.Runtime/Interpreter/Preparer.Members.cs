using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Metadata;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>Fields, elements, boxing, calls, exceptions: the instructions that name a member or a type.</summary>
internal sealed unsafe partial class Preparer
{
    private RuntimeField ResolveField(FieldReference reference)
    {
        var declaring = Types.Get(Close(reference.DeclaringType));
        for (var t = declaring; t is not null; t = t.BaseType)
        {
            var fields = reference.Resolve()?.IsStatic == true ? StaticFieldsOf(t) : t.InstanceFields;
            foreach (var f in fields)
                if (f.Name == reference.Name) return f;
        }
        throw new UnsupportedMemberException($"{TypeNames.Display(reference.DeclaringType)}.{reference.Name}", Caller, "field not found");
    }

    private RuntimeField[] StaticFieldsOf(RuntimeType t)
    {
        Types.EnsureStatics(t);
        return t.StaticFields;
    }

    private void EmitLoadField(Instruction ins)
    {
        var f = ResolveField((FieldReference)ins.Operand);
        var holder = Entry(0);
        if (holder.Kind == StackKind.ValueType)
        {
            // The struct itself is on the stack: its field is at a known slot offset.
            var scratch = _positions[^1];
            Emit(Op.LdSlotAddr, scratch, Slot(0));
            EmitLoadThrough(f.FieldType, Slot(0), scratch, f.Offset);
            return;
        }
        EmitLoadThrough(f.FieldType, Slot(0), Src(0), f.Offset);
    }

    /// <summary>A = *(B + offset) for a value of <paramref name="type"/>, normalized to its stack form.</summary>
    private void EmitLoadThrough(RuntimeType type, int dst, int addressSlot, int offset)
    {
        var op = type.Primitive switch
        {
            PrimitiveKind.SByte => Op.LoadI1,
            PrimitiveKind.Byte or PrimitiveKind.Boolean => Op.LoadU1,
            PrimitiveKind.Int16 => Op.LoadI2,
            PrimitiveKind.UInt16 or PrimitiveKind.Char => Op.LoadU2,
            PrimitiveKind.Int32 => Op.LoadI4,
            PrimitiveKind.UInt32 => Op.LoadU4,
            PrimitiveKind.Single => Op.LoadR4,
            PrimitiveKind.Double => Op.LoadR8,
            PrimitiveKind.Int64 or PrimitiveKind.UInt64 or PrimitiveKind.IntPtr or PrimitiveKind.UIntPtr => Op.LoadI8,
            _ => type.IsValueType ? Op.LoadN : Op.LoadI8,
        };
        if (type.IsEnum) op = EnumLoad(type);
        Emit(op, dst, addressSlot, op == Op.LoadN ? type.ValueSize : 0, imm: offset);
    }

    private Op EnumLoad(RuntimeType enumType)
    {
        var stub = enumType.ElementType!;
        return stub.Primitive switch
        {
            PrimitiveKind.SByte => Op.LoadI1, PrimitiveKind.Byte or PrimitiveKind.Boolean => Op.LoadU1,
            PrimitiveKind.Int16 => Op.LoadI2, PrimitiveKind.UInt16 or PrimitiveKind.Char => Op.LoadU2,
            PrimitiveKind.Int32 => Op.LoadI4, PrimitiveKind.UInt32 => Op.LoadU4, _ => Op.LoadI8,
        };
    }

    /// <summary>*(A + offset) = B for a value of <paramref name="type"/>.</summary>
    private void EmitStoreThrough(RuntimeType type, int addressSlot, int valueSlot, int offset, StackEntry value)
    {
        var prim = type.IsEnum ? type.ElementType!.Primitive : type.Primitive;
        switch (prim)
        {
            case PrimitiveKind.SByte: case PrimitiveKind.Byte: case PrimitiveKind.Boolean:
                Emit(Op.StoreI1, addressSlot, valueSlot, imm: offset); return;
            case PrimitiveKind.Int16: case PrimitiveKind.UInt16: case PrimitiveKind.Char:
                Emit(Op.StoreI2, addressSlot, valueSlot, imm: offset); return;
            case PrimitiveKind.Int32: case PrimitiveKind.UInt32:
                Emit(Op.StoreI4, addressSlot, valueSlot, imm: offset); return;
            case PrimitiveKind.Single:
                if (value.Kind == StackKind.Float64) Emit(Op.ConvR8ToR4, valueSlot, valueSlot);
                Emit(Op.StoreR4, addressSlot, valueSlot, imm: offset); return;
            case PrimitiveKind.Double:
                if (value.Kind == StackKind.Float32) Emit(Op.ConvR4ToR8, valueSlot, valueSlot);
                Emit(Op.StoreI8, addressSlot, valueSlot, imm: offset); return;
            case PrimitiveKind.Int64: case PrimitiveKind.UInt64: case PrimitiveKind.IntPtr: case PrimitiveKind.UIntPtr:
                Emit(Op.StoreI8, addressSlot, valueSlot, imm: offset); return;
        }
        if (type.IsReferenceType) Emit(Op.StoreRef, addressSlot, valueSlot, imm: offset);
        else if (type.IsValueType) Emit(Op.StoreN, addressSlot, valueSlot, type.ValueSize, imm: offset, token: type.ValueRefOffsets.Length > 0 ? Token(type) : -1);
        else Emit(Op.StoreI8, addressSlot, valueSlot, imm: offset); // pointers and byrefs
    }

    private void EmitStaticField(Instruction ins)
    {
        var f = ResolveField((FieldReference)ins.Operand);
        var type = f.DeclaringType;
        Types.EnsureStatics(type);
        if (type.StaticConstructor is not null && type.InitState != ClassInitState.Done)
            Emit(Op.ClassInit, token: Token(type));
        var address = (long)(type.Statics + f.Offset);
        // Statics live at fixed native addresses: the common widths load and store in one operation.
        // (References need no write barrier there: the statics are roots of every collection.)
        var width = StaticAccessWidth(f.FieldType);
        if (ins.OpCode.Code == Code.Ldsfld && width != 0)
        {
            Emit(width == 4 ? Op.LoadStaticI4 : Op.LoadStaticI8, ResultSlot(0), imm: address);
            return;
        }
        if (ins.OpCode.Code == Code.Stsfld && width != 0)
        {
            Emit(width == 4 ? Op.StoreStaticI4 : Op.StoreStaticI8, Slot(0), imm: address);
            return;
        }
        var scratch = ins.OpCode.Code == Code.Stsfld ? _positions[^1] : ResultSlot(0);
        if (ins.OpCode.Code == Code.Ldsflda)
        {
            Emit(Op.LdcI8, ResultSlot(0), imm: address);
            return;
        }
        if (ins.OpCode.Code == Code.Ldsfld)
        {
            // The value may be wider than the address slot: load the address above the result.
            var addressSlot = f.FieldType.Slots > 1 ? _positions[^1] + f.FieldType.Slots : ResultSlot(0);
            Emit(Op.LdcI8, addressSlot, imm: address);
            EmitLoadThrough(f.FieldType, ResultSlot(0), addressSlot, 0);
            return;
        }
        Emit(Op.LdcI8, scratch, imm: address);
        EmitStoreThrough(f.FieldType, scratch, Slot(0), 0, Entry(0));
    }

    /// <summary>4 for int32-sized integers, 8 for 64-bit values, references and pointers, 0 for the rest
    /// (small integers, float32 and structs take the general path).</summary>
    private static int StaticAccessWidth(RuntimeType type)
    {
        var prim = type.IsEnum ? type.ElementType!.Primitive : type.Primitive;
        return prim switch
        {
            PrimitiveKind.Int32 or PrimitiveKind.UInt32 => 4,
            PrimitiveKind.Int64 or PrimitiveKind.UInt64 or PrimitiveKind.IntPtr or PrimitiveKind.UIntPtr or PrimitiveKind.Double => 8,
            PrimitiveKind.None when type.IsReferenceType || type.IsPointerLike => 8,
            _ => 0,
        };
    }

    private void EmitLoadElement(RuntimeType element)
    {
        var op = element.IsEnum ? element.ElementType!.Primitive : element.Primitive;
        var code = op switch
        {
            PrimitiveKind.SByte => Op.LdElemI1, PrimitiveKind.Byte or PrimitiveKind.Boolean => Op.LdElemU1,
            PrimitiveKind.Int16 => Op.LdElemI2, PrimitiveKind.UInt16 or PrimitiveKind.Char => Op.LdElemU2,
            PrimitiveKind.Int32 => Op.LdElemI4, PrimitiveKind.UInt32 => Op.LdElemU4,
            PrimitiveKind.Single => Op.LdElemR4, PrimitiveKind.Double => Op.LdElemR8,
            _ => element.IsValueType && op == PrimitiveKind.None ? Op.LdElemN : Op.LdElemI8,
        };
        // A struct element may be wider than the array and index slots it replaces: load via scratch.
        Emit(code, Slot(1), Slot(1), Slot(0), imm: element.ValueSize);
    }

    private void EmitStoreElement(RuntimeType element)
    {
        var prim = element.IsEnum ? element.ElementType!.Primitive : element.Primitive;
        switch (prim)
        {
            case PrimitiveKind.SByte: case PrimitiveKind.Byte: case PrimitiveKind.Boolean: Emit(Op.StElemI1, Slot(2), Slot(1), Slot(0)); return;
            case PrimitiveKind.Int16: case PrimitiveKind.UInt16: case PrimitiveKind.Char: Emit(Op.StElemI2, Slot(2), Slot(1), Slot(0)); return;
            case PrimitiveKind.Int32: case PrimitiveKind.UInt32: Emit(Op.StElemI4, Slot(2), Slot(1), Slot(0)); return;
            case PrimitiveKind.Single: EmitToR4(0); Emit(Op.StElemR4, Slot(2), Slot(1), Slot(0)); return;
            case PrimitiveKind.Double: EmitToR8(0); Emit(Op.StElemI8, Slot(2), Slot(1), Slot(0)); return;
            case PrimitiveKind.None when element.IsValueType:
                Emit(Op.StElemN, Slot(2), Slot(1), Slot(0), imm: element.ValueSize, token: element.ValueRefOffsets.Length > 0 ? Token(element) : -1);
                return;
        }
        if (element.IsReferenceType) Emit(Op.StElemRef, Slot(2), Slot(1), Slot(0));
        else Emit(Op.StElemI8, Slot(2), Slot(1), Slot(0));
    }

    private void EmitBox(RuntimeType type)
    {
        if (type.IsReferenceType) return; // box of a reference type is a no-op
        if (type.Primitive == PrimitiveKind.Single) EmitToR4(0);
        if (type.Primitive == PrimitiveKind.Double) EmitToR8(0);
        Emit(type.IsNullable ? Op.BoxNullable : Op.Box, Slot(0), Slot(0), token: Token(type));
    }

    private void EmitLdToken(object operand)
    {
        var dst = ResultSlot(0);
        switch (operand)
        {
            case TypeReference t when t is not TypeSpecification && t.Resolve() is { HasGenericParameters: true } open:
                Emit(Op.LdcI8, dst, imm: (long)Types.GetGenericDefinition(open).MethodTable);
                return;
            case TypeReference t:
                Emit(Op.LdcI8, dst, imm: (long)Types.Get(Close(t)).MethodTable);
                return;
            case FieldReference f:
                Emit(Op.LdcI8, dst, imm: _vm.FieldHandle(ResolveField(f)));
                return;
            case MethodReference m:
                Emit(Op.LdcI8, dst, imm: _vm.MethodHandle(Types.Resolve(new CalleeSignature(m, _method.Context), Caller)));
                return;
        }
    }

    /// <summary>leave: the finally blocks it crosses run innermost first, then control goes to the target.</summary>
    private void EmitLeave(Instruction ins)
    {
        var target = (Instruction)ins.Operand;
        var handlers = _method.Definition.Body.ExceptionHandlers;
        for (var i = 0; i < handlers.Count; i++)
        {
            var h = handlers[i];
            if (h.HandlerType != ExceptionHandlerType.Finally) continue;
            var inTry = ins.Offset >= h.TryStart.Offset && ins.Offset < (h.TryEnd?.Offset ?? int.MaxValue);
            var targetInTry = target.Offset >= h.TryStart.Offset && target.Offset < (h.TryEnd?.Offset ?? int.MaxValue);
            if (inTry && !targetInTry) Emit(Op.CallFinally, token: i);
        }
        EmitBranch(Op.Br, target);
    }

    private void EmitCall(Instruction ins)
    {
        var callee = _imp.Callees[_ilIndex]!;
        var code = ins.OpCode.Code;
        var declaring = Types.Get(callee.DeclaringType);
        var argCount = callee.Parameters.Count + (callee.HasThis && code != Code.Newobj ? 1 : 0);
        var argBase = argCount == 0 ? ResultSlot(0) : Slot(argCount - 1);
        if (declaring.IsArray && !declaring.IsSzArray || declaring.IsSzArray && code == Code.Newobj)
        {
            EmitArrayMethod(callee, declaring, argBase, argCount);
            return;
        }
        if (code == Code.Newobj && declaring.FullName == "System.String")
        {
            // A string's size depends on its constructor's arguments, so nothing can be allocated
            // before the constructor runs: call the base library's static factory String.Ctor(same
            // parameters) instead; its result lands where newobj's would.
            if (StringFactory(declaring, callee) is { } factory) EmitDirectCall(factory, argBase);
            else EmitUnsupported($"string..ctor({string.Join(", ", callee.Parameters.Select(p => p.FullName))})");
            return;
        }
        var method = Types.Resolve(callee, Caller);
        Types.EnsureSignature(method);
        if (declaring.Definition!.BaseType?.FullName == "System.MulticastDelegate" && !method.HasBody)
        {
            if (code == Code.Newobj) Emit(Op.NewDelegate, argBase, token: Token(declaring));
            else if (method.Name == "Invoke") Emit(Op.InvokeDelegate, argBase, token: Token(method));
            else EmitUnsupported(method.Signature + " (asynchronous delegate calls)");
            return;
        }
        if (code == Code.Newobj)
        {
            // A type with a precise static constructor (no beforefieldinit) runs it before the first instance.
            if (declaring.StaticConstructor is not null && declaring.InitState != ClassInitState.Done
                && !declaring.Definition.IsBeforeFieldInit && declaring != _method.DeclaringType)
                Emit(Op.ClassInit, token: Token(declaring));
            if (declaring.IsValueType)
            {
                Emit(Op.NewValue, argBase, method.ArgumentSlots - 1, _newValueTemp, token: Token(method));
            }
            else
                Emit(Op.NewObj, argBase, method.ArgumentSlots - 1, token: Token(method));
            return;
        }
        // constrained. T callvirt: a byref to a T as `this`.
        var constrained = _ilIndex > 0 && _imp.Instructions[_ilIndex - 1].OpCode.Code == Code.Constrained
            ? Types.Get(Close((TypeReference)_imp.Instructions[_ilIndex - 1].Operand)) : null;
        if (constrained is not null)
        {
            if (constrained.IsReferenceType)
                Emit(Op.LoadI8, argBase, argBase); // dereference: now an object reference
            else
            {
                var direct = method.IsVirtual ? FindOverrideInValueType(constrained, method) : null;
                if (direct is not null)
                {
                    EmitDirectCall(direct, argBase);
                    return;
                }
                // Not overridden by the struct: box it and dispatch on the box (object's ToString …).
                // The value is copied above the arguments, not over them: a struct wider than a slot
                // would overwrite the call's other arguments (x.Equals(y) on a 16-byte struct).
                var scratch = argBase + method.ArgumentSlots;
                _maxEvalSlots = Math.Max(_maxEvalSlots, scratch + constrained.Slots - _evalBase + 2);
                Emit(Op.LoadN, scratch, argBase, constrained.ValueSize, imm: 0);
                Emit(constrained.IsNullable ? Op.BoxNullable : Op.Box, argBase, scratch, token: Token(constrained));
            }
        }
        if (code == Code.Callvirt && method.IsVirtual && !method.Definition.IsFinal && !(method.DeclaringType.Definition?.IsSealed ?? false)
            || code == Code.Callvirt && method.DeclaringType.IsInterface)
        {
            Emit(method.DeclaringType.IsInterface ? Op.CallInterface : Op.CallVirt, argBase, token: Token(new CallSite(method)));
            return;
        }
        EmitDirectCall(method, argBase, checkThis: code == Code.Callvirt && !method.IsStatic);
    }

    private RuntimeMethod? StringFactory(RuntimeType stringType, CalleeSignature ctor)
    {
        var parameters = ctor.Parameters.Select(p => p.FullName).ToArray();
        var factory = stringType.Definition!.Methods.FirstOrDefault(m => m.IsStatic && m.Name == "Ctor"
            && m.Parameters.Select(p => p.ParameterType.FullName).SequenceEqual(parameters));
        if (factory is null) return null;
        var method = Types.GetMethod(factory, stringType, []);
        Types.EnsureSignature(method);
        return method;
    }

    private RuntimeMethod? FindOverrideInValueType(RuntimeType valueType, RuntimeMethod method)
    {
        var resolved = Types.ResolveVirtual(valueType, method);
        return resolved.DeclaringType == valueType ? resolved : null;
    }

    /// <param name="checkThis">callvirt of a method that needs no dispatch: `this` must still not be
    /// null. The check is an explicit load, which an Op.Call right after it takes over (C = 1).</param>
    private void EmitDirectCall(RuntimeMethod method, int argBase, bool checkThis = false)
    {
        if (checkThis)
            Emit(Op.LoadI8, _positions[^1], argBase, imm: 0);
        if (method.DeclaringType.StaticConstructor is not null && method.DeclaringType.InitState != ClassInitState.Done
            && !method.DeclaringType.Definition!.IsBeforeFieldInit && method.DeclaringType != _method.DeclaringType)
            Emit(Op.ClassInit, token: Token(method.DeclaringType));
        InternalCalls.InternalCall? icall;
        try
        {
            icall = _vm.InternalCalls.TryBind(method);
        }
        catch (UnsupportedMemberException)
        {
            // Reported when reached, not when the calling method is prepared.
            EmitUnsupported(method.Signature);
            return;
        }
        if (icall is not null)
        {
            Emit(Op.CallInternal, argBase, token: Token(icall));
            return;
        }
        // A method whose body is only `ret` (Object's constructor, which every constructor calls)
        // needs no frame: its arguments are simply dropped.
        if (IsEmpty(method))
        {
            // Nor do the moves that put its arguments in place (ldarg.0 before base..ctor()).
            while (_imp.Callees[_ilIndex] is not null && _code.Count > 0 && _code[^1].Op == Op.Mov && _ilIndexOfPc[^1] == _ilIndex)
            {
                _code.RemoveAt(_code.Count - 1);
                _ilIndexOfPc.RemoveAt(_ilIndexOfPc.Count - 1);
            }
            return;
        }
        if (!method.HasBody && method.IsVirtual && !method.IsStatic)
        {
            // A non-virtual call to what the base library declares abstract (the framework has a
            // concrete member there, e.g. Type.IsValueType): dispatch on the receiver instead.
            Emit(method.DeclaringType.IsInterface ? Op.CallInterface : Op.CallVirt, argBase, token: Token(new CallSite(method)));
            return;
        }
        if (!method.HasBody)
        {
            EmitUnsupported(method.Signature + (method.Definition.IsPInvokeImpl ? " (P/Invoke)" : ""));
            return;
        }
        var checksThis = checkThis && _code[^1] is { Op: Op.LoadI8 } check && check.B == argBase && _ilIndexOfPc[^1] == _ilIndex;
        if (checksThis)
        {
            _code.RemoveAt(_code.Count - 1);
            _ilIndexOfPc.RemoveAt(_ilIndexOfPc.Count - 1);
        }
        Emit(Op.Call, argBase, c: checksThis ? 1 : 0, token: Token(method));
    }

    private static bool IsEmpty(RuntimeMethod method) =>
        method.HasBody && method.ReturnType is null && method.Definition.Body.Instructions.Count == 1
        && method.Definition.Body.Instructions[0].OpCode.Code == Code.Ret;

    private void EmitArrayMethod(CalleeSignature callee, RuntimeType array, int argBase, int argCount)
    {
        var name = callee.Reference.Name;
        var token = Token(array);
        switch (name)
        {
            case ".ctor":
                if (callee.Parameters.Count != array.Rank)
                {
                    EmitUnsupported("array constructors with lower bounds");
                    return;
                }
                Emit(array.IsSzArray ? Op.NewArr : Op.NewMdArray, argBase, argBase, array.Rank, token: token);
                return;
            case "Get": Emit(Op.MdArrayGet, argBase, argBase, argCount - 1, token: token); return;
            case "Set": Emit(Op.MdArraySet, argBase, argBase, argCount - 2, token: token); return;
            case "Address": Emit(Op.MdArrayAddress, argBase, argBase, argCount - 1, token: token); return;
        }
        EmitUnsupported($"{array.Name}.{name}");
    }
}

/// <summary>A virtual call site with a one-entry cache: the last receiver's method table and its target.</summary>
internal sealed unsafe class CallSite(RuntimeMethod method)
{
    public readonly RuntimeMethod Method = method;
    public MethodTable* CachedType;
    public RuntimeMethod? CachedTarget;
    /// <summary>Compiled code's cache for this site (made by the JIT when it compiles a caller), or null.</summary>
    internal Jit.CallSiteCache* NativeCache;
}
