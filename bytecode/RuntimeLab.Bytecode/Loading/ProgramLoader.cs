using Mono.Cecil;

namespace RuntimeLab.Bytecode.Loading;

/// <summary>A program ready to run: its assembly, its entry point, and the binder for its references.</summary>
public sealed class LoadedProgram(AssemblyDefinition assembly, MethodDefinition entryPoint, FrameworkBinder binder) : IDisposable
{
    public AssemblyDefinition Assembly { get; } = assembly;
    public MethodDefinition EntryPoint { get; } = entryPoint;
    public FrameworkBinder Binder { get; } = binder;
    public AssemblyDefinition CoreLib => Binder.CoreLib;

    public void Dispose()
    {
        Assembly.Dispose();
        Binder.Dispose();
    }
}

public static class ProgramLoader
{
    /// <summary>The base library shipped next to the runtime.</summary>
    public static string DefaultCoreLibPath =>
        Path.Combine(AppContext.BaseDirectory, "RuntimeLab.CoreLib.dll");

    public static LoadedProgram Load(string path, string? coreLibPath = null)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
            throw new BytecodeLoadException($"{path}: no such file");
        var binder = new FrameworkBinder(coreLibPath ?? DefaultCoreLibPath, Path.GetDirectoryName(path)!);
        try
        {
            var assembly = AssemblyReader.ReadOrThrow(path, new ReaderParameters { AssemblyResolver = binder, ReadSymbols = false, InMemory = true });
            var entry = assembly.EntryPoint
                ?? throw new BytecodeLoadException($"{path}: no entry point (a library, not a program: build it with <OutputType>Exe</OutputType>)");
            return new LoadedProgram(assembly, entry, binder);
        }
        catch
        {
            binder.Dispose();
            throw;
        }
    }
}
