using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// The kernel's i386 struct sigaction as rt_sigaction passes it: handler, flags, restorer and a 64-bit
/// mask (20 bytes). Handler 0 is SIG_DFL and 1 is SIG_IGN.
/// </summary>
public readonly record struct SignalAction(uint Handler, uint Flags, uint Restorer, ulong Mask)
{
    public const int Size = 20;
    public const uint Default = 0, Ignore = 1;
    public const uint NoChildWait = 2, SigInfo = 4, RestorerGiven = 0x0400_0000, OnStack = 0x0800_0000,
        Restart = 0x1000_0000, NoDefer = 0x4000_0000, ResetHandler = 0x8000_0000;

    public bool IsDefault => Handler == Default;
    public bool IsIgnore => Handler == Ignore;
    public bool IsHandler => Handler > Ignore;
    public bool Has(uint flag) => (Flags & flag) != 0;

    public static SignalAction Read(UserAddressSpace memory, uint address) =>
        new(memory.ReadU32(address), memory.ReadU32(address + 4), memory.ReadU32(address + 8), memory.ReadU64(address + 12));

    public void Write(UserAddressSpace memory, uint address)
    {
        memory.RequireWritable(address, Size);
        memory.WriteU32(address, Handler);
        memory.WriteU32(address + 4, Flags);
        memory.WriteU32(address + 8, Restorer);
        memory.WriteU64(address + 12, Mask);
    }
}
