using RuntimeLab.Bytecode.Verification;

namespace RuntimeLab.Bytecode.Importing;

/// <summary>IL that is not correct CIL (bad stack depth at a join, bad branch target …): the method
/// cannot be run. The importer stops at the first such error; <see cref="Error"/> names it with
/// ILVerify's identifier so the verifier reports it like its own checks.</summary>
public sealed class InvalidIlException(string method, int offset, string message, VerifierError error = VerifierError.Unverifiable)
    : Exception($"invalid IL in {method} at IL_{offset:x4}: {message}")
{
    public string Method { get; } = method;
    public int Offset { get; } = offset;
    public VerifierError Error { get; } = error;
    /// <summary>The explanation alone, without the method and offset.</summary>
    public string Explanation { get; } = message;
    /// <summary>The states proved before the error, for the teaching view (null where not reached).</summary>
    public ImportedMethod? Partial { get; internal set; }
}
