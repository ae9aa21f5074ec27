namespace RuntimeLab.X86.Memory;

/// <summary>What the memory slow path calls when the fast path cannot serve an access.</summary>
public interface IAddressSpace
{
    /// <summary>Reads <paramref name="destination"/>.Length bytes at a guest linear address, or throws a guest page fault.</summary>
    void Read(uint address, Span<byte> destination);

    /// <summary>Writes the bytes at a guest linear address, or throws a guest page fault.</summary>
    void Write(uint address, ReadOnlySpan<byte> source);

    /// <summary>Reads code bytes for the decoder; a fault here is a fault of the instruction fetch.</summary>
    void Fetch(uint address, Span<byte> destination);

    /// <summary>Guest code on this page was decoded: writes to it must go through the slow path from now on.</summary>
    void WatchCode(uint page);

    /// <summary>Raised when a watched page is written: decoded instructions of that page are stale.</summary>
    event Action<uint>? CodeWritten;
}
