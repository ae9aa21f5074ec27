using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RuntimeLab.Bytecode.Loading;

namespace RuntimeLab.Runtime.Hosting;

/// <summary>
/// `runtimelab run hello.cs`: compiles one C# file with Roslyn against RuntimeLab's base library (not
/// the host's framework), so what compiles is exactly what RuntimeLab can offer.
/// </summary>
internal static class SourceCompiler
{
    /// <summary>Compiles <paramref name="sourcePath"/> into a program assembly in a fresh temporary folder;
    /// compile errors come back as <see cref="AppLoadException"/> with one diagnostic per line.</summary>
    public static string Compile(string sourcePath)
    {
        if (!File.Exists(sourcePath))
            throw new AppLoadException($"{sourcePath}: no such file");
        var text = File.ReadAllText(sourcePath);
        var name = Path.GetFileNameWithoutExtension(sourcePath);
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: sourcePath);
        var compilation = CSharpCompilation.Create(name, [tree],
            [MetadataReference.CreateFromFile(ProgramLoader.DefaultCoreLibPath)],
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: true, nullableContextOptions: NullableContextOptions.Disable));
        var folder = Directory.CreateTempSubdirectory("runtimelab-cs-");
        var output = Path.Combine(folder.FullName, name + ".dll");
        using (var stream = File.Create(output))
        {
            var result = compilation.Emit(stream);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (!result.Success)
                throw new AppLoadException(string.Join(Environment.NewLine, errors.Take(20).Select(d => d.ToString())));
        }
        return output;
    }
}
