using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RuntimeLab.Jit.Inspect;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;

namespace RuntimeLab.Jit.Compile;

/// <summary>An absolute host address made visible to JIT'd code under a name.</summary>
public readonly record struct HostSymbol(string Name, nint Address);

/// <summary>
/// The shared backend's front door: one ORC LLJIT, fed IR modules by either frontend.
/// Building IR and running passes may happen on any thread (each module has its own context);
/// adding to the JIT and looking symbols up are serialized under one lock, because concurrent
/// adds into one LLJIT crash.
/// </summary>
public sealed unsafe class JitSession : IDisposable
{
    private readonly Lock _gate = new();
    private readonly OrcLLJITRef _jit;
    private readonly OrcJITDylibRef _dylib;
    private readonly TargetMachinePool _machines;
    private readonly GCHandle _self;
    private readonly List<ObjectSummary> _linkedObjects = [];
    private readonly PerfMap? _perfMap;
    private BackgroundCompiler? _background;
    private string? _lastReportedError;
    private bool _disposed;

    public JitOptions Options { get; }
    public string Triple { get; }
    public string DataLayout { get; }
    public string CpuName => _machines.CpuName;
    public JitCounters Counters { get; } = new();

    public JitSession(JitOptions? options = null)
    {
        LlvmLibrary.EnsureLoaded();
        Options = options ?? new JitOptions();
        Errors.ThrowIfFailed(Orc.CreateLLJIT(out _jit, Orc.CreateLLJITBuilder()), "creating the LLJIT");
        _dylib = Orc.GetMainJITDylib(_jit);
        Triple = Marshal.PtrToStringUTF8((nint)Orc.GetTripleString(_jit))!;
        DataLayout = Marshal.PtrToStringUTF8((nint)Orc.GetDataLayoutStr(_jit))!;
        _machines = new TargetMachinePool(Triple);
        _self = GCHandle.Alloc(this);

        // libc and the process's own exports resolve by name (memcpy, fmod …).
        Errors.ThrowIfFailed(Orc.CreateDynamicLibrarySearchGeneratorForProcess(out var generator, Orc.GetGlobalPrefix(_jit), 0, 0),
            "adding the process symbol generator");
        Orc.JITDylibAddGenerator(_dylib, generator);
        Orc.SetErrorReporter(Orc.GetExecutionSession(_jit), &ReportError, GCHandle.ToIntPtr(_self));
        Orc.SetObjectTransform(Orc.GetObjTransformLayer(_jit), &InspectObject, GCHandle.ToIntPtr(_self));
        if (Options.PerfMap) _perfMap = PerfMap.ForThisProcess();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>A new, empty module targeting this JIT's triple and data layout.</summary>
    public IrModule CreateModule(string name) => new(name, Triple, DataLayout);

    /// <summary>The background queue, started on first use.</summary>
    public BackgroundCompiler Background
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _background ??= new BackgroundCompiler(this, Options.BackgroundWorkers);
            }
        }
    }

    /// <summary>Makes host functions (C# [UnmanagedCallersOnly] methods, native exports) callable from JIT'd code by name.</summary>
    public void DefineHostSymbols(params ReadOnlySpan<HostSymbol> symbols)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var pairs = new Orc.SymbolMapPair[symbols.Length];
            for (var i = 0; i < symbols.Length; i++)
            {
                pairs[i].Name = Orc.MangleAndIntern(_jit, symbols[i].Name);
                pairs[i].Symbol.Address = (ulong)symbols[i].Address;
                pairs[i].Symbol.Flags.GenericFlags = Orc.ExportedCallable;
            }
            OrcMaterializationUnitRef unit;
            fixed (Orc.SymbolMapPair* p = pairs) unit = Orc.AbsoluteSymbols(p, (nuint)pairs.Length);
            var error = Orc.JITDylibDefine(_dylib, unit);
            if (!error.IsSuccess)
            {
                Orc.DisposeMaterializationUnit(unit);
                throw new JitException($"defining host symbols: {Errors.Consume(error)}");
            }
        }
    }

    /// <summary>The address of a JIT'd or host symbol, by its plain name.</summary>
    public nint Lookup(string name)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return LookupLocked(name);
        }
    }

    /// <summary>Creates a module named <paramref name="name"/>, lets <paramref name="build"/> fill it, and
    /// compiles it; a module whose build fails is disposed, not compiled.</summary>
    public CompiledModule Compile(string name, Action<IrModule> build, CompileOptions? options = null)
    {
        var module = CreateModule(name);
        try
        {
            build(module);
        }
        catch
        {
            module.Dispose();
            throw;
        }
        return Compile(module, options);
    }

    /// <summary>
    /// Verifies, optimizes and compiles <paramref name="module"/>, then looks up every function it
    /// defines with external linkage. The module is consumed. Invalid IR throws
    /// <see cref="IrVerificationException"/> and leaves the JIT untouched.
    /// </summary>
    public CompiledModule Compile(IrModule module, CompileOptions? options = null)
    {
        options ??= new CompileOptions();
        using var owned = module;
        try
        {
            return CompileOwned(module, options);
        }
        catch
        {
            Counters.RecordFailure();
            throw;
        }
    }

    private CompiledModule CompileOwned(IrModule module, CompileOptions options)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Analysis.VerifyModule(module.Module) is { } verifierMessage)
            throw new IrVerificationException(module.Name, verifierMessage);

        var irBefore = options.CaptureIr ? module.PrintIr() : null;
        var instructionsBefore = module.CountInstructions();
        var exported = module.DefinedFunctions()
            .Where(f => Core.GetLinkage(f) is not (Linkage.Internal or Linkage.Private))
            .Select(Core.GetValueName).ToList();
        var machine = _machines.For(options.Level.CodeGen());

        var clock = Stopwatch.StartNew();
        var passOptions = PassBuilder.CreateOptions();
        try { Errors.ThrowIfFailed(PassBuilder.RunPasses(module.Module, options.Level.Pipeline(), machine, passOptions), $"optimizing '{module.Name}'"); }
        finally { PassBuilder.DisposeOptions(passOptions); }
        var passTime = clock.Elapsed;
        var instructionsAfter = module.CountInstructions();
        var irAfter = options.CaptureIr ? module.PrintIr() : null;

        clock.Restart();
        MemoryBufferRef objectFile = default;
        if (options.Route == CompileRoute.ObjectFile)
            objectFile = Target.EmitToMemoryBuffer(machine, module.Module, CodeGenFileType.Object);
        var emitTime = clock.Elapsed;

        lock (_gate)
        {
            if (_disposed)
            {
                // The session closed while this thread generated code: the object was never handed to ORC.
                if (!objectFile.IsNull) Core.DisposeMemoryBuffer(objectFile);
                throw new ObjectDisposedException(nameof(JitSession));
            }
            clock.Restart();
            var tracker = Orc.CreateResourceTracker(_dylib);
            _linkedObjects.Clear();
            // Both adds take ownership even when they fail, so nothing is disposed on their error paths.
            var added = options.Route == CompileRoute.ObjectFile
                ? Orc.AddObjectFileWithRT(_jit, tracker, objectFile)
                : Orc.AddLLVMIRModuleWithRT(_jit, tracker, module.ReleaseToThreadSafeModule());
            if (!added.IsSuccess)
            {
                Orc.ReleaseResourceTracker(tracker);
                throw new JitException($"adding '{module.Name}' to the JIT: {Errors.Consume(added)}");
            }
            var addresses = new List<nint>(exported.Count);
            try
            {
                foreach (var name in exported) addresses.Add(LookupLocked(name));
            }
            catch
            {
                RemoveTracker(tracker);
                throw;
            }
            var linkTime = clock.Elapsed;
            var linked = _linkedObjects.ToList();
            var sizes = linked.SelectMany(o => o.SymbolSizes).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
            var functions = exported.Select((name, i) => new CompiledFunction(name, addresses[i], sizes.GetValueOrDefault(name))).ToList();
            var sections = linked.SelectMany(o => o.Sections).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
            var stats = new CompileStats(options.Level, functions.Count, instructionsBefore, instructionsAfter,
                passTime, emitTime + linkTime, linked.Sum(o => o.CodeBytes));
            Counters.Record(stats);
            _perfMap?.Write(functions);
            return new CompiledModule(this, tracker, module.Name, functions, stats, irBefore, irAfter, sections);
        }
    }

    private nint LookupLocked(string name)
    {
        _lastReportedError = null;
        var error = Orc.Lookup(_jit, out var address, name);
        if (!error.IsSuccess)
        {
            var message = Errors.Consume(error);
            if (_lastReportedError is { } reported && !message.Contains(reported)) message += $" ({reported})";
            throw new JitException($"looking up '{name}': {message}");
        }
        return (nint)address;
    }

    /// <summary>Frees a module's code. Called by <see cref="CompiledModule.Dispose"/>.</summary>
    internal void Release(OrcResourceTrackerRef tracker)
    {
        lock (_gate)
        {
            // After the session is gone, LLJIT already freed everything the tracker held.
            if (_disposed) return;
            RemoveTracker(tracker);
        }
    }

    private static void RemoveTracker(OrcResourceTrackerRef tracker)
    {
        var error = Orc.ResourceTrackerRemove(tracker);
        Orc.ReleaseResourceTracker(tracker);
        if (!error.IsSuccess) throw new JitException($"freeing JIT'd code: {Errors.Consume(error)}");
    }

    [UnmanagedCallersOnly]
    private static ErrorRef InspectObject(nint context, MemoryBufferRef* objectInOut)
    {
        // Runs inside a lookup, on the thread that holds _gate: every object passes here before it is linked.
        try
        {
            var session = (JitSession)GCHandle.FromIntPtr(context).Target!;
            session._linkedObjects.Add(ObjectSummary.Read(*objectInOut));
        }
        catch (Exception)
        {
            // Sizes are for inspection only; a summary we cannot read must not fail the link.
        }
        return default;
    }

    [UnmanagedCallersOnly]
    private static void ReportError(nint context, ErrorRef error)
    {
        var message = Errors.Consume(error);
        if (GCHandle.FromIntPtr(context).Target is JitSession session) session._lastReportedError = message;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    /// <summary>Stops and joins the background workers first: exiting mid-compile races LLVM's static destructors.</summary>
    public void Dispose()
    {
        BackgroundCompiler? background;
        lock (_gate)
        {
            if (_disposed) return;
            background = _background;
        }
        background?.Dispose();
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            var error = Orc.DisposeLLJIT(_jit);
            if (!error.IsSuccess) Errors.Consume(error);
            _machines.Dispose();
            _perfMap?.Dispose();
            _self.Free();
        }
    }
}
