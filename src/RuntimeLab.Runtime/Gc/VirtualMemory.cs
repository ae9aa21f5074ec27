using System.Runtime.InteropServices;

namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// Reserve, commit and give back address space. The heap reserves one contiguous range up front so
/// that a flat card table and an O(1) "is this address in the heap?" check cover all of it; pages are
/// committed as blocks come into use and decommitted (returned to the OS) when the heap shrinks.
/// Stateless: every call acts on the range it is given.
/// </summary>
internal static unsafe partial class VirtualMemory
{
    /// <summary>Reserves <paramref name="bytes"/> of address space, or returns 0 if the OS refuses.</summary>
    public static nint Reserve(nuint bytes)
    {
        if (OperatingSystem.IsWindows())
            return VirtualAlloc(0, bytes, MEM_RESERVE, PAGE_NOACCESS);
        // Read-write but not backed: Linux and macOS materialize zero pages on first touch, and
        // MAP_NORESERVE keeps the reservation out of the overcommit accounting. Commit is then free.
        int flags = MAP_PRIVATE | (OperatingSystem.IsLinux() ? MAP_ANONYMOUS_LINUX | MAP_NORESERVE_LINUX : MAP_ANON_BSD | MAP_NORESERVE_BSD);
        nint p = mmap(0, bytes, PROT_READ | PROT_WRITE, flags, -1, 0);
        return p == -1 ? 0 : p;
    }

    /// <summary>Makes a reserved range usable. Its contents are zero if it was never touched or was decommitted.</summary>
    public static void Commit(nint address, nuint bytes)
    {
        if (OperatingSystem.IsWindows() && VirtualAlloc(address, bytes, MEM_COMMIT, PAGE_READWRITE) == 0)
            throw new GcOutOfMemoryException((long)bytes, 0, 0);
    }

    /// <summary>Returns the pages of a range to the OS; the range stays reserved and reads as zero when committed again.</summary>
    public static void Decommit(nint address, nuint bytes)
    {
        if (OperatingSystem.IsWindows())
            VirtualFree(address, bytes, MEM_DECOMMIT);
        else if (OperatingSystem.IsLinux())
            madvise(address, bytes, MADV_DONTNEED_LINUX);   // private anonymous pages: zero-fill on next touch
        else
        {
            // macOS' MADV_DONTNEED keeps contents; mapping fresh pages over the range both frees and zeroes.
            mmap(address, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED | MAP_ANON_BSD | MAP_NORESERVE_BSD, -1, 0);
        }
    }

    public static void Release(nint address, nuint bytes)
    {
        if (address == 0)
            return;
        if (OperatingSystem.IsWindows())
            VirtualFree(address, 0, MEM_RELEASE);
        else
            munmap(address, bytes);
    }

    public static int PageSize => Environment.SystemPageSize;

    private const int PROT_READ = 1, PROT_WRITE = 2;
    private const int MAP_PRIVATE = 2, MAP_FIXED = 0x10;
    private const int MAP_ANONYMOUS_LINUX = 0x20, MAP_NORESERVE_LINUX = 0x4000;
    private const int MAP_ANON_BSD = 0x1000, MAP_NORESERVE_BSD = 0x40;
    private const int MADV_DONTNEED_LINUX = 4;
    private const uint MEM_COMMIT = 0x1000, MEM_RESERVE = 0x2000, MEM_DECOMMIT = 0x4000, MEM_RELEASE = 0x8000;
    private const uint PAGE_NOACCESS = 1, PAGE_READWRITE = 4;

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(nint addr, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint addr, nuint length, int advice);

    [LibraryImport("kernel32", SetLastError = true)]
    private static partial nint VirtualAlloc(nint address, nuint size, uint allocationType, uint protect);

    [LibraryImport("kernel32", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool VirtualFree(nint address, nuint size, uint freeType);
}
