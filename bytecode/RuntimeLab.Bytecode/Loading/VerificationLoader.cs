using Mono.Cecil;
using static RuntimeLab.Bytecode.Loading.Resolution;

namespace RuntimeLab.Bytecode.Loading;

/// <summary>
/// Loads an assembly to verify, resolving its references as <c>run</c> does and then some: framework
/// names bind to RuntimeLab's base library first; other assemblies are looked for next to the file
/// and in the <c>-r</c> folders; a type the base library lacks is looked up in the host's shared
/// framework, following type forwarders (System.Runtime forwards nearly everything to
/// System.Private.CoreLib). Real-world assemblies can therefore be verified, not only RuntimeLab programs.
/// </summary>
public sealed class VerificationLoader : IDisposable
{
    private readonly FrameworkBinder _binder;
    private readonly DefaultAssemblyResolver _framework = new();
    private readonly List<string> _searchDirectories;
    private readonly Dictionary<string, AssemblyDefinition?> _referenced = new(StringComparer.OrdinalIgnoreCase);

    public AssemblyDefinition Assembly { get; }

    public VerificationLoader(string path, IReadOnlyList<string> referenceDirectories, string? coreLibPath = null)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path)) throw new BytecodeLoadException($"{path}: no such file");
        foreach (var d in referenceDirectories)
            if (!Directory.Exists(d)) throw new BytecodeLoadException($"{d}: no such reference folder");
        var sharedFramework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        _searchDirectories = [Path.GetDirectoryName(path)!, .. referenceDirectories.Select(Path.GetFullPath), sharedFramework];
        foreach (var d in _framework.GetSearchDirectories()) _framework.RemoveSearchDirectory(d);
        _framework.AddSearchDirectory(sharedFramework);
        _binder = new FrameworkBinder(coreLibPath ?? ProgramLoader.DefaultCoreLibPath, Path.GetDirectoryName(path)!, ResolveReferenced);
        var parameters = new ReaderParameters
        {
            AssemblyResolver = _binder,
            MetadataResolver = new FallbackMetadataResolver(_binder, this),
            ReadSymbols = false,
            InMemory = true,
        };
        Assembly = AssemblyReader.ReadOrThrow(path, parameters, touchBodies: false);
    }

    /// <summary>A non-framework assembly: next to the file, then in each -r folder, then the shared framework.</summary>
    private AssemblyDefinition? ResolveReferenced(AssemblyNameReference name)
    {
        if (_referenced.TryGetValue(name.Name, out var known)) return known;
        AssemblyDefinition? found = null;
        foreach (var dir in _searchDirectories)
        {
            var candidate = Path.Combine(dir, name.Name + ".dll");
            if (!File.Exists(candidate)) continue;
            try
            {
                found = AssemblyDefinition.ReadAssembly(candidate, new ReaderParameters { AssemblyResolver = _binder, InMemory = true });
            }
            catch (BadImageFormatException)
            {
                continue;
            }
            break;
        }
        _referenced[name.Name] = found;
        return found;
    }

    /// <summary>The shared framework's definition of a type the base library does not have.</summary>
    internal TypeDefinition? FromSharedFramework(TypeReference type)
    {
        var assemblyName = type.Scope switch
        {
            AssemblyNameReference a => a.Name,
            ModuleDefinition m => m.Assembly.Name.Name,
            _ => null,
        };
        if (assemblyName is null || !FrameworkBinder.IsFrameworkAssembly(assemblyName)) return null;
        if (assemblyName == "RuntimeLab.CoreLib") assemblyName = "System.Private.CoreLib";
        try
        {
            var assembly = _framework.Resolve(new AssemblyNameReference(assemblyName, null));
            var outer = type;
            while (outer.DeclaringType is not null) outer = outer.DeclaringType;
            var topLevel = assembly.MainModule.GetType(outer.FullName)
                ?? assembly.MainModule.ExportedTypes.FirstOrDefault(e => e.FullName == outer.FullName)?.Resolve();
            if (topLevel is null || outer == type) return topLevel;
            return topLevel.Module.GetType(type.FullName) ?? Nested(topLevel, type);
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }

    private static TypeDefinition? Nested(TypeDefinition top, TypeReference type) =>
        top.NestedTypes.FirstOrDefault(n => n.Name == type.Name);

    public void Dispose()
    {
        Assembly.Dispose();
        _binder.Dispose();
        _framework.Dispose();
        foreach (var a in _referenced.Values) a?.Dispose();
    }

    /// <summary>Cecil's resolver, with the shared framework behind the base library: for a type the
    /// base library lacks, and for a member its type there lacks (System.GC has no GetGeneration there).</summary>
    private sealed class FallbackMetadataResolver(IAssemblyResolver resolver, VerificationLoader loader) : MetadataResolver(resolver)
    {
        public override TypeDefinition? Resolve(TypeReference type) =>
            OrNull(() => base.Resolve(type)) ?? loader.FromSharedFramework(type.GetElementType());

        public override MethodDefinition? Resolve(MethodReference method) =>
            OrNull(() => base.Resolve(method)) ?? InSharedFramework(method.DeclaringType, t => GetMethod(t.Methods, method.GetElementMethod()));

        public override FieldDefinition? Resolve(FieldReference field) =>
            OrNull(() => base.Resolve(field)) ?? InSharedFramework(field.DeclaringType, t => t.Fields.FirstOrDefault(f => f.Name == field.Name));

        /// <summary>The member in the shared framework's definition of its type or one of that type's bases.</summary>
        private T? InSharedFramework<T>(TypeReference declaring, Func<TypeDefinition, T?> find) where T : class
        {
            for (var t = loader.FromSharedFramework(declaring.GetElementType()); t is not null; t = t.BaseType is null ? null : OrNull(() => t.BaseType.Resolve()))
                if (find(t) is { } found) return found;
            return null;
        }
    }
}
