using System.Runtime.CompilerServices;
using Mono.Cecil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Verification;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>How much `runtimelab run` checks a method before its first execution.</summary>
public enum VerifyMode
{
    /// <summary>Refuse invalid IL; run unverifiable IL (CoreCLR's full trust: stackalloc, pointers).</summary>
    Default,
    /// <summary>Refuse anything that does not verify.</summary>
    Strict,
    /// <summary>Check nothing (the importer still types the stack for the interpreter).</summary>
    None,
}

/// <summary>
/// Verifies each method definition once, the first time any instantiation of it is prepared, and
/// refuses it as CoreCLR refuses a method with InvalidProgramException: the run stops with the
/// verifier's diagnostics before a single instruction of the method executes.
/// </summary>
internal static class VerificationGate
{
    private static readonly ConditionalWeakTable<MethodDefinition, MethodVerification> Verified = new();
    private static readonly ConditionalWeakTable<ModuleDefinition, RawBodyHolder> RawBodies = new();

    /// <summary>The file's bytes of one module, read once (null for a module with no file).</summary>
    private sealed class RawBodyHolder(ModuleDefinition module)
    {
        public RawBodyReader? Reader { get; } = RawBodyReader.Open(module);
    }

    /// <summary>Verifies the method (once) and refuses it if the mode says so. Returns the importer's
    /// states the verification proved when they are those the interpreter needs (a method outside any
    /// generic instantiation), so the method is imported once, not twice.</summary>
    public static ImportedMethod? BeforeFirstRun(MethodDefinition method, Bytecode.Metadata.GenericContext context, VerifyMode mode)
    {
        if (mode == VerifyMode.None || !method.HasBody) return null;
        MethodVerification result;
        lock (Verified)
        {
            if (!Verified.TryGetValue(method, out result!))
            {
                var raw = RawBodies.GetValue(method.Module, m => new RawBodyHolder(m)).Reader;
                result = MethodVerifier.Verify(method, raw);
                Verified.Add(method, result);
            }
        }
        var refused = result.Diagnostics.Where(d => mode == VerifyMode.Strict || d.Class == VerificationClass.Invalid).ToList();
        if (refused.Count == 0) return context.IsEmpty ? result.Imported : null;
        var what = refused.Any(d => d.Class == VerificationClass.Invalid) ? "invalid IL" : "unverifiable IL (--verify strict)";
        throw new InvalidIlException(Bytecode.Metadata.TypeNames.ShortMethod(method), refused[0].Offset,
            $"{what}, refused before it runs:\n{string.Join("\n", refused.Select(d => d.Format()))}", refused[0].Error);
    }
}
