using Mono.Cecil;
using RuntimeLab.Bytecode.Verification;

namespace RuntimeLab.Verifier.Tests;

/// <summary>
/// A corpus method and the outcome its name states: <c>Valid_…</c>, or <c>Invalid_Id1_Id2_…</c> /
/// <c>Unverifiable_Id1_…</c> with the exact set of ILVerify identifiers expected. A constructor is
/// labelled by its class's name.
/// </summary>
public sealed record CorpusCase(string File, string TypeName, string MethodName, string Label)
{
    public override string ToString() => $"{File}: {Label}";

    public bool ExpectsValid => Label.StartsWith("Valid_", StringComparison.Ordinal);
    public bool ExpectsInvalid => Label.StartsWith("Invalid_", StringComparison.Ordinal);

    /// <summary>The identifiers that follow the prefix, up to the first word that names none.</summary>
    public IReadOnlySet<VerifierError> ExpectedErrors
    {
        get
        {
            var set = new HashSet<VerifierError>();
            foreach (var word in Label.Split('_').Skip(1))
            {
                if (word.Length == 0 || !char.IsUpper(word[0]) || !Enum.TryParse<VerifierError>(word, out var e)) break;
                set.Add(e);
            }
            return set;
        }
    }

    public static string LabelOf(MethodDefinition m) => m.IsConstructor ? m.DeclaringType.Name : m.Name;

    public static bool IsCase(MethodDefinition m) =>
        m.HasBody && (LabelOf(m).StartsWith("Valid_", StringComparison.Ordinal) || LabelOf(m).StartsWith("Invalid_", StringComparison.Ordinal)
                      || LabelOf(m).StartsWith("Unverifiable_", StringComparison.Ordinal));
}
