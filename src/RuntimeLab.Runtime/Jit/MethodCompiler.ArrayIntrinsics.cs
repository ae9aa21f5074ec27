using System.Runtime.InteropServices;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Runtime.Interpreter;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Jit;

/// <summary>
/// System.Array's shape queries and its untyped element move, inline for one-dimensional arrays: the
/// base library's Array.Copy, Length and Rank are made of them, so each would otherwise cost a
/// helper transition. Each reads the MethodTable; a multi-dimensional array, differing types, or
/// elements that hold references (the move needs the write barrier's cards) take the helper, which
/// runs the internal call itself. The arguments and the result are in the call's slots from A.
/// </summary>
internal sealed unsafe partial class MethodCompiler
{
    private static readonly int FlagsOffset = (int)Marshal.OffsetOf<MethodTable>(nameof(MethodTable.Flags));
    private static readonly int ComponentSizeOffset = (int)Marshal.OffsetOf<MethodTable>(nameof(MethodTable.ComponentSize));
    private static readonly int GcRefOffsetsOffset = (int)Marshal.OffsetOf<MethodTable>(nameof(MethodTable.GcRefOffsets));

    private bool LowerArrayIntrinsic(Instr ins, string name)
    {
        var a = ins.A;
        switch (name)
        {
            case "System.Array::get_Length":
                StoreI32(a, Core.BuildLoad(_b, _t.I32, NullCheckedAddress(a, ObjectLayout.ArrayLengthOffset), "length"));
                return true;
            case "System.Array::get_Rank":
                InlineUnlessMultiDimensional(ins, [a], () => StoreI64(a, I64(1)));
                return true;
            case "System.Array::GetLowerBound":
            {
                var dimensionZero = Core.BuildICmp(_b, IntPredicate.Eq, LoadI32(a + 1), I32(0), "dim0");
                InlineUnlessMultiDimensional(ins, [a], () => StoreI64(a, I64(0)), dimensionZero);
                return true;
            }
            case "System.Array::HasSameElementType":
            {
                var same = Core.BuildICmp(_b, IntPredicate.Eq, TypeOf(a), TypeOf(a + 1), "same.type");
                InlineOrHelper(same, () => StoreI64(a, I64(1)));
                return true;
            }
            case "System.Array::MoveElements":
                LowerMoveElements(ins);
                return true;
        }
        return false;
    }

    /// <summary>(src, srcIndex, dst, dstIndex, length), same element type, overlap allowed: a memmove for SZ arrays without references.</summary>
    private void LowerMoveElements(Instr ins)
    {
        var a = ins.A;
        var type = TypeOf(a);
        var flags = Core.BuildLoad(_b, _t.I32, ByteOffset(type, FlagsOffset), "flags");
        var special = (int)(MethodTableFlags.MultiDimArray | MethodTableFlags.ElementsAreReferences);
        var plain = Core.BuildAnd(_b,
            Core.BuildICmp(_b, IntPredicate.Eq, Core.BuildAnd(_b, flags, I32(special), ""), I32(0), "no.refs.sz"),
            Core.BuildICmp(_b, IntPredicate.Eq, Core.BuildLoad(_b, _t.Ptr, ByteOffset(type, GcRefOffsetsOffset), "gcrefs"), Core.ConstNull(_t.Ptr), "no.struct.refs"), "plain");
        InlineOrHelper(plain, () =>
        {
            var size = Core.BuildZExt(_b, Core.BuildLoad(_b, _t.I16, ByteOffset(type, ComponentSizeOffset), "esize"), _t.I64, "");
            ValueRef Element(int array, int index) => Core.BuildInBoundsGep(_b, _t.I8, LoadPointer(array),
                [Core.BuildAdd(_b, I64(ObjectLayout.SzArrayDataOffset), Core.BuildMul(_b, Core.BuildSExt(_b, LoadI32(index), _t.I64, ""), size, ""), "")], "");
            var bytes = Core.BuildMul(_b, Core.BuildSExt(_b, LoadI32(a + 4), _t.I64, ""), size, "bytes");
            Core.BuildMemMove(_b, Element(a + 2, a + 3), 1, Element(a, a + 1), 1, bytes);
        });
    }

    private ValueRef TypeOf(int slot) => Core.BuildLoad(_b, _t.Ptr, NullCheckedAddress(slot, 0), "mt");

    /// <summary>The inline form when the array in slot <paramref name="arraySlots"/>[0] is one-dimensional (and <paramref name="also"/> holds).</summary>
    private void InlineUnlessMultiDimensional(Instr ins, int[] arraySlots, Action inline, ValueRef also = default)
    {
        var flags = Core.BuildLoad(_b, _t.I32, ByteOffset(TypeOf(arraySlots[0]), FlagsOffset), "flags");
        var oneDimension = Core.BuildICmp(_b, IntPredicate.Eq, Core.BuildAnd(_b, flags, I32((int)MethodTableFlags.MultiDimArray), ""), I32(0), "sz");
        InlineOrHelper(also.IsNull ? oneDimension : Core.BuildAnd(_b, oneDimension, also, ""), inline);
    }

    /// <summary>Runs <paramref name="inline"/> when <paramref name="condition"/> holds, else the internal call through the helper.</summary>
    private void InlineOrHelper(ValueRef condition, Action inline)
    {
        var fast = _module.AppendBlock(_function, $"pc{_pc}.inline");
        var slow = _module.AppendBlock(_function, $"pc{_pc}.icall");
        var done = _module.AppendBlock(_function, $"pc{_pc}.done");
        var branch = Core.BuildCondBr(_b, condition, fast, slow);
        BranchWeights.Set(_module, branch, 1000, 1);
        Core.PositionBuilderAtEnd(_b, fast);
        inline();
        Core.BuildBr(_b, done);
        Core.PositionBuilderAtEnd(_b, slow);
        CallExecute(done);
        Core.PositionBuilderAtEnd(_b, done);
    }
}
