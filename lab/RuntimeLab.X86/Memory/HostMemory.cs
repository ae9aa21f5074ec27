using System.Runtime.InteropServices;

namespace RuntimeLab.X86.Memory;

/// <summary>The host's virtual-memory calls, for reserving and committing the guest's address space.</summary>
internal static partial class HostMemory
{
    private const int ProtNone = 0, ProtRead = 1, ProtWrite = 2;
    private const int MapPrivate = 0x02, MapAnonymous = 0x20, MapNoReserve = 0x4000;
    private const int MadvDontNeed = 4;

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);
    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Munmap(nint address, nuint length);
    [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static partial int Mprotect(nint address, nuint length, int protection);
    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);

    /// <summary>Address space only: no memory is committed until pages are made accessible.</summary>
    public static nint Reserve(ulong length)
    {
        var address = Mmap(0, (nuint)length, ProtNone, MapPrivate | MapAnonymous | MapNoReserve, -1, 0);
        if (address == -1) throw new OutOfMemoryException($"could not reserve {length >> 20} MiB of address space for the guest (errno {Marshal.GetLastPInvokeError()})");
        return address;
    }

    public static void Release(nint address, ulong length) => Munmap(address, (nuint)length);

    /// <summary>Host pages are always read-write once committed: the guest's own permissions are enforced by the TLB tags.</summary>
    public static void Commit(nint address, ulong length)
    {
        if (Mprotect(address, (nuint)length, ProtRead | ProtWrite) != 0)
            throw new OutOfMemoryException($"could not commit {length >> 10} KiB of guest memory (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>Returns the pages to the host; they read as zero when committed again.</summary>
    public static void Decommit(nint address, ulong length)
    {
        Madvise(address, (nuint)length, MadvDontNeed);
        Mprotect(address, (nuint)length, ProtNone);
    }
}
