using RuntimeLab.Runtime.Exceptions;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>System.Array's shape (rank, bounds) and its untyped element moves, which need the
    /// array's element type; typed algorithms (Sort, IndexOf …) are C# in the base library.</summary>
    private void RegisterArrays()
    {
        // SZArrayHelper<T> runs with an array as `this`: the reinterpretation is the identity.
        Add("System.SZArrayHelper`1::AsArray", (vm, a) => { });
        Add("System.Array::get_Length", (vm, a) => a[0] = *(int*)((nint)a[0] + ObjectLayout.ArrayLengthOffset));
        Add("System.Array::get_Rank", (vm, a) => a[0] = vm.TypeOf((nint)a[0]).Rank);
        Add("System.Array::GetLength", (vm, a) => a[0] = Bound(vm, (nint)a[0], (int)a[1], lower: false));
        Add("System.Array::GetLowerBound", (vm, a) => a[0] = Bound(vm, (nint)a[0], (int)a[1], lower: true));
        Add("System.Array::ElementSize", (vm, a) => a[0] = vm.TypeOf((nint)a[0]).ElementType!.ValueSize);
        Add("System.Array::HasSameElementType", (vm, a) => a[0] = vm.TypeOf((nint)a[0]).ElementType == vm.TypeOf((nint)a[1]).ElementType ? 1 : 0);
        Add("System.Array::ElementsAreReferences", (vm, a) => a[0] = vm.TypeOf((nint)a[0]).ElementType!.IsReferenceType ? 1 : 0);
        Add("System.Array::MoveElements", (vm, a) =>
        {
            // (src, srcIndex, dst, dstIndex, length): same element type, overlapping allowed (memmove).
            var element = vm.TypeOf((nint)a[0]).ElementType!;
            var size = element.ValueSize;
            var bytes = (long)a[4] * size;
            var destination = Data(vm, (nint)a[2]) + a[3] * size;
            Buffer.MemoryCopy((void*)(Data(vm, (nint)a[0]) + a[1] * size), (void*)destination, bytes, bytes);
            // References copied into the heap: the old-to-young cards must see them.
            if (element.IsReferenceType || element.ValueRefOffsets.Length > 0) vm.Heap.Gc.WriteBarrierRange((nint)destination, (nint)bytes);
        });
        Add("System.Array::ClearElements", (vm, a) =>
        {
            var size = vm.TypeOf((nint)a[0]).ElementType!.ValueSize;
            new Span<byte>((void*)(Data(vm, (nint)a[0]) + a[1] * size), checked((int)(a[2] * size))).Clear();
        });
        Add("System.Array::GetFlattened", (vm, a) => a[0] = GetFlattened(vm, (nint)a[0], (int)a[1]));
        Add("System.Array::SetFlattened", (vm, a) => SetFlattened(vm, (nint)a[0], (nint)a[1], (int)a[2]));
    }

    private static nint Data(VirtualMachine vm, nint array)
    {
        var type = vm.TypeOf(array);
        return array + (type.IsSzArray ? ObjectLayout.SzArrayDataOffset : ObjectLayout.MdArrayDataOffset(type.Rank));
    }

    private static long Bound(VirtualMachine vm, nint array, int dimension, bool lower)
    {
        var type = vm.TypeOf(array);
        if ((uint)dimension >= (uint)type.Rank)
            throw new ManagedRuntimeError(RuntimeErrorKind.IndexOutOfRange, "Index was outside the bounds of the array.");
        if (type.IsSzArray) return lower ? 0 : *(int*)(array + ObjectLayout.ArrayLengthOffset);
        var bounds = (int*)(array + ObjectLayout.SzArrayDataOffset);
        return lower ? bounds[type.Rank + dimension] : bounds[dimension];
    }

    /// <summary>The element at a flattened index, boxed if the elements are values.</summary>
    private static nint GetFlattened(VirtualMachine vm, nint array, int index)
    {
        var element = vm.TypeOf(array).ElementType!;
        var at = (byte*)(Data(vm, array) + (long)index * element.ValueSize);
        if (element.IsReferenceType) return *(nint*)at;
        if (element.IsNullable) return vm.BoxNullable(element, at);
        var box = vm.Allocate(element);
        Buffer.MemoryCopy(at, (void*)(box + ObjectLayout.FirstFieldOffset), element.ValueSize, element.ValueSize);
        return box;
    }

    /// <summary>Stores an object at a flattened index: a reference after a cast check, or an unboxed value
    /// with the widening of primitives that Array.Copy and SetValue allow (int → long, float → double …).</summary>
    private static void SetFlattened(VirtualMachine vm, nint array, nint value, int index)
    {
        var element = vm.TypeOf(array).ElementType!;
        var at = (byte*)(Data(vm, array) + (long)index * element.ValueSize);
        if (element.IsReferenceType)
        {
            if (value != 0 && !vm.IsInstanceOf(value, element))
                throw new ManagedRuntimeError(RuntimeErrorKind.InvalidCast, "Object cannot be stored in an array of this type.");
            *(nint*)at = value;
            return;
        }
        if (element.IsNullable)
        {
            vm.UnboxNullable(element, value, at);
            return;
        }
        if (value == 0)
        {
            new Span<byte>(at, element.ValueSize).Clear();
            return;
        }
        var actual = vm.TypeOf(value);
        var src = (byte*)(value + ObjectLayout.FirstFieldOffset);
        if (actual == element || actual.IsEnum && actual.ElementType == element || element.IsEnum && element.ElementType == actual)
        {
            Buffer.MemoryCopy(src, at, element.ValueSize, element.ValueSize);
            return;
        }
        var from = actual.IsEnum ? actual.ElementType!.Primitive : actual.Primitive;
        var to = element.IsEnum ? element.ElementType!.Primitive : element.Primitive;
        if (from == PrimitiveKind.None || to == PrimitiveKind.None || !Widens(from, to))
            throw new ManagedRuntimeError(RuntimeErrorKind.InvalidCast, "Object cannot be stored in an array of this type.");
        switch (to)
        {
            case PrimitiveKind.Single: *(float*)at = from is PrimitiveKind.UInt64 ? *(ulong*)src : (float)ReadSigned(from, src); break;
            case PrimitiveKind.Double: *(double*)at = from switch
            {
                PrimitiveKind.Single => *(float*)src,
                PrimitiveKind.UInt64 => *(ulong*)src,
                _ => ReadSigned(from, src),
            }; break;
            default:
                var v = ReadSigned(from, src);
                switch (element.ValueSize)
                {
                    case 1: *at = (byte)v; break;
                    case 2: *(short*)at = (short)v; break;
                    case 4: *(int*)at = (int)v; break;
                    default: *(long*)at = v; break;
                }
                break;
        }
    }

    private static long ReadSigned(PrimitiveKind kind, byte* p) => kind switch
    {
        PrimitiveKind.SByte => *(sbyte*)p, PrimitiveKind.Byte or PrimitiveKind.Boolean => *p,
        PrimitiveKind.Int16 => *(short*)p, PrimitiveKind.UInt16 or PrimitiveKind.Char => *(ushort*)p,
        PrimitiveKind.Int32 => *(int*)p, PrimitiveKind.UInt32 => *(uint*)p,
        _ => *(long*)p,
    };

    /// <summary>CoreCLR's primitive widening table for Array.Copy (InvokeUtil.CanPrimitiveWiden).</summary>
    private static bool Widens(PrimitiveKind from, PrimitiveKind to) => (from, to) switch
    {
        (PrimitiveKind.Byte, PrimitiveKind.Char or PrimitiveKind.Int16 or PrimitiveKind.UInt16 or PrimitiveKind.Int32 or PrimitiveKind.UInt32
            or PrimitiveKind.Int64 or PrimitiveKind.UInt64 or PrimitiveKind.Single or PrimitiveKind.Double) => true,
        (PrimitiveKind.SByte, PrimitiveKind.Int16 or PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Single or PrimitiveKind.Double) => true,
        (PrimitiveKind.Char or PrimitiveKind.UInt16, PrimitiveKind.Char or PrimitiveKind.UInt16 or PrimitiveKind.Int32 or PrimitiveKind.UInt32
            or PrimitiveKind.Int64 or PrimitiveKind.UInt64 or PrimitiveKind.Single or PrimitiveKind.Double) => true,
        (PrimitiveKind.Int16, PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Single or PrimitiveKind.Double) => true,
        (PrimitiveKind.UInt32, PrimitiveKind.Int64 or PrimitiveKind.UInt64 or PrimitiveKind.Single or PrimitiveKind.Double) => true,
        (PrimitiveKind.Int32, PrimitiveKind.Int64 or PrimitiveKind.Single or PrimitiveKind.Double) => true,
        (PrimitiveKind.Int64 or PrimitiveKind.UInt64, PrimitiveKind.Single or PrimitiveKind.Double) => true,
        (PrimitiveKind.Single, PrimitiveKind.Double) => true,
        _ => false,
    };
}
