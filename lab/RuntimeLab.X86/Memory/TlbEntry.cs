using System.Runtime.InteropServices;

namespace RuntimeLab.X86.Memory;

/// <summary>
/// One entry of the memory fast path: which guest page may be read and written directly, and the
/// addend that turns a guest linear address on it into a host address. A tag that does not match
/// sends the access to the slow path. User mode keeps one entry per page of the 4 GiB space (it never
/// misses); system mode will keep a small direct-mapped TLB filled by page walks. The fast path is the
/// same for both, so compiled code can emit it inline.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TlbEntry
{
    /// <summary>A tag no page number can equal (page numbers are below 2^20).</summary>
    public const uint Invalid = 0xFFFF_FFFF;

    public uint ReadPage;
    public uint WritePage;
    public nint Addend;
}
