using RuntimeLab.X86.Memory;
using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Linux;

// The address space: brk, mmap2, munmap, mprotect, mremap, madvise.
public sealed partial class Syscalls
{
    /// <summary>Where mmap looks first: TASK_UNMAPPED_BASE of the legacy 32-bit layout, which keeps addresses deterministic.</summary>
    public const uint MmapBase = 0x4000_0000;
    private const uint PageSize = UserAddressSpace.PageSize;
    private const int MapShared = 1, MapPrivate = 2, MapSharedValidate = 3, MapTypeMask = 0xF, MapFixed = 0x10,
        MapAnonymous = 0x20, MapFixedNoReplace = 0x100000;
    private const int MremapMayMove = 1;
    private const int MadvDontNeed = 4;

    private readonly uint _breakStart;
    private uint _break;

    public uint CurrentBreak => _break;

    private void RegisterMemory()
    {
        Register(N.Brk, "brk", "x", (in SyscallArgs a) => (int)Break(a.A0), hexResult: true);
        Register(N.Mmap2, "mmap2", "xuxxdu", (in SyscallArgs a) => MapMemory(a.A0, a.A1, (int)a.A2, (int)a.A3, (int)a.A4, a.A5), hexResult: true);
        Register(N.Munmap, "munmap", "xu", (in SyscallArgs a) => UnmapMemory(a.A0, a.A1));
        Register(N.Mprotect, "mprotect", "xux", (in SyscallArgs a) => ProtectMemory(a.A0, a.A1, (int)a.A2));
        Register(N.Mremap, "mremap", "xuux", (in SyscallArgs a) => RemapMemory(a.A0, a.A1, a.A2, (int)a.A3), hexResult: true);
        Register(N.Madvise, "madvise", "xud", (in SyscallArgs a) => Advise(a.A0, a.A1, (int)a.A2));
    }

    /// <summary>
    /// brk never fails in the errno sense: it returns the new break, or the old one if the request is
    /// below the start or would run into another mapping. The pages are mapped whole; the break itself
    /// may end mid-page, as in Linux.
    /// </summary>
    private uint Break(uint requested)
    {
        if (requested < _breakStart) return _break;
        var oldTop = (uint)UserAddressSpace.AlignUp(_break);
        var newTop = UserAddressSpace.AlignUp(requested);
        if (newTop > oldTop)
        {
            if (newTop > InitialStack.Top - InitialStack.Size || !IsFree(oldTop, newTop - oldTop)) return _break;
            Memory.Map(oldTop, newTop - oldTop, Protection.ReadWrite);
        }
        else if (newTop < oldTop) Memory.Unmap((uint)newTop, oldTop - newTop);
        return _break = requested;
    }

    private bool IsFree(uint start, ulong length)
    {
        for (var page = (ulong)start >> 12; page < ((ulong)start + length) >> 12; page++)
            if (page >= 1 << 20 || Memory.IsMapped((uint)page)) return false;
        return true;
    }

    private bool IsAllMapped(uint start, ulong length)
    {
        for (var page = (ulong)start >> 12; page < ((ulong)start + length + PageSize - 1) >> 12; page++)
            if (page >= 1 << 20 || !Memory.IsMapped((uint)page)) return false;
        return true;
    }

    /// <summary>A free range for a mapping without MAP_FIXED: the hint if it is free, else the lowest hole above MmapBase.</summary>
    private uint? Place(uint hint, ulong length)
    {
        if (hint != 0 && (hint & (PageSize - 1)) == 0 && hint + length <= InitialStack.Top - InitialStack.Size && IsFree(hint, length)) return hint;
        return Memory.FindFree(length, MmapBase, InitialStack.Top - InitialStack.Size) ?? Memory.FindFree(length, PageSize * 16, MmapBase);
    }

    /// <summary>
    /// mmap2 (offset in pages). File mappings are copies: a MAP_SHARED mapping of a file does not
    /// write back (no guest program RuntimeLab runs shares file memory with another process).
    /// </summary>
    private int MapMemory(uint address, uint length, int protection, int flags, int fd, uint pageOffset)
    {
        var type = flags & MapTypeMask;
        if (length == 0 || (type != MapShared && type != MapPrivate && type != MapSharedValidate)) return -Errno.EINVAL;
        var size = UserAddressSpace.AlignUp(length);
        var fixedAddress = (flags & (MapFixed | MapFixedNoReplace)) != 0;
        if (fixedAddress && ((address & (PageSize - 1)) != 0 || address + size > 1ul << 32)) return -Errno.EINVAL;
        HostFile? file = null;
        if ((flags & MapAnonymous) == 0)
        {
            if (Files.Get(fd) is not { } open) return -Errno.EBADF;
            if (open is not HostFile host) return -Errno.ENODEV;
            if (!host.CanRead) return -Errno.EACCES;
            file = host;
        }

        uint start;
        if (fixedAddress)
        {
            if ((flags & MapFixedNoReplace) != 0 && !IsFree(address, size)) return -Errno.EEXIST;
            Memory.Unmap(address, size);  // MAP_FIXED replaces what was there with fresh pages
            start = address;
        }
        else if (Place(address & ~(PageSize - 1), size) is { } placed) start = placed;
        else return -Errno.ENOMEM;

        Memory.Map(start, size, Protection.ReadWrite);
        if (file != null)
        {
            var contents = new byte[length];
            var read = file.ReadAt((long)pageOffset * PageSize, contents);
            Memory.Write(start, contents.AsSpan(0, read));
        }
        Memory.Protect(start, size, (Protection)(protection & 7));
        return (int)start;
    }

    private int UnmapMemory(uint address, uint length)
    {
        if ((address & (PageSize - 1)) != 0 || length == 0 || address + UserAddressSpace.AlignUp(length) > 1ul << 32) return -Errno.EINVAL;
        Memory.Unmap(address, length);
        return 0;
    }

    private int ProtectMemory(uint address, uint length, int protection)
    {
        if ((address & (PageSize - 1)) != 0 || (protection & ~(7 | 0x0300_0000 /* PROT_GROWSDOWN/UP */)) != 0) return -Errno.EINVAL;
        if (!IsAllMapped(address, length)) return -Errno.ENOMEM;
        Memory.Protect(address, length, (Protection)(protection & 7));
        return 0;
    }

    /// <summary>mremap: shrink in place, grow in place when the pages after are free, else move if allowed (MREMAP_FIXED is not supported).</summary>
    private int RemapMemory(uint address, uint oldLength, uint newLength, int flags)
    {
        if ((address & (PageSize - 1)) != 0 || (flags & ~MremapMayMove) != 0 || newLength == 0) return -Errno.EINVAL;
        var oldSize = UserAddressSpace.AlignUp(oldLength);
        var newSize = UserAddressSpace.AlignUp(newLength);
        if (!IsAllMapped(address, oldSize)) return -Errno.EFAULT;
        var protection = Memory.ProtectionOf(address);
        if (newSize <= oldSize)
        {
            if (newSize < oldSize) Memory.Unmap((uint)(address + newSize), oldSize - newSize);
            return (int)address;
        }
        if (address + newSize <= InitialStack.Top - InitialStack.Size && IsFree((uint)(address + oldSize), newSize - oldSize))
        {
            Memory.Map((uint)(address + oldSize), newSize - oldSize, protection);
            return (int)address;
        }
        if ((flags & MremapMayMove) == 0 || Place(0, newSize) is not { } target) return -Errno.ENOMEM;
        Memory.Protect(address, oldSize, Protection.ReadWrite);  // the copy must read what the guest may not
        var contents = Memory.ReadBytes(address, (int)oldSize);
        Memory.Map(target, newSize, Protection.ReadWrite);
        Memory.Write(target, contents);
        Memory.Protect(target, newSize, protection);
        Memory.Unmap(address, oldSize);
        return (int)target;
    }

    /// <summary>Advice is accepted and ignored, except MADV_DONTNEED, after which anonymous memory reads as zero.</summary>
    private int Advise(uint address, uint length, int advice)
    {
        if ((address & (PageSize - 1)) != 0) return -Errno.EINVAL;
        if (advice != MadvDontNeed) return 0;
        if (!IsAllMapped(address, length)) return -Errno.ENOMEM;
        for (var page = address; page < address + UserAddressSpace.AlignUp(length); page += PageSize)
        {
            var protection = Memory.ProtectionOf(page);
            Memory.Unmap(page, PageSize);
            Memory.Map(page, PageSize, protection);
        }
        return 0;
    }
}
