using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>Arguments, returns, fields, calls, object creation and function pointers.</summary>
internal sealed partial class InstructionRules
{
    // Definitions, or null where their assembly cannot be found: the rules that need them are skipped.
    private static MethodDefinition? TryResolve(MethodReference r) => Loading.Resolution.OrNull(r.Resolve);
    private static FieldDefinition? TryResolve(FieldReference r) => Loading.Resolution.OrNull(r.Resolve);
    private static TypeDefinition? TryResolve(TypeReference r) => Loading.Resolution.OrNull(r.Resolve);

    private bool SameDeclaringType(TypeReference t) => t.Resolve() is { } d ? d == Method.DeclaringType : t.FullName == Method.DeclaringType.FullName;

    private void CheckStoreArgument()
    {
        var index = ((ParameterDefinition)_ins.Operand).Index + (Method.HasThis ? 1 : 0);
        if (index == 0 && _m.TracksThisInitialization && !ThisInitialized)
            Report(VerifierError.ThisUninitStore);
        ExpectAssignable(Arg(0), _m.ArgumentTypes[index]);
    }

    private void CheckReturn()
    {
        if (_m.TracksThisInitialization && !ThisInitialized)
            Report(VerifierError.ThisUninitReturn);
        if (_m.ReturnType.MetadataType == MetadataType.Void) return;
        var value = Arg(0);
        if (!ExpectAssignable(value, _m.ReturnType)) return;
        // A byref into this frame would dangle once the frame is gone (Partition III §1.8.1.2.2).
        if (value.Kind == StackKind.ByRef && value.IsLocalHome)
            Report(VerifierError.ReturnPtrToStack, found: value.ToString(), expected: "a byref with a permanent home (heap, static, or the caller's)");
    }

    private TypeReference FieldTypeOf(FieldReference f) =>
        GenericContext.OfType(_m.Context.Close(f.DeclaringType)).Close(f.FieldType);

    private void CheckField()
    {
        var field = (FieldReference)_ins.Operand;
        var def = TryResolve(field);
        var code = _ins.OpCode.Code;
        var isStaticAccess = code is Code.Ldsfld or Code.Ldsflda or Code.Stsfld;
        var declaring = _m.Context.Close(field.DeclaringType);
        var fieldType = FieldTypeOf(field);
        if (def is null) ReportMissing($"field {TypeNames.Display(declaring)}.{field.Name}");
        if (def is not null && !MemberAccess.CanAccess(Method.DeclaringType, def))
            Report(VerifierError.FieldAccess, found: $"{TypeNames.Display(declaring)}.{field.Name}");
        if (def is not null && isStaticAccess && !def.IsStatic)
        {
            Report(VerifierError.ExpectedStaticField, found: $"instance field {field.Name}");
            return;
        }
        var writes = code is Code.Stfld or Code.Stsfld or Code.Ldflda or Code.Ldsflda;
        if (def is { IsInitOnly: true } && writes && !(Method.IsConstructor && Method.IsStatic == def.IsStatic && SameDeclaringType(field.DeclaringType)))
            Report(VerifierError.InitOnly, detail: $"{field.Name} outside its type's {(def.IsStatic ? ".cctor" : ".ctor")}");
        if (code == Code.Stsfld) ExpectAssignable(Arg(0), fieldType);
        if (isStaticAccess || def is { IsStatic: true }) return;

        var holder = Arg(code == Code.Stfld ? 1 : 0);
        if (code == Code.Stfld) ExpectAssignable(Arg(0), fieldType);
        if (holder.IsUninitializedThis)
        {
            // C# stores field initializers before it calls the base constructor: allowed for the
            // type's own fields (Partition III §1.8.1.4).
            if (!SameDeclaringType(field.DeclaringType)) Report(VerifierError.UninitStack, found: holder.ToString());
            return;
        }
        var ok = holder.Kind switch
        {
            StackKind.ObjRef => holder.IsNullType || TypeCompatibility.IsSubtype(holder.Type!, declaring) || TypeClassifier.IsValueType(declaring),
            StackKind.ByRef => TypeCompatibility.SameReferent(holder.Type, declaring),
            StackKind.ValueType => code == Code.Ldfld && TypeCompatibility.SameType(holder.Type, declaring),
            _ => false,
        };
        if (holder.Kind == StackKind.NativeInt)
            Report(VerifierError.UnmanagedPointer, found: holder.ToString(), detail: $"field {field.Name} through a pointer");
        else if (!ok)
            Report(VerifierError.StackUnexpected, found: holder.ToString(), expected: $"{TypeNames.Display(declaring)} or a byref to it");
    }

    /// <summary>The member must exist (and be visible): arrays' methods are the runtime's own and always do.</summary>
    private void CheckAccess(MethodDefinition? def, MethodReference reference)
    {
        if (def is null)
        {
            if (reference.DeclaringType is not ArrayType) ReportMissing($"method {TypeNames.Method(reference)}");
        }
        else if (!MemberAccess.CanAccess(Method.DeclaringType, def))
            Report(VerifierError.MethodAccess, found: TypeNames.Method(reference));
    }

    /// <summary>A member no reachable assembly defines. Unverifiable, not invalid: `run` reports it
    /// when the program reaches it, as it reports members the base library lacks.</summary>
    private void ReportMissing(string member) =>
        Report(VerifierError.TokenResolve, detail: $"{member} not found", cls: VerificationClass.Unverifiable);

    private Instruction? Previous(int back = 1) => _index - back >= 0 ? _code[_index - back] : null;

    private void CheckCall()
    {
        var callee = _m.Callees[_index]!;
        var reference = callee.Reference;
        var def = TryResolve(reference);
        var isCallvirt = _ins.OpCode.Code == Code.Callvirt;
        CheckAccess(def, reference);
        var n = callee.Parameters.Count;
        for (var i = 0; i < n; i++) ExpectAssignable(Arg(n - 1 - i), callee.Parameters[i]);
        if (def is { IsStatic: true } && isCallvirt) Report(VerifierError.CallVirtOnStatic);
        var constrained = Previous()?.OpCode.Code == Code.Constrained;
        if (callee.HasThis) CheckThisArgument(Arg(n), callee, isCallvirt, constrained);
        if (!isCallvirt && def is { IsAbstract: true }) Report(VerifierError.CallAbstract, found: TypeNames.Method(reference));
        if (Previous()?.OpCode.Code == Code.Tail || Previous(2)?.OpCode.Code == Code.Tail && constrained) CheckTailCall(callee, n + (callee.HasThis ? 1 : 0));
    }

    private void CheckThisArgument(StackEntry self, CalleeSignature callee, bool isCallvirt, bool constrained)
    {
        var declaring = callee.DeclaringType;
        var isCtor = callee.Reference.Name == ".ctor";
        if (constrained)
        {
            if (self.Kind != StackKind.ByRef) Report(VerifierError.ConstrainedCallWithNonByRefThis, found: self.ToString());
            return;
        }
        var valueType = TypeClassifier.IsValueType(declaring);
        if (isCtor && !valueType)
        {
            // Only a constructor may run another constructor, on its own uninitialized this (§1.8.1.4).
            if (!self.IsUninitializedThis) Report(VerifierError.CallCtor, found: self.ToString());
            return;
        }
        if (self.IsUninitializedThis)
        {
            Report(VerifierError.UninitStack, found: self.ToString());
            return;
        }
        if (valueType)
        {
            if (isCallvirt && self.Kind != StackKind.ObjRef) Report(VerifierError.CallVirtOnValueType, found: self.ToString());
            else if (self.Kind == StackKind.ByRef ? !TypeCompatibility.SameReferent(self.Type, declaring) : self.Kind != StackKind.ObjRef)
                Report(VerifierError.StackUnexpected, found: self.ToString(), expected: $"&({TypeNames.Display(declaring)})");
            return;
        }
        if (self.Kind != StackKind.ObjRef || !self.IsNullType && !TypeCompatibility.IsSubtype(self.Type!, declaring))
            Report(VerifierError.StackUnexpected, found: self.ToString(), expected: $"ref({TypeNames.Display(declaring)})", detail: "this of the call");
    }

    /// <summary>tail. hands this frame over: nothing of it may be passed or left behind (Partition III §2.4).</summary>
    private void CheckTailCall(CalleeSignature callee, int popped)
    {
        var next = _index + 1 < _code.Count ? _code[_index + 1] : null;
        if (next?.OpCode.Code != Code.Ret) Report(VerifierError.TailRet);
        if (_stack.Length != popped) Report(VerifierError.TailStackEmpty, found: $"{_stack.Length - popped} value(s) below the arguments");
        for (var i = 0; i < popped; i++)
            if (Arg(i).Kind == StackKind.ByRef && Arg(i).IsLocalHome) Report(VerifierError.TailByRef, found: Arg(i).ToString());
        if (_blocks.InAny(_ins.Offset)) Report(VerifierError.TailCallInsideER);
        var callerVoid = _m.ReturnType.MetadataType == MetadataType.Void;
        var calleeVoid = callee.ReturnType.MetadataType == MetadataType.Void;
        if (callerVoid != calleeVoid || !callerVoid && !TypeCompatibility.IsAssignable(TypeClassifier.ToStack(callee.ReturnType), _m.ReturnType))
            Report(VerifierError.TailRetType, found: TypeNames.Display(callee.ReturnType), expected: TypeNames.Display(_m.ReturnType));
    }

    private void CheckNewobj()
    {
        var callee = _m.Callees[_index]!;
        var reference = callee.Reference;
        if (reference.Name != ".ctor")
        {
            Report(VerifierError.CtorExpected, found: TypeNames.Method(reference));
            return;
        }
        var def = TryResolve(reference);
        CheckAccess(def, reference);
        if (def is { IsStatic: true }) Report(VerifierError.CtorSig);
        if (callee.DeclaringType is ArrayType) return;
        var type = TryResolve(callee.DeclaringType);
        if (type is { IsAbstract: true }) Report(VerifierError.NewobjAbstractClass, found: TypeNames.Display(callee.DeclaringType));
        if (type?.BaseType?.FullName == "System.MulticastDelegate")
        {
            CheckDelegateConstruction(callee);
            return;
        }
        var n = callee.Parameters.Count;
        for (var i = 0; i < n; i++) ExpectAssignable(Arg(n - 1 - i), callee.Parameters[i]);
    }

    /// <summary>A delegate is built from an object and a function pointer loaded just before by ldftn,
    /// or by dup; ldvirtftn on that very object (Partition III §4.21, ILVerify's DelegatePattern).</summary>
    private void CheckDelegateConstruction(CalleeSignature callee)
    {
        var previous = Previous();
        var pattern = previous?.OpCode.Code == Code.Ldftn
            || previous?.OpCode.Code == Code.Ldvirtftn && Previous(2)?.OpCode.Code == Code.Dup;
        if (!pattern)
        {
            Report(VerifierError.DelegatePattern, found: previous?.OpCode.Name ?? "nothing");
            return;
        }
        if (callee.Parameters.Count != 2 || Arg(1).Kind != StackKind.ObjRef || Arg(0).Kind != StackKind.NativeInt)
            Report(VerifierError.DelegateCtor, found: $"{(_stack.Length > 1 ? Arg(1) : "?")}, {Arg(0)}", expected: "object, native int");
    }

    private void CheckLoadFunction()
    {
        var reference = (MethodReference)_ins.Operand;
        if (reference.Name is ".ctor" or ".cctor") Report(VerifierError.LdftnCtor);
        CheckAccess(TryResolve(reference), reference);
        if (_ins.OpCode.Code != Code.Ldvirtftn) return;
        if (TryResolve(reference) is { IsStatic: true }) Report(VerifierError.LdvirtftnOnStatic);
        ExpectObjRef(Arg(0));
    }
}
