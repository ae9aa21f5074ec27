namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// The interpreter's operations. Conventions: A is the destination slot unless said otherwise; int32
/// values are kept sign-extended to 64 bits in their slots, so int32, int64, native ints, references
/// and managed pointers share loads, moves, branches on zero and array indexing. float32 values sit
/// in a slot's low 4 bytes as floats (CoreCLR computes float32 in single precision).
/// </summary>
public enum Op : ushort
{
    Nop,
    /// <summary>A loop header (tiered mode only): counts iterations toward on-stack replacement; compiled code ignores it.</summary>
    LoopHeader,
    // Moves: A = B (1 slot), MovN: C slots.
    Mov, MovN,
    LdcI8, LdcR4, LdcR8,
    /// <summary>A = address of slot B (ldloca/ldarga).</summary>
    LdSlotAddr,
    // Loads through the address in slot B, plus Imm bytes; a null address throws NullReferenceException.
    LoadI1, LoadU1, LoadI2, LoadU2, LoadI4, LoadU4, LoadI8, LoadR4, LoadR8,
    /// <summary>Load C bytes into slots from A on.</summary>
    LoadN,
    /// <summary>A = address in slot B + Imm, after a null check (ldflda).</summary>
    AddrOf,
    // Stores through the address in slot A, plus Imm, of the value in slot B.
    StoreI1, StoreI2, StoreI4, StoreI8, StoreR4,
    /// <summary>A reference store into the heap: through the write barrier.</summary>
    StoreRef,
    /// <summary>Store C bytes; Token names the struct type when it holds references (write barrier).</summary>
    StoreN,
    /// <summary>A static field at the native address Imm: A = *Imm (int32 sign-extended, or 8 bytes), or *Imm = A.</summary>
    LoadStaticI4, LoadStaticI8, StoreStaticI4, StoreStaticI8,
    // Narrowing loads from a slot (ldloc/ldarg of small types; A = normalize(B)).
    NarrowI1, NarrowU1, NarrowI2, NarrowU2, NarrowU4,

    // Arithmetic: A = B op C.
    AddI4, SubI4, MulI4, DivI4, DivUnI4, RemI4, RemUnI4, AndI4, OrI4, XorI4, ShlI4, ShrI4, ShrUnI4,
    AddI8, SubI8, MulI8, DivI8, DivUnI8, RemI8, RemUnI8, AndI8, OrI8, XorI8, ShlI8, ShrI8, ShrUnI8,
    AddR4, SubR4, MulR4, DivR4, RemR4,
    AddR8, SubR8, MulR8, DivR8, RemR8,
    AddOvfI4, AddOvfUnI4, SubOvfI4, SubOvfUnI4, MulOvfI4, MulOvfUnI4,
    AddOvfI8, AddOvfUnI8, SubOvfI8, SubOvfUnI8, MulOvfI8, MulOvfUnI8,
    /// <summary>Int32 arithmetic with a constant: A = B op Imm (subtraction is AddI4Imm of the negated
    /// constant; DivI4Imm and RemI4Imm only for divisors that cannot throw, not 0 and not -1).</summary>
    AddI4Imm, MulI4Imm, AndI4Imm, OrI4Imm, XorI4Imm, ShlI4Imm, ShrI4Imm, ShrUnI4Imm, DivI4Imm, RemI4Imm,
    NegI4, NegI8, NegR4, NegR8, NotI4, NotI8,
    /// <summary>Any conversion: A = convert(B) with C = <see cref="ConversionCode"/>.</summary>
    Convert,
    ConvI4ToR8, ConvI8ToR8, ConvR8ToI4, ConvR4ToR8, ConvR8ToR4, ConvI8ToI4, ConvU4ToI8, ConvI4ToU1, ConvI4ToU2, ConvI4ToI2, ConvI4ToI1,
    CkFiniteR8, CkFiniteR4,

    // Comparisons: A = (B op C) ? 1 : 0.
    CeqI4, CgtI4, CgtUnI4, CltI4, CltUnI4,
    CeqI8, CgtI8, CgtUnI8, CltI8, CltUnI8,
    CeqR8, CgtR8, CgtUnR8, CltR8, CltUnR8,

    // Branches: to Imm (a prepared-instruction index). Conditional ones test slots A (and B).
    Br, BrTrue, BrFalse,
    BeqI4, BneUnI4, BltI4, BltUnI4, BleI4, BleUnI4, BgtI4, BgtUnI4, BgeI4, BgeUnI4,
    BeqI8, BneUnI8, BltI8, BltUnI8, BleI8, BleUnI8, BgtI8, BgtUnI8, BgeI8, BgeUnI8,
    BeqR8, BneUnR8, BltR8, BltUnR8, BleR8, BleUnR8, BgtR8, BgtUnR8, BgeR8, BgeUnR8,
    /// <summary>Int32 compare-and-branch against the constant C.</summary>
    BeqI4Imm, BneUnI4Imm, BltI4Imm, BltUnI4Imm, BleI4Imm, BleUnI4Imm, BgtI4Imm, BgtUnI4Imm, BgeI4Imm, BgeUnI4Imm,
    /// <summary>Switch on slot A over the int[] target table at Token; falls through when out of range.</summary>
    Switch,

    // Calls: A = first argument slot; Token = the method (or call-site cache). Call with C = 1 first
    // checks that `this` (slot A) is not null: a callvirt that needs no dispatch.
    Call, CallVirt, CallInterface, CallInternal,
    /// <summary>newobj of a class: B = argument slots; Token = constructor.</summary>
    NewObj,
    /// <summary>newobj of a struct: B = argument slots, C = temporary slot; Token = constructor.</summary>
    NewValue,
    NewArr, NewMdArray, MdArrayGet, MdArraySet, MdArrayAddress,
    /// <summary>Return: copy B slots from slot A to slot 0.</summary>
    Ret,
    LdFtn, LdVirtFtn, NewDelegate, InvokeDelegate,

    // Objects.
    Box, BoxNullable, UnboxAny, UnboxAnyNullable, Unbox, CastClass, IsInst, LdLen,
    LdElemI1, LdElemU1, LdElemI2, LdElemU2, LdElemI4, LdElemU4, LdElemI8, LdElemR4, LdElemR8, LdElemN,
    /// <summary>Element stores: A = array, B = index, C = value.</summary>
    StElemI1, StElemI2, StElemI4, StElemI8, StElemR4, StElemRef, StElemN,
    LdElemA,
    InitObj, CopyObj, InitBlk, CopyBlk, Localloc,
    /// <summary>Runs the static constructor of Token's type if it has not run; then becomes a Nop.</summary>
    ClassInit,

    // Exceptions.
    Throw, Rethrow,
    /// <summary>Runs the finally block of handler Token (a leave crossing it).</summary>
    CallFinally,
    EndFinally, EndFilter,
    /// <summary>An instruction the interpreter refuses: throws the exception Token names when reached.</summary>
    Unsupported,
}
