namespace RuntimeLab.Bytecode.Loading;

/// <summary>
/// A type or member the program needs that RuntimeLab's base library lacks, or a feature it refuses
/// (P/Invoke, threads …). Raised when the member is first needed; the message names the member and,
/// where known, the calling method: <c>not supported by RuntimeLab: System.IO.File.ReadAllText(string), called from Program.Main</c>.
/// </summary>
public sealed class UnsupportedMemberException : Exception
{
    public string Member { get; }
    public string? Caller { get; }

    public UnsupportedMemberException(string member, string? caller = null, string? why = null)
        : base($"not supported by RuntimeLab: {member}{(caller is null ? "" : $", called from {caller}")}{(why is null ? "" : $" ({why})")}")
    {
        Member = member;
        Caller = caller;
    }
}
