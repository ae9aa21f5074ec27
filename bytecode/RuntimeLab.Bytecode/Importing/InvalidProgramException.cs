namespace RuntimeLab.Bytecode.Importing;

/// <summary>IL that is not correct CIL (bad stack depth at a join, bad branch target …): the method
/// cannot be run. The verifier (#4) reports these with ILVerify's identifiers; the importer only stops.</summary>
public sealed class InvalidIlException(string method, int offset, string message)
    : Exception($"invalid IL in {method} at IL_{offset:x4}: {message}")
{
    public string Method { get; } = method;
    public int Offset { get; } = offset;
    /// <summary>The states proved before the error, for the teaching view (null where not reached).</summary>
    public ImportedMethod? Partial { get; internal set; }
}
