using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Ir;

/// <summary>
/// One LLVM module under construction, in a context of its own. A frontend fills it (on any one
/// thread at a time) and hands it to <see cref="Compile.JitSession.Compile"/>, which consumes it.
/// </summary>
/// <remarks>
/// The context lives inside an ORC thread-safe context from the start, because the IR route
/// must hand ORC a thread-safe module built in that very context. LLVM ≤ 20 only offers
/// "make a thread-safe context, then borrow its context"; LLVM ≥ 21 only offers "wrap a context
/// you made". Which one exists is checked at run time, so one binary serves LLVM 19 to 22.
/// </remarks>
public sealed class IrModule : IDisposable
{
    private OrcThreadSafeContextRef _threadSafeContext;
    private ModuleRef _module;
    private readonly List<BuilderRef> _builders = [];

    public string Name { get; }
    public ContextRef Context { get; }
    public IrTypes Types { get; }

    /// <summary>The module handle; throws once the module has been compiled or disposed.</summary>
    public ModuleRef Module => _module.IsNull ? throw new ObjectDisposedException(Name, "the module was consumed by a compile or disposed") : _module;

    internal IrModule(string name, string triple, string dataLayout)
    {
        LlvmLibrary.EnsureLoaded();
        Name = name;
        if (s_contextInsideThreadSafeContext.Value)
        {
            _threadSafeContext = Orc.CreateNewThreadSafeContext();
            Context = Orc.ThreadSafeContextGetContext(_threadSafeContext);
        }
        else
        {
            Context = Core.ContextCreate();
            _threadSafeContext = Orc.CreateNewThreadSafeContextFromLLVMContext(Context);
        }
        _module = Core.ModuleCreateWithNameInContext(name, Context);
        Core.SetTarget(_module, triple);
        Core.SetDataLayout(_module, dataLayout);
        Types = new IrTypes(Context);
    }

    private static readonly Lazy<bool> s_contextInsideThreadSafeContext =
        new(() => LlvmLibrary.Exports("LLVMOrcThreadSafeContextGetContext"));

    /// <summary>A builder positioned nowhere yet; it is freed with the module.</summary>
    public BuilderRef CreateBuilder()
    {
        var builder = Core.CreateBuilder(Context);
        _builders.Add(builder);
        return builder;
    }

    /// <summary>Adds a function with external linkage (so the JIT can look it up by name).</summary>
    public ValueRef AddFunction(string name, TypeRef returnType, params TypeRef[] parameters) =>
        Core.AddFunction(Module, name, Core.FunctionType(returnType, parameters));

    /// <summary>Adds a function and a builder positioned in its "entry" block.</summary>
    public (ValueRef Function, BuilderRef Builder) DefineFunction(string name, TypeRef returnType, params TypeRef[] parameters)
    {
        var function = AddFunction(name, returnType, parameters);
        var builder = CreateBuilder();
        Core.PositionBuilderAtEnd(builder, AppendBlock(function, "entry"));
        return (function, builder);
    }

    public BasicBlockRef AppendBlock(ValueRef function, string name) => Core.AppendBasicBlock(Context, function, name);

    public string PrintIr() => Core.PrintModuleToString(Module);

    /// <summary>Functions with a body, in module order.</summary>
    public IEnumerable<ValueRef> DefinedFunctions()
    {
        for (var f = Core.GetFirstFunction(Module); !f.IsNull; f = Core.GetNextFunction(f))
            if (!Core.IsDeclaration(f)) yield return f;
    }

    /// <summary>All instructions of all defined functions: the IR size counter.</summary>
    public int CountInstructions()
    {
        var count = 0;
        foreach (var function in DefinedFunctions())
            for (var block = Core.GetFirstBasicBlock(function); !block.IsNull; block = Core.GetNextBasicBlock(block))
                for (var inst = Core.GetFirstInstruction(block); !inst.IsNull; inst = Core.GetNextInstruction(inst))
                    count++;
        return count;
    }

    /// <summary>Hands the module to ORC; from here ORC owns it, whatever happens next.</summary>
    internal OrcThreadSafeModuleRef ReleaseToThreadSafeModule()
    {
        DisposeBuilders();
        var threadSafe = Orc.CreateNewThreadSafeModule(Module, _threadSafeContext);
        _module = default;
        return threadSafe;
    }

    private void DisposeBuilders()
    {
        foreach (var builder in _builders) Core.DisposeBuilder(builder);
        _builders.Clear();
    }

    public void Dispose()
    {
        DisposeBuilders();
        if (!_module.IsNull)
        {
            Core.DisposeModule(_module);
            _module = default;
        }
        if (!_threadSafeContext.IsNull)
        {
            // The context dies with the last reference to the thread-safe context (ours, or a module ORC holds).
            Orc.DisposeThreadSafeContext(_threadSafeContext);
            _threadSafeContext = default;
        }
    }
}
