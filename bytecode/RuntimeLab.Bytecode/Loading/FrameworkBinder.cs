using Mono.Cecil;

namespace RuntimeLab.Bytecode.Loading;

/// <summary>
/// Cecil's assembly resolver for a RuntimeLab program. Every reference into the framework
/// (System.Runtime, System.Console, System.Private.CoreLib, netstandard …) resolves to RuntimeLab's
/// base library, so a type reference <c>[System.Console]System.Console</c> binds by its full name to
/// the base library's <c>System.Console</c>. Other references resolve next to the program.
/// </summary>
public sealed class FrameworkBinder : IAssemblyResolver
{
    private readonly AssemblyDefinition _coreLib;
    private readonly string _programDirectory;
    private readonly Dictionary<string, AssemblyDefinition?> _local = new(StringComparer.OrdinalIgnoreCase);
    private readonly ReaderParameters _readerParameters;
    private readonly Func<AssemblyNameReference, AssemblyDefinition?>? _otherReferences;

    /// <param name="otherReferences">Where non-framework references are looked for instead of next to
    /// the program (the verifier's -r folders); null for run's rule.</param>
    public FrameworkBinder(string coreLibPath, string programDirectory, Func<AssemblyNameReference, AssemblyDefinition?>? otherReferences = null)
    {
        _programDirectory = programDirectory;
        _otherReferences = otherReferences;
        _readerParameters = new ReaderParameters { AssemblyResolver = this, ReadSymbols = false, InMemory = true };
        _coreLib = AssemblyDefinition.ReadAssembly(coreLibPath, _readerParameters);
    }

    public AssemblyDefinition CoreLib => _coreLib;

    /// <summary>Names that mean "the framework": bound to the base library, never to files.</summary>
    public static bool IsFrameworkAssembly(string name) =>
        name is "mscorlib" or "netstandard" or "RuntimeLab.CoreLib"
        || name.StartsWith("System.", StringComparison.Ordinal) || name == "System"
        || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)
        || name == "Microsoft.CSharp" || name == "Microsoft.VisualBasic";

    public AssemblyDefinition Resolve(AssemblyNameReference name) => Resolve(name, _readerParameters);

    public AssemblyDefinition Resolve(AssemblyNameReference name, ReaderParameters parameters)
    {
        if (IsFrameworkAssembly(name.Name))
            return _coreLib;
        if (_otherReferences is not null)
            return _otherReferences(name) ?? throw new UnsupportedMemberException($"assembly {name.Name}", why: "not found next to the assembly or in the reference folders");
        if (!_local.TryGetValue(name.Name, out var assembly))
        {
            var path = Path.Combine(_programDirectory, name.Name + ".dll");
            assembly = File.Exists(path) ? AssemblyReader.ReadOrThrow(path, _readerParameters) : null;
            _local[name.Name] = assembly;
        }
        return assembly ?? throw new UnsupportedMemberException($"assembly {name.Name}", why: "not found next to the program");
    }

    public void Dispose()
    {
        _coreLib.Dispose();
        foreach (var a in _local.Values) a?.Dispose();
    }
}
