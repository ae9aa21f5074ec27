using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Runtime.Exceptions;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime;

/// <summary>The application VM's front door: run one assembly's entry point on RuntimeLab.</summary>
public static class AppVm
{
    /// <summary>Host stack for the interpreter thread: each managed call is a few host frames.</summary>
    private const int HostStackBytes = 1 << 30;

    /// <summary>
    /// Loads <paramref name="assemblyPath"/> (or compiles it first when it is a .cs file), binds its framework references to RuntimeLab's base
    /// library and runs its entry point on the interpreter. Returns the program's exit code (134 for an
    /// unhandled exception or stack overflow, as CoreCLR does); load errors come back as
    /// <see cref="AppLoadException"/> with a one-line message.
    /// </summary>
    public static int Run(string assemblyPath, IReadOnlyList<string> args, AppIo io, RunOptions options)
    {
        LoadedProgram program;
        string? compiledFolder = null;
        if (assemblyPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            assemblyPath = Hosting.SourceCompiler.Compile(assemblyPath);
            compiledFolder = Path.GetDirectoryName(assemblyPath);
        }
        try
        {
            program = ProgramLoader.Load(assemblyPath);
        }
        catch (BytecodeLoadException e)
        {
            throw new AppLoadException(e.Message);
        }
        using var cleanup = new TemporaryFolder(compiledFolder);
        using (program)
        {
            var exitCode = 0;
            Exception? hostFailure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    exitCode = RunOnThread(program, args, io, options);
                }
                catch (Exception e)
                {
                    hostFailure = e;
                }
            }, HostStackBytes) { Name = "RuntimeLab guest" };
            thread.Start();
            thread.Join();
            io.Stdout.Flush();
            if (hostFailure is AppLoadException) throw hostFailure;
            if (hostFailure is not null && Environment.GetEnvironmentVariable("RUNTIMELAB_DEBUG") == "1")
                io.Stderr.WriteLine(hostFailure.ToString());
            if (hostFailure is not null)
                throw new AppLoadException($"internal error in RuntimeLab: {hostFailure.GetType().Name}: {hostFailure.Message}");
            return exitCode;
        }
    }

    private static unsafe int RunOnThread(LoadedProgram program, IReadOnlyList<string> args, AppIo io, RunOptions options)
    {
        using var vm = new VirtualMachine(program.CoreLib, io, options);
        try
        {
            return RunMain(vm, program, args, io);
        }
        finally
        {
            if (options.GcStats) io.Stderr.Write(vm.Heap.Gc.Stats.Format());
            if (options.JitStats && vm.Interpreter.Jit is { } jit) io.Stderr.Write(jit.Statistics.Format());
        }
    }

    private static unsafe int RunMain(VirtualMachine vm, LoadedProgram program, IReadOnlyList<string> args, AppIo io)
    {
        try
        {
            var entryType = vm.Types.Get(program.EntryPoint.DeclaringType);
            var main = vm.Types.GetMethod(program.EntryPoint, entryType, []);
            vm.Types.EnsureSignature(main);
            var callArgs = new List<long>();
            if (main.Definition.Parameters.Count == 1)
            {
                var array = vm.AllocateArray(vm.Types.Get(new Mono.Cecil.ArrayType(vm.Types.String.Reference)), args.Count);
                vm.InFlight.Add(array);
                for (var i = 0; i < args.Count; i++)
                    vm.Heap.StoreReference((nint*)(array + ObjectLayout.SzArrayDataOffset) + i, vm.Strings.Intern(args[i]));
                callArgs.Add(array);
            }
            if (entryType.StaticConstructor is not null) vm.EnsureClassInitialized(entryType);
            var result = vm.CallManaged(main, callArgs.ToArray());
            vm.FlushConsole();
            return main.ReturnType is null ? 0 : (int)result;
        }
        catch (ExitSignal exit)
        {
            vm.FlushConsole();
            return exit.Code;
        }
        catch (UnwindSignal unhandled) when (unhandled.TargetDepth < 0)
        {
            vm.FlushConsole();
            io.Stderr.WriteLine($"Unhandled exception. {vm.DescribeException(unhandled.ExceptionObject)}");
            foreach (var line in vm.StackTraceOf(unhandled.ExceptionObject)) io.Stderr.WriteLine(line);
            io.Stderr.Flush();
            return 134;
        }
        catch (StackOverflowSignal overflow)
        {
            vm.FlushConsole();
            io.Stderr.WriteLine("Stack overflow.");
            WriteRepeatingFrames(io.Stderr, overflow.Frames);
            io.Stderr.Flush();
            return 134;
        }
        catch (PendingManagedException failed)
        {
            // The entry type's own initializer failed before Main could start.
            vm.FlushConsole();
            io.Stderr.WriteLine($"Unhandled exception. {vm.DescribeException(failed.ExceptionObject)}");
            return 134;
        }
        catch (UnsupportedMemberException e)
        {
            vm.FlushConsole();
            throw new AppLoadException(e.Message);
        }
        catch (InvalidIlException e)
        {
            vm.FlushConsole();
            throw new AppLoadException(e.Message);
        }
    }

    /// <summary>CoreCLR prints the innermost frames, then "Repeat N times:" for the recursive run.</summary>
    private static void WriteRepeatingFrames(TextWriter stderr, string[] frames)
    {
        var shown = frames.Take(5).ToArray();
        foreach (var f in shown) stderr.WriteLine(f);
        if (frames.Length > shown.Length) stderr.WriteLine($"   ... {frames.Length - shown.Length} more frames");
    }
}

/// <summary>Deletes the folder of a program compiled from a .cs file when the run ends.</summary>
file sealed class TemporaryFolder(string? path) : IDisposable
{
    public void Dispose()
    {
        if (path is not null && Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}

/// <summary>The program's standard streams.</summary>
public sealed record AppIo(TextReader Stdin, TextWriter Stdout, TextWriter Stderr);

/// <summary>Options of one run (the <c>runtimelab run</c> flags).</summary>
public sealed record RunOptions
{
    /// <summary>GC stress: a collection at every allocation, a full one every N-th (0 = off).</summary>
    public int GcStress { get; init; }
    public bool GcStats { get; init; }
    public bool GcTrace { get; init; }
    /// <summary>Heap limit in bytes; beyond it allocation throws OutOfMemoryException. 0 = none.</summary>
    public long HeapLimit { get; init; }
    /// <summary>Managed call depth at which "Stack overflow." ends the program.</summary>
    public int MaxCallDepth { get; init; } = 20_000;
    /// <summary>Methods (a <c>Type::Method</c> pattern) whose prepared code is listed on stderr when first prepared.</summary>
    public string? ShowPrepared { get; init; }
    /// <summary>What the verifier refuses before a method first runs (invalid IL, by default).</summary>
    public Interpreter.VerifyMode Verify { get; init; }
    /// <summary>Interpreter only, compile everything, or compile what gets hot (the default).</summary>
    public Jit.TierMode Tier { get; init; } = Jit.TierMode.Tiered;
    /// <summary>Calls after which a method counts as hot in tiered mode.</summary>
    public int HotCalls { get; init; } = 30;
    /// <summary>Loop iterations after which a running activation moves to compiled code (on-stack replacement), in tiered mode.</summary>
    public int HotLoops { get; init; } = 1000;
    /// <summary>Where <c>--jit-log</c> writes one line per method compiled or left to the interpreter.</summary>
    public TextWriter? JitLog { get; init; }
    public bool JitStats { get; init; }
    /// <summary>Tests only: methods matching this pattern get IR the backend must reject (the fallback path).</summary>
    internal string? JitBreakIr { get; init; }
}

/// <summary>A file that cannot be run: not an assembly, corrupt, no entry point, or a member RuntimeLab lacks.</summary>
public sealed class AppLoadException(string message) : Exception(message);
