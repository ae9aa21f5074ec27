namespace RuntimeLab.Bytecode.Verification;

/// <summary>
/// One verification error, printed in ILVerify's line format so that people and tools used to
/// ILVerify can read it:
/// <code>[IL]: Error [StackUnexpected]: [app : Program::Main(string[])][offset 0x00000004][found int32][expected ref(string)] Unexpected type on the stack.</code>
/// </summary>
public sealed record VerificationDiagnostic(
    VerifierError Error,
    VerificationClass Class,
    string Assembly,
    string Method,
    int Offset,
    string? Found = null,
    string? Expected = null,
    string? Detail = null)
{
    public string Format() => $"[IL]: Error [{Error}]: [{Assembly} : {Method}][offset 0x{Offset:X8}]{Explanation}";

    /// <summary>What follows the offset: <c>[found …][expected …] Description. (detail)</c>.</summary>
    public string Explanation
    {
        get
        {
            var found = Found is null ? "" : $"[found {Found}]";
            var expected = Expected is null ? "" : $"[expected {Expected}]";
            var detail = Detail is null ? "" : $" ({Detail})";
            return $"{found}{expected} {VerifierErrors.Describe(Error)}{detail}";
        }
    }

    public override string ToString() => Format();
}
