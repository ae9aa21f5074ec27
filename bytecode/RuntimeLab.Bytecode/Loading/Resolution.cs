using Mono.Cecil;

namespace RuntimeLab.Bytecode.Loading;

internal static class Resolution
{
    /// <summary>A resolved definition, or null where its assembly cannot be found (Cecil throws for that).</summary>
    public static T? OrNull<T>(Func<T?> resolve) where T : class
    {
        try
        {
            return resolve();
        }
        catch (Exception e) when (e is AssemblyResolutionException or UnsupportedMemberException)
        {
            return null;
        }
    }
}
