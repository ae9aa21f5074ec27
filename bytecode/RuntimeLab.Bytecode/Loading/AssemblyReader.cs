using Mono.Cecil;

namespace RuntimeLab.Bytecode.Loading;

/// <summary>Reads an assembly with Cecil, turning every way a file can be wrong into one line.</summary>
public static class AssemblyReader
{
    public static AssemblyDefinition ReadOrThrow(string path, ReaderParameters parameters)
    {
        if (!File.Exists(path))
            throw new BytecodeLoadException($"{path}: no such file");
        try
        {
            var assembly = AssemblyDefinition.ReadAssembly(path, parameters);
            // Cecil reads lazily: touch the parts a run needs so corruption shows here, not mid-run.
            foreach (var type in assembly.MainModule.Types)
                foreach (var method in type.Methods)
                    _ = method.HasBody ? method.Body.Instructions.Count : 0;
            return assembly;
        }
        catch (BadImageFormatException e)
        {
            throw new BytecodeLoadException($"{path}: not a .NET assembly ({FirstLine(e.Message)})", e);
        }
        catch (Exception e) when (e is not BytecodeLoadException and not UnsupportedMemberException)
        {
            throw new BytecodeLoadException($"{path}: corrupt or truncated assembly ({e.GetType().Name}: {FirstLine(e.Message)})", e);
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
