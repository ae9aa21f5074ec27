using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Bytecode.Importing;

/// <summary>
/// A method body after import: its instructions, and for each one the types on the evaluation stack
/// when it starts (null where the instruction is unreachable). The one record of types in a method that
/// the interpreter, the verifier and the JIT all read.
/// </summary>
public sealed class ImportedMethod
{
    public MethodDefinition Method { get; }
    public GenericContext Context { get; }
    public IReadOnlyList<Instruction> Instructions { get; }
    public StackEntry[]?[] StackBefore { get; }
    /// <summary>Closed types of the arguments, <c>this</c> first for instance methods.</summary>
    public IReadOnlyList<TypeReference> ArgumentTypes { get; }
    public IReadOnlyList<TypeReference> LocalTypes { get; }
    public TypeReference ReturnType { get; }
    /// <summary>Closed call-site signatures, by instruction index (null where not a call).</summary>
    public CalleeSignature?[] Callees { get; }
    public int MaxStackDepth { get; }
    /// <summary>Per instruction, in a reference type's constructor: has <c>this</c> been handed to a
    /// base or sibling constructor on every path to it. True throughout other methods; false where unreachable.</summary>
    public bool[] ThisInitializedBefore { get; init; } = [];
    public bool TracksThisInitialization { get; init; }

    private readonly Dictionary<int, int> _indexOfOffset;

    internal ImportedMethod(MethodDefinition method, GenericContext context, IReadOnlyList<TypeReference> args,
        IReadOnlyList<TypeReference> locals, TypeReference returnType, StackEntry[]?[] stackBefore, CalleeSignature?[] callees, int maxDepth)
    {
        Method = method;
        Context = context;
        Instructions = method.Body.Instructions.ToArray();
        ArgumentTypes = args;
        LocalTypes = locals;
        ReturnType = returnType;
        StackBefore = stackBefore;
        Callees = callees;
        MaxStackDepth = maxDepth;
        _indexOfOffset = new Dictionary<int, int>(Instructions.Count);
        for (var i = 0; i < Instructions.Count; i++) _indexOfOffset[Instructions[i].Offset] = i;
    }

    public int IndexOf(Instruction instruction) => _indexOfOffset[instruction.Offset];
    public int IndexOfOffset(int offset) => _indexOfOffset[offset];
    public bool IsInstructionStart(int offset) => _indexOfOffset.ContainsKey(offset);
}
