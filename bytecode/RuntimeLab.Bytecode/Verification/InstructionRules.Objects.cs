using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>Boxing, casts, arrays, loads and stores through byrefs, and the prefixes.</summary>
internal sealed partial class InstructionRules
{
    private TypeReference OperandType() => _m.Context.Close((TypeReference)_ins.Operand);

    private bool ExpectObjRef(StackEntry e)
    {
        if (e.Kind != StackKind.ObjRef) Report(VerifierError.StackObjRef, found: e.ToString());
        else if (e.IsUninitializedThis) Report(VerifierError.UninitStack, found: e.ToString());
        else return true;
        return false;
    }

    private void ExpectByRef(StackEntry e)
    {
        if (e.Kind == StackKind.NativeInt) Report(VerifierError.UnmanagedPointer, found: e.ToString());
        else if (e.Kind != StackKind.ByRef) Report(VerifierError.StackByRef, found: e.ToString(), cls: VerificationClass.Invalid);
    }

    private void CheckBox()
    {
        var type = OperandType();
        var value = Arg(0);
        if (type is ByReferenceType || value.Kind == StackKind.ByRef)
        {
            Report(VerifierError.BoxByRef, found: value.ToString());
            return;
        }
        ExpectAssignable(value, type);
    }

    private void CheckUnbox()
    {
        if (!ExpectObjRef(Arg(0))) return;
        var type = OperandType();
        if (_ins.OpCode.Code == Code.Unbox && type is not GenericParameter && !TypeClassifier.IsValueType(type))
            Report(VerifierError.ValueTypeExpected, found: TypeNames.Display(type));
    }

    private bool ExpectArray(StackEntry e)
    {
        if (e.IsNullType || e.Kind == StackKind.ObjRef && (e.Type is ArrayType { IsVector: true } || e.Type is GenericParameter)) return true;
        Report(VerifierError.ExpectedArray, found: e.ToString());
        return false;
    }

    private bool ExpectIndex(StackEntry e)
    {
        if (e.Kind is StackKind.Int32 or StackKind.NativeInt) return true;
        Report(VerifierError.StackUnexpected, found: e.ToString(), expected: "int32 or native int index");
        return false;
    }

    /// <summary>The element type an ldelem.*/stelem.*/ldind.*/stind.* opcode names, null for the .ref forms.</summary>
    private TypeReference? TypeOfOpcode()
    {
        var t = Method.Module.TypeSystem;
        return _ins.OpCode.Code switch
        {
            Code.Ldelem_I1 or Code.Stelem_I1 or Code.Ldind_I1 or Code.Stind_I1 => t.SByte,
            Code.Ldelem_U1 or Code.Ldind_U1 => t.Byte,
            Code.Ldelem_I2 or Code.Stelem_I2 or Code.Ldind_I2 or Code.Stind_I2 => t.Int16,
            Code.Ldelem_U2 or Code.Ldind_U2 => t.UInt16,
            Code.Ldelem_I4 or Code.Stelem_I4 or Code.Ldind_I4 or Code.Stind_I4 => t.Int32,
            Code.Ldelem_U4 or Code.Ldind_U4 => t.UInt32,
            Code.Ldelem_I8 or Code.Stelem_I8 or Code.Ldind_I8 or Code.Stind_I8 => t.Int64,
            Code.Ldelem_I or Code.Stelem_I or Code.Ldind_I or Code.Stind_I => t.IntPtr,
            Code.Ldelem_R4 or Code.Stelem_R4 or Code.Ldind_R4 or Code.Stind_R4 => t.Single,
            Code.Ldelem_R8 or Code.Stelem_R8 or Code.Ldind_R8 or Code.Stind_R8 => t.Double,
            Code.Ldelem_Any or Code.Stelem_Any or Code.Ldelema or Code.Ldobj or Code.Stobj => OperandType(),
            _ => null,
        };
    }

    /// <summary>Does a slot of type <paramref name="actual"/> (an element or a referent) hold what the
    /// instruction says: the same verification type, or for the .ref forms any reference type.</summary>
    private bool HoldsOpcodeType(TypeReference? actual, TypeReference? named)
    {
        if (actual is null || actual.ContainsGenericParameter) return true;
        if (named is null) return !TypeClassifier.IsValueType(actual);
        if (!TypeClassifier.IsValueType(named) && !TypeClassifier.IsValueType(actual) && _ins.OpCode.Code != Code.Ldelema)
            return TypeCompatibility.IsSubtype(actual, named);
        return TypeCompatibility.SameReferent(actual, named);
    }

    private void CheckElementLoad()
    {
        var array = Arg(1);
        if (!ExpectArray(array) || !ExpectIndex(Arg(0))) return;
        if (array.Type is not ArrayType at) return;
        var named = TypeOfOpcode();
        if (!HoldsOpcodeType(at.ElementType, named))
            Report(VerifierError.StackUnexpectedArrayType, found: TypeNames.Display(at), expected: named is null ? "an array of references" : TypeNames.Display(named) + "[]");
    }

    private void CheckElementStore()
    {
        var array = Arg(2);
        if (!ExpectArray(array) || !ExpectIndex(Arg(1))) return;
        var named = TypeOfOpcode();
        var value = Arg(0);
        if (named is null)
        {
            // stelem.ref: the element store is checked at run time (array covariance); the value must be a reference.
            if (value.Kind != StackKind.ObjRef) Report(VerifierError.StackUnexpected, found: value.ToString(), expected: "an object reference");
        }
        else ExpectAssignable(value, named);
        if (array.Type is ArrayType at && !HoldsOpcodeType(at.ElementType, named))
            Report(VerifierError.StackUnexpectedArrayType, found: TypeNames.Display(at), expected: named is null ? "an array of references" : TypeNames.Display(named) + "[]");
    }

    private void CheckIndirectLoad()
    {
        var address = Arg(0);
        if (address.Kind != StackKind.ByRef)
        {
            ExpectByRef(address);
            return;
        }
        var named = TypeOfOpcode();
        if (!HoldsOpcodeType(address.Type, named))
            Report(VerifierError.StackUnexpected, found: address.ToString(), expected: named is null ? "a byref to a reference" : $"&({TypeNames.Display(named)})");
    }

    private void CheckIndirectStore()
    {
        var address = Arg(1);
        var value = Arg(0);
        var named = TypeOfOpcode();
        if (!CheckAddressWritable(address, named)) return;
        if (named is null)
        {
            if (value.Kind != StackKind.ObjRef) Report(VerifierError.StackUnexpected, found: value.ToString(), expected: "an object reference");
            else if (address.Type is not null) ExpectAssignable(value, address.Type);
        }
        else ExpectAssignable(value, named);
    }

    /// <summary>A store through a byref: it must be a byref, not read-only, to the type stored.</summary>
    private bool CheckAddressWritable(StackEntry address, TypeReference? stored)
    {
        if (address.Kind != StackKind.ByRef)
        {
            ExpectByRef(address);
            return false;
        }
        if (address.IsReadOnly)
        {
            Report(VerifierError.ReadOnlyIllegalWrite, found: address.ToString());
            return false;
        }
        if (stored is not null && !HoldsOpcodeType(address.Type, stored))
        {
            Report(VerifierError.StackUnexpected, found: address.ToString(), expected: $"&({TypeNames.Display(stored)})");
            return false;
        }
        return true;
    }

    /// <summary>A prefix must be followed by an instruction it applies to (Partition III §2).</summary>
    private void CheckPrefix()
    {
        var next = _index + 1;
        while (next < _code.Count && _code[next].OpCode.OpCodeType == OpCodeType.Prefix) next++;
        var target = next < _code.Count ? _code[next].OpCode.Code : Code.Nop;
        var memoryAccess = target is Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 or Code.Ldind_I4 or Code.Ldind_U4
            or Code.Ldind_I8 or Code.Ldind_I or Code.Ldind_R4 or Code.Ldind_R8 or Code.Ldind_Ref or Code.Stind_I1 or Code.Stind_I2
            or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or Code.Stind_R8 or Code.Stind_Ref
            or Code.Ldfld or Code.Stfld or Code.Ldobj or Code.Stobj or Code.Initblk or Code.Cpblk;
        switch (_ins.OpCode.Code)
        {
            case Code.Tail when target is not (Code.Call or Code.Callvirt or Code.Calli):
                Report(VerifierError.TailCall, found: next < _code.Count ? _code[next].OpCode.Name : "the end of the method");
                break;
            case Code.Readonly when target is not (Code.Ldelema or Code.Call):
                Report(VerifierError.ReadOnly);
                break;
            case Code.Volatile when !(memoryAccess || target is Code.Ldsfld or Code.Stsfld):
                Report(VerifierError.Volatile);
                break;
            case Code.Unaligned when !memoryAccess:
                Report(VerifierError.Unaligned);
                break;
            case Code.Constrained when target != Code.Callvirt:
                Report(VerifierError.Constrained);
                break;
        }
    }
}
