using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>Which rule each opcode's operands obey.</summary>
internal sealed partial class InstructionRules
{
    private void CheckInstruction()
    {
        switch (_ins.OpCode.Code)
        {
            case Code.Add: case Code.Sub: case Code.Mul: case Code.Div: case Code.Rem:
                CheckBinaryNumeric(integerOnly: false); break;
            case Code.Add_Ovf: case Code.Add_Ovf_Un: case Code.Sub_Ovf: case Code.Sub_Ovf_Un: case Code.Mul_Ovf: case Code.Mul_Ovf_Un:
            case Code.Div_Un: case Code.Rem_Un: case Code.And: case Code.Or: case Code.Xor:
                CheckBinaryNumeric(integerOnly: true); break;
            case Code.Shl: case Code.Shr: case Code.Shr_Un: CheckShift(); break;
            case Code.Neg: ExpectNumeric(Arg(0)); break;
            case Code.Not: ExpectInteger(Arg(0)); break;
            case Code.Ckfinite:
                if (!Arg(0).IsFloat) Report(VerifierError.ExpectedFloatType, found: Arg(0).ToString(), cls: VerificationClass.Invalid);
                break;
            case Code.Conv_I1: case Code.Conv_I2: case Code.Conv_I4: case Code.Conv_I8: case Code.Conv_R4: case Code.Conv_R8:
            case Code.Conv_U1: case Code.Conv_U2: case Code.Conv_U4: case Code.Conv_U8: case Code.Conv_I: case Code.Conv_U: case Code.Conv_R_Un:
            case Code.Conv_Ovf_I1: case Code.Conv_Ovf_I2: case Code.Conv_Ovf_I4: case Code.Conv_Ovf_I8: case Code.Conv_Ovf_U1:
            case Code.Conv_Ovf_U2: case Code.Conv_Ovf_U4: case Code.Conv_Ovf_U8: case Code.Conv_Ovf_I: case Code.Conv_Ovf_U:
            case Code.Conv_Ovf_I1_Un: case Code.Conv_Ovf_I2_Un: case Code.Conv_Ovf_I4_Un: case Code.Conv_Ovf_I8_Un: case Code.Conv_Ovf_U1_Un:
            case Code.Conv_Ovf_U2_Un: case Code.Conv_Ovf_U4_Un: case Code.Conv_Ovf_U8_Un: case Code.Conv_Ovf_I_Un: case Code.Conv_Ovf_U_Un:
                CheckConversion(); break;
            case Code.Ceq: case Code.Cgt: case Code.Cgt_Un: case Code.Clt: case Code.Clt_Un:
            case Code.Beq: case Code.Beq_S: case Code.Bne_Un: case Code.Bne_Un_S: case Code.Bge: case Code.Bge_S: case Code.Bge_Un:
            case Code.Bge_Un_S: case Code.Bgt: case Code.Bgt_S: case Code.Bgt_Un: case Code.Bgt_Un_S: case Code.Ble: case Code.Ble_S:
            case Code.Ble_Un: case Code.Ble_Un_S: case Code.Blt: case Code.Blt_S: case Code.Blt_Un: case Code.Blt_Un_S:
                CheckComparison(); break;
            case Code.Brtrue: case Code.Brtrue_S: case Code.Brfalse: case Code.Brfalse_S: CheckCondition(); break;
            case Code.Switch:
                if (Arg(0).Kind is not (StackKind.Int32 or StackKind.NativeInt))
                    Report(VerifierError.StackUnexpected, found: Arg(0).ToString(), expected: "int32", cls: VerificationClass.Invalid);
                break;
            case Code.Starg: case Code.Starg_S: CheckStoreArgument(); break;
            case Code.Stloc_0: case Code.Stloc_1: case Code.Stloc_2: case Code.Stloc_3:
                ExpectAssignable(Arg(0), _m.LocalTypes[_ins.OpCode.Code - Code.Stloc_0]); break;
            case Code.Stloc: case Code.Stloc_S:
                ExpectAssignable(Arg(0), _m.LocalTypes[((VariableDefinition)_ins.Operand).Index]); break;
            case Code.Ret: CheckReturn(); break;
            case Code.Throw:
                if (Arg(0).Kind != StackKind.ObjRef) Report(VerifierError.StackObjRef, found: Arg(0).ToString());
                else if (Arg(0).IsUninitializedThis) Report(VerifierError.UninitStack, found: Arg(0).ToString());
                break;
            case Code.Ldfld: case Code.Ldflda: case Code.Stfld: case Code.Ldsfld: case Code.Ldsflda: case Code.Stsfld:
                CheckField(); break;
            case Code.Call: case Code.Callvirt: CheckCall(); break;
            case Code.Newobj: CheckNewobj(); break;
            case Code.Calli: Report(VerifierError.Unverifiable, detail: "calli through an unmanaged function pointer"); break;
            case Code.Jmp: Report(VerifierError.Unverifiable, detail: "jmp"); break;
            case Code.Ldftn: case Code.Ldvirtftn: CheckLoadFunction(); break;
            case Code.Box: CheckBox(); break;
            case Code.Unbox: case Code.Unbox_Any: CheckUnbox(); break;
            case Code.Castclass: case Code.Isinst: ExpectObjRef(Arg(0)); break;
            case Code.Newarr:
                if (Arg(0).Kind is not (StackKind.Int32 or StackKind.NativeInt))
                    Report(VerifierError.StackUnexpected, found: Arg(0).ToString(), expected: "int32 or native int");
                break;
            case Code.Ldlen: ExpectArray(Arg(0)); break;
            case Code.Ldelem_I1: case Code.Ldelem_U1: case Code.Ldelem_I2: case Code.Ldelem_U2: case Code.Ldelem_I4: case Code.Ldelem_U4:
            case Code.Ldelem_I8: case Code.Ldelem_I: case Code.Ldelem_R4: case Code.Ldelem_R8: case Code.Ldelem_Ref: case Code.Ldelem_Any:
            case Code.Ldelema:
                CheckElementLoad(); break;
            case Code.Stelem_I: case Code.Stelem_I1: case Code.Stelem_I2: case Code.Stelem_I4: case Code.Stelem_I8:
            case Code.Stelem_R4: case Code.Stelem_R8: case Code.Stelem_Ref: case Code.Stelem_Any:
                CheckElementStore(); break;
            case Code.Ldind_I1: case Code.Ldind_U1: case Code.Ldind_I2: case Code.Ldind_U2: case Code.Ldind_I4: case Code.Ldind_U4:
            case Code.Ldind_I8: case Code.Ldind_I: case Code.Ldind_R4: case Code.Ldind_R8: case Code.Ldind_Ref: case Code.Ldobj:
                CheckIndirectLoad(); break;
            case Code.Stind_I1: case Code.Stind_I2: case Code.Stind_I4: case Code.Stind_I8: case Code.Stind_I: case Code.Stind_R4:
            case Code.Stind_R8: case Code.Stind_Ref: case Code.Stobj:
                CheckIndirectStore(); break;
            case Code.Initobj: CheckAddressWritable(Arg(0), (TypeReference)_ins.Operand); break;
            case Code.Cpobj:
                CheckAddressWritable(Arg(1), (TypeReference)_ins.Operand);
                ExpectByRef(Arg(0));
                break;
            case Code.Localloc:
                if (_stack.Length != 1) Report(VerifierError.LocallocStackNotEmpty, found: $"depth {_stack.Length}", expected: "the size alone");
                Report(VerifierError.Unverifiable, detail: "localloc");
                break;
            case Code.Cpblk: case Code.Initblk: Report(VerifierError.Unverifiable, detail: _ins.OpCode.Name); break;
            case Code.Tail: case Code.Readonly: case Code.Volatile: case Code.Unaligned: case Code.Constrained:
                CheckPrefix(); break;
        }
    }
}
