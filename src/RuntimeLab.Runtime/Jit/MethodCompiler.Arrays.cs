using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Runtime.Interpreter;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Jit;

/// <summary>Single-dimension array access: the null and bounds checks are ordinary branches, which
/// LLVM may hoist out of a loop or fold. Reference stores (covariance checks), struct elements and
/// typed element addresses go to the helper.</summary>
internal sealed unsafe partial class MethodCompiler
{
    private bool LowerArray(Instr ins)
    {
        switch (ins.Op)
        {
            case Op.LdLen:
            {
                var array = LoadPointer(ins.B);
                NullCheck(array);
                StoreI32(ins.A, Core.BuildLoad(_b, _t.I32, ByteOffset(array, ObjectLayout.ArrayLengthOffset), "length"));
                return true;
            }
            case Op.LdElemI1: LoadElement(ins, _t.I8, signed: true); return true;
            case Op.LdElemU1: LoadElement(ins, _t.I8, signed: false); return true;
            case Op.LdElemI2: LoadElement(ins, _t.I16, signed: true); return true;
            case Op.LdElemU2: LoadElement(ins, _t.I16, signed: false); return true;
            case Op.LdElemI4: case Op.LdElemU4: LoadElement(ins, _t.I32, signed: true); return true; // as the interpreter: sign-extended
            case Op.LdElemI8: case Op.LdElemR8: LoadElement(ins, _t.I64, signed: true); return true;
            case Op.LdElemR4: StoreF32(ins.A, Core.BuildLoad(_b, _t.F32, ElementAddress(ins.B, ins.C, _t.F32), "element")); return true;
            case Op.StElemI1: StoreElement(ins, _t.I8); return true;
            case Op.StElemI2: StoreElement(ins, _t.I16); return true;
            case Op.StElemI4: StoreElement(ins, _t.I32); return true;
            case Op.StElemI8: StoreElement(ins, _t.I64); return true;
            case Op.StElemR4: Core.BuildStore(_b, LoadF32(ins.C), ElementAddress(ins.A, ins.B, _t.F32)); return true;
            case Op.LdElemA when ins.Token < 0:
            {
                var data = CheckedElementData(ins.B, ins.C, out var index);
                StorePointer(ins.A, Core.BuildGep(_b, _t.I8, data, [Core.BuildMul(_b, index, I64(ins.Imm), "")], "element.addr"));
                return true;
            }
        }
        return false;
    }

    /// <summary>The array's first element, after the null and bounds checks of <paramref name="index"/>.
    /// The index slot holds an int32 (sign-extended) or a native int; like the interpreter, one
    /// unsigned compare against the length covers negative indices too.</summary>
    private ValueRef CheckedElementData(int arraySlot, int indexSlot, out ValueRef index)
    {
        var array = LoadPointer(arraySlot);
        NullCheck(array);
        index = LoadI64(indexSlot);
        var length = Core.BuildZExt(_b, Core.BuildLoad(_b, _t.I32, ByteOffset(array, ObjectLayout.ArrayLengthOffset), "length"), _t.I64, "");
        ThrowIf(Core.BuildICmp(_b, IntPredicate.Uge, index, length, "out.of.range"), RuntimeErrorKind.IndexOutOfRange);
        return ByteOffset(array, ObjectLayout.SzArrayDataOffset);
    }

    private ValueRef ElementAddress(int arraySlot, int indexSlot, TypeRef element)
    {
        var data = CheckedElementData(arraySlot, indexSlot, out var index);
        return Core.BuildInBoundsGep(_b, element, data, [index], "element.addr");
    }

    private void LoadElement(Instr ins, TypeRef element, bool signed)
    {
        var value = Core.BuildLoad(_b, element, ElementAddress(ins.B, ins.C, element), "element");
        if (element != _t.I64) value = signed ? Core.BuildSExt(_b, value, _t.I64, "") : Core.BuildZExt(_b, value, _t.I64, "");
        StoreI64(ins.A, value);
    }

    private void StoreElement(Instr ins, TypeRef element)
    {
        var address = ElementAddress(ins.A, ins.B, element);
        var value = LoadI64(ins.C);
        if (element != _t.I64) value = Core.BuildTrunc(_b, value, element, "");
        Core.BuildStore(_b, value, address);
    }
}
