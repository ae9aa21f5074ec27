namespace RuntimeLab.Jit.Llvm;

// The LLVM-C enumerations the frontends use, with LLVM's own numbering.

public enum Linkage
{
    External = 0, AvailableExternally = 1, LinkOnceAny = 2, LinkOnceOdr = 3,
    WeakAny = 5, WeakOdr = 6, Appending = 7, Internal = 8, Private = 9,
    ExternalWeak = 12, Common = 14,
}

public enum IntPredicate { Eq = 32, Ne, Ugt, Uge, Ult, Ule, Sgt, Sge, Slt, Sle }

/// <summary>Ordered predicates are false when either operand is NaN; unordered ones are true.</summary>
public enum RealPredicate { False = 0, Oeq, Ogt, Oge, Olt, Ole, One, Ord, Uno, Ueq, Ugt, Uge, Ult, Ule, Une, True }

public enum CallConv { C = 0, Fast = 8, Cold = 9, Ghc = 10, PreserveMost = 14, PreserveAll = 15, X86StdCall = 64, X86FastCall = 65 }

public enum TailCallKind { None = 0, Tail = 1, MustTail = 2, NoTail = 3 }

public enum TypeKind
{
    Void = 0, Half, Float, Double, X86Fp80, Fp128, PpcFp128, Label, Integer, Function,
    Struct, Array, Pointer, Vector, Metadata, X86Mmx, Token, ScalableVector, BFloat, X86Amx, TargetExt,
}

public enum CodeGenOptLevel { None = 0, Less = 1, Default = 2, Aggressive = 3 }
public enum RelocMode { Default = 0, Static = 1, Pic = 2, DynamicNoPic = 3 }
public enum CodeModel { Default = 0, JitDefault = 1, Tiny = 2, Small = 3, Kernel = 4, Medium = 5, Large = 6 }
public enum CodeGenFileType { Assembly = 0, Object = 1 }
public enum VerifierFailureAction { AbortProcess = 0, PrintMessage = 1, ReturnStatus = 2 }

/// <summary>Where an attribute goes on a function or call: the return value, the function itself, or parameter N (1-based).</summary>
public static class AttributeIndex
{
    public const uint Return = 0;
    public const uint Function = uint.MaxValue;
    public static uint Parameter(int zeroBased) => (uint)zeroBased + 1;
}

public enum AtomicOrdering { NotAtomic = 0, Unordered = 1, Monotonic = 2, Acquire = 4, Release = 5, AcquireRelease = 6, SequentiallyConsistent = 7 }

public enum AtomicRmwOp { Xchg = 0, Add, Sub, And, Nand, Or, Xor, Max, Min, UMax, UMin, FAdd, FSub, FMax, FMin }

public enum InlineAsmDialect { Att = 0, Intel = 1 }
