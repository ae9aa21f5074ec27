using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Bytecode.Importing;

/// <summary>The importer's working state for one method; becomes an <see cref="ImportedMethod"/>.</summary>
internal sealed class ImportedMethodBuilder
{
    private readonly MethodDefinition _method;
    private readonly GenericContext _context;
    private readonly Dictionary<int, int> _indexOfOffset = [];
    private int _maxDepth;

    public StackEntry[]?[] StackBefore { get; }
    /// <summary>Per instruction: is <c>this</c> initialized on every path to it (see <see cref="TracksThisInitialization"/>).</summary>
    public bool[] ThisInitializedBefore { get; }
    /// <summary>An instance constructor of a reference type other than object: <c>this</c> starts
    /// uninitialized and must be handed to a base or sibling constructor first (Partition III §1.8.1.4).</summary>
    public bool TracksThisInitialization { get; }
    public CalleeSignature?[] Callees { get; }
    public TypeReference[] ArgumentTypes { get; }
    public TypeReference[] LocalTypes { get; }
    public TypeReference ReturnType { get; }

    public ImportedMethodBuilder(MethodDefinition method, GenericContext context)
    {
        _method = method;
        _context = context;
        var instructions = method.Body.Instructions;
        StackBefore = new StackEntry[instructions.Count][];
        Callees = new CalleeSignature[instructions.Count];
        ThisInitializedBefore = new bool[instructions.Count];
        TracksThisInitialization = method.IsConstructor && !method.IsStatic && !method.DeclaringType.IsValueType
            && method.DeclaringType.BaseType is not null;
        for (var i = 0; i < instructions.Count; i++) _indexOfOffset[instructions[i].Offset] = i;
        var args = new List<TypeReference>();
        if (method.HasThis)
        {
            var self = context.Close(method.DeclaringType);
            args.Add(TypeClassifier.IsValueType(self) ? new ByReferenceType(self) : self);
        }
        args.AddRange(method.Parameters.Select(p => context.Close(p.ParameterType)));
        ArgumentTypes = args.ToArray();
        LocalTypes = method.Body.Variables.Select(v => context.Close(v.VariableType)).ToArray();
        ReturnType = context.Close(method.ReturnType);
    }

    public int IndexOf(Instruction? target) =>
        target is not null && _indexOfOffset.TryGetValue(target.Offset, out var i) ? i
            : throw new InvalidIlException(TypeNames.ShortMethod(_method), target?.Offset ?? 0, "branch target is not an instruction", Verification.VerifierError.BadJumpTarget);

    public void NoteDepth(int depth) => _maxDepth = Math.Max(_maxDepth, depth);

    public ImportedMethod Build() => new(_method, _context, ArgumentTypes, LocalTypes, ReturnType, StackBefore, Callees, _maxDepth)
    {
        ThisInitializedBefore = ThisInitializedBefore,
        TracksThisInitialization = TracksThisInitialization,
    };
}
