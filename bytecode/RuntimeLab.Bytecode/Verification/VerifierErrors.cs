namespace RuntimeLab.Bytecode.Verification;

/// <summary>
/// ECMA-335 distinguishes IL that is not correct CIL at all (it has no meaning: a bad branch target, a
/// stack depth that depends on the path) from correct CIL whose type safety cannot be proven (pointer
/// arithmetic, <c>localloc</c>). CoreCLR refuses the first always and runs the second in full trust.
/// </summary>
public enum VerificationClass
{
    Invalid,
    Unverifiable,
}

/// <summary>Each identifier's class and its one-line description (worded after ILVerify's).</summary>
public static class VerifierErrors
{
    public static VerificationClass ClassOf(VerifierError error) => error switch
    {
        // Structure, stack depth and tokens: without them the IL has no meaning (Partition III §1.7).
        VerifierError.CodeSizeZero or VerifierError.UnknownOpcode or VerifierError.MethodEnd or VerifierError.MethodFallthrough
            or VerifierError.BadJumpTarget or VerifierError.BadBranch or VerifierError.StackOverflow or VerifierError.StackUnderflow
            or VerifierError.PathStackDepth or VerifierError.TokenResolve or VerifierError.ExpectedTypeToken
            or VerifierError.ExpectedMethodToken or VerifierError.ExpectedFieldToken or VerifierError.StringOperand
            or VerifierError.UnrecognizedLocalNumber or VerifierError.UnrecognizedArgumentNumber or VerifierError.EHClauseOutOfRange
            or VerifierError.ReturnEmpty or VerifierError.ReturnVoid or VerifierError.ReturnMissing
            or VerifierError.Endfinally or VerifierError.Endfilter or VerifierError.Rethrow => VerificationClass.Invalid,
        // Control transfers the exception-handling model forbids (Partition I §12.4.2.8).
        VerifierError.FallthroughException or VerifierError.FallthroughIntoHandler or VerifierError.FallthroughIntoFilter
            or VerifierError.LeaveIntoTry or VerifierError.LeaveIntoHandler or VerifierError.LeaveIntoFilter
            or VerifierError.LeaveOutOfFilter or VerifierError.LeaveOutOfFinally or VerifierError.LeaveOutOfFault
            or VerifierError.BranchIntoTry or VerifierError.BranchIntoHandler or VerifierError.BranchIntoFilter
            or VerifierError.BranchOutOfTry or VerifierError.BranchOutOfHandler or VerifierError.BranchOutOfFilter
            or VerifierError.BranchOutOfFinally or VerifierError.ReturnFromTry or VerifierError.ReturnFromHandler
            or VerifierError.ReturnFromFilter or VerifierError.TryNonEmptyStack or VerifierError.EndfilterStack => VerificationClass.Invalid,
        // Stack types that merge to nothing: the join has no type (Partition III §1.8.1.3).
        VerifierError.PathStackUnexpected => VerificationClass.Invalid,
        _ => VerificationClass.Unverifiable,
    };

    public static string Describe(VerifierError error) => error switch
    {
        VerifierError.CodeSizeZero => "Code size is zero.",
        VerifierError.UnknownOpcode => "Unknown opcode.",
        VerifierError.MethodEnd => "Method ends in the middle of an instruction.",
        VerifierError.MethodFallthrough => "Fall through end of the method without returning.",
        VerifierError.BadJumpTarget => "Branch / Leave into the middle of an instruction.",
        VerifierError.BadBranch => "Branch out of the method.",
        VerifierError.StackOverflow => "Stack overflow.",
        VerifierError.StackUnderflow => "Stack underflow.",
        VerifierError.PathStackDepth => "Stack depth differs depending on path.",
        VerifierError.PathStackUnexpected => "Non-compatible types on stack depending on path.",
        VerifierError.TokenResolve => "Unable to resolve token.",
        VerifierError.ExpectedTypeToken => "Expected type token.",
        VerifierError.ExpectedMethodToken => "Expected memberRef, memberDef or methodSpec token.",
        VerifierError.ExpectedFieldToken => "Expected field token.",
        VerifierError.StringOperand => "Operand does not point to a valid string ref.",
        VerifierError.UnrecognizedLocalNumber => "Unrecognized local variable number.",
        VerifierError.UnrecognizedArgumentNumber => "Unrecognized argument number.",
        VerifierError.EHClauseOutOfRange => "Exception handling clause bounds outside code size.",
        VerifierError.FallthroughException => "Fallthrough the end of an exception block.",
        VerifierError.FallthroughIntoHandler => "Fallthrough into an exception handler.",
        VerifierError.FallthroughIntoFilter => "Fallthrough into an exception filter.",
        VerifierError.LeaveIntoTry => "Leave into try block.",
        VerifierError.LeaveIntoHandler => "Leave into exception handler block.",
        VerifierError.LeaveIntoFilter => "Leave into filter block.",
        VerifierError.LeaveOutOfFilter => "Leave out of filter block.",
        VerifierError.LeaveOutOfFinally => "Leave out of finally block.",
        VerifierError.LeaveOutOfFault => "Leave out of fault block.",
        VerifierError.Rethrow => "Rethrow from outside a catch handler.",
        VerifierError.Endfinally => "Endfinally from outside a finally handler.",
        VerifierError.Endfilter => "Endfilter from outside an exception filter block.",
        VerifierError.EndfilterStack => "Stack not empty when leaving an exception filter.",
        VerifierError.BranchIntoTry => "Branch into try block.",
        VerifierError.BranchIntoHandler => "Branch into exception handler block.",
        VerifierError.BranchIntoFilter => "Branch into exception filter block.",
        VerifierError.BranchOutOfTry => "Branch out of try block.",
        VerifierError.BranchOutOfHandler => "Branch out of exception handler block.",
        VerifierError.BranchOutOfFilter => "Branch out of exception filter block.",
        VerifierError.BranchOutOfFinally => "Branch out of finally block.",
        VerifierError.ReturnFromTry => "Return out of try block.",
        VerifierError.ReturnFromHandler => "Return out of exception handler block.",
        VerifierError.ReturnFromFilter => "Return out of exception filter block.",
        VerifierError.TryNonEmptyStack => "Attempt to enter a try block with nonempty stack.",
        VerifierError.StackUnexpected => "Unexpected type on the stack.",
        VerifierError.StackUnexpectedArrayType => "Unexpected array type on the stack.",
        VerifierError.UninitStack => "Uninitialized item on stack.",
        VerifierError.ExpectedIntegerType => "Expected I, I4, or I8 on the stack.",
        VerifierError.ExpectedFloatType => "Expected R, R4, or R8 on the stack.",
        VerifierError.ExpectedNumericType => "Expected numeric type on the stack.",
        VerifierError.StackObjRef => "Expected an ObjRef on the stack.",
        VerifierError.StackByRef => "Expected ByRef on the stack.",
        VerifierError.ExpectedArray => "Expected single-dimension zero-based array.",
        VerifierError.ValueTypeExpected => "Value type expected.",
        VerifierError.BoxByRef => "Cannot box byref.",
        VerifierError.ReturnVoid => "Stack must be empty on return from a void function.",
        VerifierError.ReturnMissing => "Return value missing on the stack.",
        VerifierError.ReturnEmpty => "Stack must contain only the return value.",
        VerifierError.ReturnPtrToStack => "Return type is ByRef, TypedReference, ArgHandle, or ArgIterator.",
        VerifierError.MethodAccess => "Method is not visible.",
        VerifierError.FieldAccess => "Field is not visible.",
        VerifierError.ExpectedStaticField => "Expected static field.",
        VerifierError.InitOnly => "Cannot change initonly field outside its .ctor.",
        VerifierError.CallVirtOnValueType => "Callvirt on a value type method.",
        VerifierError.CallVirtOnStatic => "callvirt on static.",
        VerifierError.CallAbstract => "Call not allowed on abstract methods.",
        VerifierError.CallCtor => "call to .ctor only allowed to initialize this pointer from within a .ctor. Try newobj.",
        VerifierError.CtorExpected => ".ctor expected.",
        VerifierError.CtorSig => "newobj on static or abstract method.",
        VerifierError.NewobjAbstractClass => "Cannot construct an instance of abstract class.",
        VerifierError.LdftnCtor => "ldftn/ldvirtftn not allowed on .ctor.",
        VerifierError.LdvirtftnOnStatic => "ldvirtftn on static.",
        VerifierError.DelegateCtor => "Unrecognized arguments for delegate .ctor.",
        VerifierError.DelegatePattern => "Dup, ldvirtftn, newobj delegate::.ctor() pattern expected (in the same basic block).",
        VerifierError.ThisUninitStore => "Store into this when it is uninitialized.",
        VerifierError.ThisUninitReturn => "Return from .ctor when this is uninitialized.",
        VerifierError.TailCall => "Missing call/callvirt/calli.",
        VerifierError.TailByRef => "Cannot pass ByRef to a tail call.",
        VerifierError.TailRet => "tail.call may only be followed by ret.",
        VerifierError.TailRetType => "Tail call return type not compatible.",
        VerifierError.TailStackEmpty => "Stack not empty after tail call.",
        VerifierError.TailCallInsideER => "The tail.call (or calli or callvirt) instruction cannot be used to transfer control out of a try, filter, catch, or finally block.",
        VerifierError.Constrained => "Missing callvirt following constrained prefix.",
        VerifierError.ConstrainedCallWithNonByRefThis => "The 'this' argument to a constrained call must have ByRef type.",
        VerifierError.ReadOnly => "Missing ldelema or call following readonly prefix.",
        VerifierError.ReadOnlyIllegalWrite => "Illegal write to readonly ByRef.",
        VerifierError.Volatile => "Missing ldsfld, stsfld, ldind, stind, ldfld, stfld, ldobj, stobj, initblk, or cpblk.",
        VerifierError.Unaligned => "Missing ldind, stind, ldfld, stfld, ldobj, stobj, initblk, cpblk.",
        VerifierError.Unverifiable => "Instruction can not be verified.",
        VerifierError.UnmanagedPointer => "Unmanaged pointers are not a verifiable type.",
        VerifierError.LocallocStackNotEmpty => "localloc requires that stack must be empty, except for 'size' argument.",
        VerifierError.InitLocals => "initlocals must be set for verifiable methods with one or more local variables.",
        _ => error.ToString(),
    };
}
