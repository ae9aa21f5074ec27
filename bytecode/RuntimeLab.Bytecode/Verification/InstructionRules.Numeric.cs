using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>Arithmetic, comparisons and conversions: Partition III Tables III.2 to III.8.</summary>
internal sealed partial class InstructionRules
{
    private static bool IsNumeric(StackEntry e) => e.IsInteger || e.IsFloat;

    /// <summary>int32 and native int mix; every other pair of kinds must agree (F with F).</summary>
    private static bool KindsAgree(StackEntry a, StackEntry b) =>
        a.IsFloat && b.IsFloat || a.Kind == b.Kind
        || a.Kind is StackKind.Int32 or StackKind.NativeInt && b.Kind is StackKind.Int32 or StackKind.NativeInt;

    private void CheckBinaryNumeric(bool integerOnly)
    {
        var a = Arg(1);
        var b = Arg(0);
        if (a.Kind == StackKind.ByRef || b.Kind == StackKind.ByRef)
        {
            // Table III.2: & + int, int + &, & - int and & - & are correct CIL but unverifiable.
            var code = _ins.OpCode.Code;
            var correct = code is Code.Add or Code.Add_Ovf_Un && (a.Kind == StackKind.ByRef) != (b.Kind == StackKind.ByRef) && (a.Kind is StackKind.Int32 or StackKind.NativeInt || b.Kind is StackKind.Int32 or StackKind.NativeInt)
                || code is Code.Sub or Code.Sub_Ovf_Un && a.Kind == StackKind.ByRef && b.Kind is StackKind.Int32 or StackKind.NativeInt or StackKind.ByRef;
            if (correct) Report(VerifierError.Unverifiable, found: $"{a} {_ins.OpCode.Name} {b}", detail: "arithmetic on managed pointers");
            else Report(VerifierError.ExpectedNumericType, found: (a.Kind == StackKind.ByRef ? a : b).ToString(), cls: VerificationClass.Invalid);
            return;
        }
        foreach (var e in new[] { a, b })
        {
            if (integerOnly ? !e.IsInteger : !IsNumeric(e))
            {
                Report(integerOnly ? VerifierError.ExpectedIntegerType : VerifierError.ExpectedNumericType, found: e.ToString(), cls: VerificationClass.Invalid);
                return;
            }
        }
        if (!KindsAgree(a, b))
            Report(VerifierError.StackUnexpected, found: b.ToString(), expected: a.ToString(), detail: $"{_ins.OpCode.Name} on {a} and {b}", cls: VerificationClass.Invalid);
    }

    private void CheckShift()
    {
        var amount = Arg(0);
        var value = Arg(1);
        if (!value.IsInteger) Report(VerifierError.ExpectedIntegerType, found: value.ToString(), cls: VerificationClass.Invalid);
        else if (amount.Kind is not (StackKind.Int32 or StackKind.NativeInt))
            Report(VerifierError.StackUnexpected, found: amount.ToString(), expected: "int32 or native int shift amount", cls: VerificationClass.Invalid);
    }

    private void ExpectNumeric(StackEntry e)
    {
        if (!IsNumeric(e)) Report(VerifierError.ExpectedNumericType, found: e.ToString(), cls: VerificationClass.Invalid);
    }

    private void ExpectInteger(StackEntry e)
    {
        if (!e.IsInteger) Report(VerifierError.ExpectedIntegerType, found: e.ToString(), cls: VerificationClass.Invalid);
    }

    private void CheckConversion()
    {
        var e = Arg(0);
        if (IsNumeric(e)) return;
        // conv.u of a byref is how C# pins (`fixed`): correct, but it makes an unmanaged pointer.
        Report(VerifierError.ExpectedNumericType, found: e.ToString(),
            cls: e.Kind == StackKind.ByRef ? VerificationClass.Unverifiable : VerificationClass.Invalid);
    }

    /// <summary>Table III.4: numbers of agreeing kinds; object references with each other (equality and
    /// cgt.un, the `!= null` idiom); byrefs with each other.</summary>
    private void CheckComparison()
    {
        var a = Arg(1);
        var b = Arg(0);
        if (a.IsUninitializedThis || b.IsUninitializedThis)
        {
            Report(VerifierError.UninitStack, found: (a.IsUninitializedThis ? a : b).ToString());
            return;
        }
        if (IsNumeric(a) && IsNumeric(b) && KindsAgree(a, b)) return;
        var code = _ins.OpCode.Code;
        var equalityLike = code is Code.Ceq or Code.Cgt_Un or Code.Beq or Code.Beq_S or Code.Bne_Un or Code.Bne_Un_S;
        if (a.Kind == StackKind.ObjRef && b.Kind == StackKind.ObjRef && equalityLike) return;
        if (a.Kind == StackKind.ByRef && b.Kind == StackKind.ByRef) return;
        if (a.Kind == StackKind.ByRef && b.Kind == StackKind.NativeInt || a.Kind == StackKind.NativeInt && b.Kind == StackKind.ByRef)
        {
            Report(VerifierError.StackUnexpected, found: $"{a} and {b}", detail: "a managed pointer compared with a native int", cls: VerificationClass.Unverifiable);
            return;
        }
        Report(VerifierError.StackUnexpected, found: b.ToString(), expected: $"a type comparable with {a}", cls: VerificationClass.Invalid);
    }

    /// <summary>brtrue/brfalse take an integer, an object reference or a byref (Partition III §3.17).</summary>
    private void CheckCondition()
    {
        var e = Arg(0);
        if (e.IsUninitializedThis) Report(VerifierError.UninitStack, found: e.ToString());
        else if (!(e.IsInteger || e.Kind is StackKind.ObjRef or StackKind.ByRef))
            Report(VerifierError.StackUnexpected, found: e.ToString(), expected: "an integer, object reference or byref", cls: VerificationClass.Invalid);
    }
}
