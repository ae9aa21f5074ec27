using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>struct user_desc of set_thread_area/get_thread_area (16 bytes).</summary>
public record struct UserDescriptor(uint EntryNumber, uint BaseAddress, uint Limit, uint Flags)
{
    public const int Size = 16;
    public const uint LimitInPages = 1 << 4, NotPresent = 1 << 5;

    public static UserDescriptor Read(UserAddressSpace memory, uint address) =>
        new(memory.ReadU32(address), memory.ReadU32(address + 4), memory.ReadU32(address + 8), memory.ReadU32(address + 12));

    public readonly void Write(UserAddressSpace memory, uint address)
    {
        memory.RequireWritable(address, Size);
        memory.WriteU32(address, EntryNumber);
        memory.WriteU32(address + 4, BaseAddress);
        memory.WriteU32(address + 8, Limit);
        memory.WriteU32(address + 12, Flags);
    }
}

/// <summary>A loaded TLS descriptor: the segment base and byte-granular limit a selector load puts in the cache.</summary>
public readonly record struct SegmentDescriptor(uint Base, uint Limit);

/// <summary>
/// The three GDT slots Linux gives each thread for TLS (set_thread_area). Entry numbers are 12 to 14,
/// as under a 64-bit kernel (qemu-i386 hands out 6 to 8; no guest output depends on it), so glibc's first entry is 12 and it loads GS with
/// (12 &lt;&lt; 3) | 3 = 0x63. The interpreter's mov-to-segment handler asks <see cref="BaseForSelector"/>
/// (or <see cref="Lookup"/>) what a selector's base is; null means the selector names no usable
/// descriptor and the load raises #GP.
/// </summary>
public sealed class ThreadArea
{
    public const int FirstEntry = 12, EntryCount = 3;

    private readonly UserDescriptor?[] _entries = new UserDescriptor?[EntryCount];

    /// <summary>The descriptor a selector names: a present TLS entry in the GDT (TI = 0, any RPL), or null.</summary>
    public SegmentDescriptor? Lookup(ushort selector)
    {
        var index = selector >> 3;
        if ((selector & 4) != 0 || index < FirstEntry || index >= FirstEntry + EntryCount) return null;
        if (_entries[index - FirstEntry] is not { } entry || (entry.Flags & UserDescriptor.NotPresent) != 0) return null;
        var limit = (entry.Flags & UserDescriptor.LimitInPages) != 0 ? (entry.Limit << 12) | 0xFFF : entry.Limit;
        return new SegmentDescriptor(entry.BaseAddress, limit);
    }

    /// <summary>
    /// The base for a segment load: 0 for a null selector (0 to 3, which user code may load into
    /// DS/ES/FS/GS), the TLS entry's base, or null for anything else.
    /// </summary>
    public uint? BaseForSelector(ushort selector) => selector < 4 ? 0 : Lookup(selector)?.Base;

    /// <summary>fork: the child starts with the parent's TLS entries.</summary>
    public ThreadArea Copy()
    {
        var copy = new ThreadArea();
        _entries.CopyTo(copy._entries, 0);
        return copy;
    }

    /// <summary>set_thread_area: an entry number of -1 asks for the first free slot and gets it written back. Returns 0 or a positive errno.</summary>
    public int Set(ref UserDescriptor descriptor)
    {
        if (descriptor.EntryNumber == uint.MaxValue)
        {
            var free = Array.FindIndex(_entries, e => e == null);
            if (free < 0) return Errno.ESRCH;
            descriptor.EntryNumber = (uint)(FirstEntry + free);
        }
        if (descriptor.EntryNumber < FirstEntry || descriptor.EntryNumber >= FirstEntry + EntryCount) return Errno.EINVAL;
        _entries[descriptor.EntryNumber - FirstEntry] = descriptor;
        return 0;
    }

    /// <summary>get_thread_area: the stored descriptor of an entry, or null if it is out of range.</summary>
    public UserDescriptor? Get(uint entryNumber) =>
        entryNumber < FirstEntry || entryNumber >= FirstEntry + EntryCount ? null
            : _entries[entryNumber - FirstEntry] ?? new UserDescriptor(entryNumber, 0, 0, UserDescriptor.NotPresent);
}
