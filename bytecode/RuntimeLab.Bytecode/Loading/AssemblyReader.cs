using Mono.Cecil;

namespace RuntimeLab.Bytecode.Loading;

/// <summary>Reads an assembly with Cecil, turning every way a file can be wrong into one line.</summary>
public static class AssemblyReader
{
    /// <param name="touchBodies">Decode every method body now (for run: corruption shows before the
    /// program starts). The verifier passes false and meets a malformed body as that method's error.</param>
    public static AssemblyDefinition ReadOrThrow(string path, ReaderParameters parameters, bool touchBodies = true)
    {
        if (!File.Exists(path))
            throw new BytecodeLoadException($"{path}: no such file");
        CheckSectionsPresent(path);
        try
        {
            var assembly = AssemblyDefinition.ReadAssembly(path, parameters);
            // Cecil reads lazily: touch the parts a run needs so corruption shows here, not mid-run.
            if (touchBodies)
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

    /// <summary>A truncated file may still parse as far as Cecil reads; every section must be whole.</summary>
    private static void CheckSectionsPresent(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            foreach (var section in pe.PEHeaders.SectionHeaders)
                if ((long)section.PointerToRawData + section.SizeOfRawData > stream.Length)
                    throw new BytecodeLoadException($"{path}: truncated assembly (section {section.Name} ends at byte {section.PointerToRawData + section.SizeOfRawData}, the file has {stream.Length})");
        }
        catch (BadImageFormatException e)
        {
            throw new BytecodeLoadException($"{path}: not a .NET assembly ({FirstLine(e.Message)})", e);
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
