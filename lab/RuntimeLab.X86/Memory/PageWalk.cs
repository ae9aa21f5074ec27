using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Memory;

/// <summary>How an access uses memory, for the page-level checks and the #PF error code.</summary>
public enum AccessKind : byte { Read, Write }

/// <summary>What a successful page walk found: the physical page and what the current privilege may do with it.</summary>
public readonly record struct PageTranslation(uint PhysicalPage, bool Writable, bool LargePage);

/// <summary>
/// The two-level i386 page walk (no PAE): a page directory at CR3, page tables of 1024 entries,
/// 4 MiB pages when CR4.PSE and the PDE's PS bit are set. It checks U/S and R/W as the Intel SDM
/// (vol. 3, 4.6) defines them for a 32-bit walk, with CR0.WP deciding whether supervisor writes
/// honour read-only pages, and sets accessed bits (and the dirty bit on a write) as hardware does.
/// </summary>
public static class PageWalk
{
    private const uint Present = 1, ReadWrite = 2, UserBit = 4, Accessed = 0x20, Dirty = 0x40, PageSizeBit = 0x80;

    /// <summary>Translates <paramref name="linear"/> or throws the #PF the access would raise.</summary>
    public static PageTranslation Translate(PhysicalMemory ram, uint cr0, uint cr3, uint cr4, uint linear, AccessKind access, bool user)
    {
        var write = access == AccessKind.Write;
        var pdeAddress = (cr3 & 0xFFFF_F000) + ((linear >> 22) << 2);
        var pde = ram.Read32(pdeAddress);
        if ((pde & Present) == 0) throw GuestFaultException.PageFault(linear, write, user);

        if ((pde & PageSizeBit) != 0 && (cr4 & Cr4Bits.PSE) != 0)
        {
            var writableLarge = Allowed(pde, cr0, user, write, linear);
            ram.Write32(pdeAddress, pde | Accessed | (write ? Dirty : 0));
            // The D bit lives in the PDE: until it is set, writes must come back here to set it.
            var largePage = ((pde & 0xFFC0_0000) >> 12) | ((linear >> 12) & 0x3FF);
            return new PageTranslation(largePage, writableLarge && (write || (pde & Dirty) != 0), LargePage: true);
        }

        var pteAddress = (pde & 0xFFFF_F000) + (((linear >> 12) & 0x3FF) << 2);
        var pte = ram.Read32(pteAddress);
        if ((pte & Present) == 0) throw GuestFaultException.PageFault(linear, write, user);
        // Both levels must allow the access: the effective rights are the AND of the two entries.
        var writable = Allowed(pde & pte, cr0, user, write, linear);
        if ((pde & Accessed) == 0) ram.Write32(pdeAddress, pde | Accessed);
        ram.Write32(pteAddress, pte | Accessed | (write ? Dirty : 0));
        return new PageTranslation(pte >> 12, writable && (write || (pte & Dirty) != 0), LargePage: false);
    }

    /// <summary>Checks the access against the entry's rights; returns whether writes are allowed at this privilege.</summary>
    private static bool Allowed(uint rights, uint cr0, bool user, bool write, uint linear)
    {
        var userPage = (rights & UserBit) != 0;
        var writablePage = (rights & ReadWrite) != 0;
        if (user && !userPage) throw GuestFaultException.PageFault(linear, write, user, present: true);
        var mayWrite = writablePage || (!user && (cr0 & Cr0Bits.WP) == 0);
        if (write && !mayWrite) throw GuestFaultException.PageFault(linear, write, user, present: true);
        return mayWrite;
    }
}
