using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>The operations that allocate, call, or consult types: off the hot switch, one method.</summary>
internal sealed unsafe partial class Interpreter
{
    private int Slow(PreparedMethod pm, long* fp, Instr* ip, Instr* code, object[] tokens)
    {
        var next = (int)(ip - code) + 1;
        var vm = _vm;
        switch (ip->Op)
        {
            case Op.CallInternal:
                ((InternalCalls.InternalCall)tokens[ip->Token]).Invoke(vm, fp + ip->A);
                return next;
            case Op.NewValue:
            {
                var ctor = (RuntimeMethod)tokens[ip->Token];
                var type = ctor.DeclaringType;
                var args = fp + ip->A;
                var temp = fp + ip->C;
                new Span<long>(temp, type.Slots).Clear();
                Buffer.MemoryCopy(args, args + 1, ip->B * 8, ip->B * 8);
                args[0] = (long)temp;
                Invoke(ctor, args);
                Buffer.MemoryCopy(temp, args, type.Slots * 8, type.Slots * 8);
                return next;
            }
            case Op.NewArr:
            {
                var length = fp[ip->B];
                if (length < 0 || length > int.MaxValue) throw new ManagedRuntimeError(RuntimeErrorKind.Overflow, ManagedRuntimeError.OverflowMessage);
                fp[ip->A] = vm.AllocateArray((RuntimeType)tokens[ip->Token], (int)length);
                return next;
            }
            case Op.NewMdArray:
            {
                var type = (RuntimeType)tokens[ip->Token];
                var lengths = new int[ip->C];
                for (var i = 0; i < lengths.Length; i++)
                {
                    if (fp[ip->B + i] < 0) throw new ManagedRuntimeError(RuntimeErrorKind.Overflow, ManagedRuntimeError.OverflowMessage);
                    lengths[i] = (int)fp[ip->B + i];
                }
                fp[ip->A] = vm.AllocateMdArray(type, lengths);
                return next;
            }
            case Op.MdArrayGet: case Op.MdArraySet: case Op.MdArrayAddress:
                MdArrayAccess(ip, fp, (RuntimeType)tokens[ip->Token]);
                return next;
            // (LdElemI4/U4/I8/R8/U2 and StElemI4/I8 are handled in the hot switch.)
            case Op.LdElemI1: case Op.LdElemU1: case Op.LdElemI2: case Op.LdElemR4: case Op.LdElemN:
                LoadElement(ip, fp);
                return next;
            case Op.StElemI1: case Op.StElemI2: case Op.StElemR4: case Op.StElemRef: case Op.StElemN:
                StoreElement(ip, fp, tokens);
                return next;
            case Op.LdElemA:
            {
                var array = fp[ip->B];
                var index = fp[ip->C];
                if (array == 0) NullReference();
                if ((ulong)index >= (ulong)*(int*)(array + ObjectLayout.ArrayLengthOffset)) IndexOutOfRange();
                if (ip->Token >= 0)
                {
                    var expected = (RuntimeType)tokens[ip->Token];
                    var actual = vm.TypeOf((nint)array).ElementType!;
                    if (actual != expected) throw new ManagedRuntimeError(RuntimeErrorKind.ArrayTypeMismatch, "Attempted to access an element as a type incompatible with the array.");
                }
                fp[ip->A] = array + ObjectLayout.SzArrayDataOffset + index * ip->Imm;
                return next;
            }
            case Op.Box:
            {
                var type = (RuntimeType)tokens[ip->Token];
                var box = vm.Allocate(type);
                Buffer.MemoryCopy(fp + ip->B, (void*)(box + ObjectLayout.FirstFieldOffset), type.ValueSize, type.ValueSize);
                fp[ip->A] = box;
                return next;
            }
            case Op.BoxNullable:
                fp[ip->A] = vm.BoxNullable((RuntimeType)tokens[ip->Token], (byte*)(fp + ip->B));
                return next;
            case Op.UnboxAny:
            {
                var type = (RuntimeType)tokens[ip->Token];
                var obj = (nint)fp[ip->B];
                if (obj == 0) NullReference();
                vm.CheckUnbox(obj, type);
                // LoadValue widens int32 and smaller values to their stack form (sign-extended slots).
                vm.LoadValue(type, (byte*)(obj + ObjectLayout.FirstFieldOffset), fp + ip->A);
                return next;
            }
            case Op.UnboxAnyNullable:
                vm.UnboxNullable((RuntimeType)tokens[ip->Token], (nint)fp[ip->B], (byte*)(fp + ip->A));
                return next;
            case Op.Unbox:
            {
                var type = (RuntimeType)tokens[ip->Token];
                var obj = (nint)fp[ip->B];
                if (obj == 0) NullReference();
                vm.CheckUnbox(obj, type);
                fp[ip->A] = obj + ObjectLayout.FirstFieldOffset;
                return next;
            }
            case Op.CastClass:
            {
                var obj = (nint)fp[ip->B];
                if (obj != 0 && !vm.IsInstanceOf(obj, (RuntimeType)tokens[ip->Token]))
                    throw new ManagedRuntimeError(RuntimeErrorKind.InvalidCast,
                        $"Unable to cast object of type '{ClrTypeNames.InCastMessage(vm.TypeOf(obj).Reference)}' to type '{ClrTypeNames.InCastMessage(((RuntimeType)tokens[ip->Token]).Reference)}'.");
                fp[ip->A] = obj;
                return next;
            }
            case Op.IsInst:
            {
                var obj = (nint)fp[ip->B];
                fp[ip->A] = obj != 0 && vm.IsInstanceOf(obj, (RuntimeType)tokens[ip->Token]) ? obj : 0;
                return next;
            }
            case Op.InitObj:
                new Span<byte>((void*)fp[ip->A], ip->C).Clear();
                return next;
            case Op.CopyObj:
                Buffer.MemoryCopy((void*)fp[ip->B], (void*)fp[ip->A], ip->C, ip->C);
                return next;
            case Op.InitBlk:
                new Span<byte>((void*)fp[ip->A], (int)fp[ip->C]).Fill((byte)fp[ip->B]);
                return next;
            case Op.CopyBlk:
                Buffer.MemoryCopy((void*)fp[ip->B], (void*)fp[ip->A], fp[ip->C], fp[ip->C]);
                return next;
            case Op.Localloc:
                fp[ip->A] = (long)vm.Localloc(_thread, (int)fp[ip->B]);
                return next;
            case Op.ClassInit:
            {
                var type = (RuntimeType)tokens[ip->Token];
                vm.EnsureClassInitialized(type);
                if (type.InitState == ClassInitState.Done) ip->Op = Op.Nop;
                return next;
            }
            case Op.LdFtn:
                fp[ip->A] = vm.MethodHandle((RuntimeMethod)tokens[ip->Token]);
                return next;
            case Op.LdVirtFtn:
            {
                var obj = (nint)fp[ip->B];
                if (obj == 0) NullReference();
                fp[ip->A] = vm.MethodHandle(vm.Types.ResolveVirtual(vm.TypeOf(obj), (RuntimeMethod)tokens[ip->Token]));
                return next;
            }
            case Op.NewDelegate:
                fp[ip->A] = vm.NewDelegate((RuntimeType)tokens[ip->Token], (nint)fp[ip->A], fp[ip->A + 1]);
                return next;
            case Op.InvokeDelegate:
                vm.InvokeDelegate(this, (RuntimeMethod)tokens[ip->Token], fp + ip->A);
                return next;
            case Op.Throw:
                Throw((nint)fp[ip->A]);
                return next;
            case Op.Rethrow:
                Throw(_thread.Current.CaughtException);
                return next;
            case Op.CallFinally:
            {
                var h = pm.Handlers[ip->Token];
                RunFunclet(pm, fp, h.HandlerStart);
                return next;
            }
            case Op.Unsupported:
                throw (Exception)tokens[ip->Token];
        }
        throw new InvalidOperationException($"interpreter: no implementation for {ip->Op}");
    }

    private void LoadElement(Instr* ip, long* fp)
    {
        var array = fp[ip->B];
        var index = fp[ip->C];
        if (array == 0) NullReference();
        if ((ulong)index >= (ulong)*(int*)(array + ObjectLayout.ArrayLengthOffset)) IndexOutOfRange();
        var data = (byte*)array + ObjectLayout.SzArrayDataOffset;
        switch (ip->Op)
        {
            case Op.LdElemI1: fp[ip->A] = ((sbyte*)data)[index]; break;
            case Op.LdElemU1: fp[ip->A] = data[index]; break;
            case Op.LdElemI2: fp[ip->A] = ((short*)data)[index]; break;
            case Op.LdElemR4: *(float*)(fp + ip->A) = ((float*)data)[index]; break;
            default: Buffer.MemoryCopy(data + index * ip->Imm, fp + ip->A, ip->Imm, ip->Imm); break;
        }
    }

    private void StoreElement(Instr* ip, long* fp, object[] tokens)
    {
        var array = fp[ip->A];
        var index = fp[ip->B];
        if (array == 0) NullReference();
        if ((ulong)index >= (ulong)*(int*)(array + ObjectLayout.ArrayLengthOffset)) IndexOutOfRange();
        var data = (byte*)array + ObjectLayout.SzArrayDataOffset;
        switch (ip->Op)
        {
            case Op.StElemI1: data[index] = (byte)fp[ip->C]; break;
            case Op.StElemI2: ((short*)data)[index] = (short)fp[ip->C]; break;
            case Op.StElemR4: ((float*)data)[index] = *(float*)(fp + ip->C); break;
            case Op.StElemRef:
            {
                var value = (nint)fp[ip->C];
                if (value != 0)
                {
                    var elementType = _vm.TypeOf((nint)array).ElementType!;
                    if (elementType != _vm.Types.Object && !_vm.IsInstanceOf(value, elementType))
                        throw new ManagedRuntimeError(RuntimeErrorKind.ArrayTypeMismatch, "Attempted to access an element as a type incompatible with the array.");
                }
                _vm.Heap.StoreReference((nint*)data + index, value);
                break;
            }
            default:
            {
                var size = (int)ip->Imm;
                Buffer.MemoryCopy(fp + ip->C, data + index * size, size, size);
                if (ip->Token >= 0) _vm.Heap.NoteStructStore((nint)(data + index * size), (RuntimeType)tokens[ip->Token]);
                break;
            }
        }
    }

    private void MdArrayAccess(Instr* ip, long* fp, RuntimeType arrayType)
    {
        var array = fp[ip->B];
        if (array == 0) NullReference();
        var rank = arrayType.Rank;
        var bounds = (int*)(array + ObjectLayout.SzArrayDataOffset);
        long flat = 0;
        for (var d = 0; d < rank; d++)
        {
            var i = (int)fp[ip->B + 1 + d] - bounds[rank + d];
            if ((uint)i >= (uint)bounds[d]) IndexOutOfRange();
            flat = flat * bounds[d] + i;
        }
        var element = arrayType.ElementType!;
        var size = element.ValueSize;
        var address = (byte*)array + ObjectLayout.MdArrayDataOffset(rank) + flat * size;
        switch (ip->Op)
        {
            case Op.MdArrayAddress:
                fp[ip->A] = (long)address;
                return;
            case Op.MdArrayGet:
                _vm.LoadValue(element, address, fp + ip->A);
                return;
            default:
                _vm.StoreValue(element, address, fp + ip->B + 1 + rank);
                return;
        }
    }
}
