namespace RuntimeLab.X86.Cpu;

/// <summary>
/// An 8-byte GDT/LDT/IDT entry as the two doublewords the CPU reads (Intel SDM vol. 3, 3.4.5 and 6.11),
/// with the fields decoded: a segment's base and limit, or a gate's selector and offset.
/// </summary>
public readonly record struct Descriptor(uint Low, uint High)
{
    public uint Base => (Low >> 16) | ((High & 0xFF) << 16) | (High & 0xFF00_0000);

    /// <summary>The byte-granular limit: a page-granular one (G set) covers whole 4 KiB pages.</summary>
    public uint Limit
    {
        get
        {
            var raw = (Low & 0xFFFF) | (High & 0x000F_0000);
            return (High & (1 << 23)) != 0 ? (raw << 12) | 0xFFF : raw;
        }
    }

    /// <summary>The 4-bit type field; with <see cref="IsCodeOrData"/> clear it names a system descriptor or gate.</summary>
    public int Type => (int)(High >> 8) & 0xF;
    public bool IsCodeOrData => (High & (1 << 12)) != 0;
    public int Dpl => (int)(High >> 13) & 3;
    public bool Present => (High & (1 << 15)) != 0;
    /// <summary>D/B: a code segment's 32-bit default operand and address size, a stack segment's ESP (clear: SP).</summary>
    public bool IsBig => (High & (1 << 22)) != 0;

    public bool IsCode => IsCodeOrData && (Type & 8) != 0;
    public bool IsWritableData => IsCodeOrData && (Type & 8) == 0 && (Type & 2) != 0;
    public bool IsReadable => IsCodeOrData && ((Type & 8) == 0 || (Type & 2) != 0);
    public bool IsConforming => IsCode && (Type & 4) != 0;

    /// <summary>32-bit interrupt gate (0xE), trap gate (0xF) or task gate (5); 16-bit gates are not modelled.</summary>
    public bool IsInterruptGate => !IsCodeOrData && Type == 0xE;
    public bool IsTrapGate => !IsCodeOrData && Type == 0xF;
    public bool IsTaskGate => !IsCodeOrData && Type == 0x5;
    /// <summary>An available (9) or busy (0xB) 32-bit TSS.</summary>
    public bool IsTss32 => !IsCodeOrData && (Type & 0xD) == 0x9;

    public ushort GateSelector => (ushort)(Low >> 16);
    public uint GateOffset => (Low & 0xFFFF) | (High & 0xFFFF_0000);
}
