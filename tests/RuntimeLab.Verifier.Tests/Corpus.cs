using Mono.Cecil;
using RuntimeLab.Bytecode.Loading;

namespace RuntimeLab.Verifier.Tests;

/// <summary>The assembled corpus: one .dll per .il of bytecode/verifier-corpus, next to the tests.</summary>
internal static class Corpus
{
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RuntimeLab.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    public static string SourceDirectory => Path.Combine(RepositoryRoot, "bytecode", "verifier-corpus");
    public static string AssembledDirectory => Path.Combine(AppContext.BaseDirectory, "verifier-corpus");
    public static string CoreLibPath => Path.Combine(AppContext.BaseDirectory, "RuntimeLab.CoreLib.dll");

    public static IEnumerable<string> Files =>
        Directory.EnumerateFiles(SourceDirectory, "*.il").Select(Path.GetFileNameWithoutExtension).Order()!;

    private static readonly Dictionary<string, VerificationLoader> Loaded = [];

    /// <summary>The loaded corpus file (kept for the whole run: tests of one file share it).</summary>
    public static VerificationLoader Load(string file)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(file, out var loader))
                Loaded[file] = loader = new VerificationLoader(Path.Combine(AssembledDirectory, file + ".dll"), [], CoreLibPath);
            return loader;
        }
    }

    public static IEnumerable<CorpusCase> Cases() =>
        from file in Files
        from type in Load(file).Assembly.MainModule.GetTypes()
        from method in type.Methods
        where CorpusCase.IsCase(method)
        select new CorpusCase(file, type.FullName, method.FullName, CorpusCase.LabelOf(method));

    public static MethodDefinition Find(CorpusCase c) =>
        Load(c.File).Assembly.MainModule.GetType(c.TypeName).Methods.Single(m => m.FullName == c.MethodName);
}
