namespace RuntimeLab.X86.Interp;

/// <summary>
/// What `--trace` prints: each executed instruction (address, bytes, disassembly) and, with
/// <see cref="Registers"/>, the registers after it. Bounded to an address range and a count, so a
/// trace of a long run stays readable and finds where two engines part.
/// </summary>
public sealed record TraceOptions(TextWriter Writer)
{
    public bool Registers { get; init; }
    public uint From { get; init; }
    public uint To { get; init; } = uint.MaxValue;
    /// <summary>Stop tracing (not running) after this many traced instructions.</summary>
    public ulong Limit { get; init; } = ulong.MaxValue;

    public bool Covers(uint eip) => eip >= From && eip <= To;
}
