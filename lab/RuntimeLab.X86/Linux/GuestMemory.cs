using System.Buffers.Binary;
using System.Text;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>Typed little-endian access to guest memory for the system call layer; all of it faults like the guest would.</summary>
public static class GuestMemory
{
    public static uint ReadU32(this UserAddressSpace memory, uint address)
    {
        Span<byte> bytes = stackalloc byte[4];
        memory.Read(address, bytes);
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    public static ulong ReadU64(this UserAddressSpace memory, uint address)
    {
        Span<byte> bytes = stackalloc byte[8];
        memory.Read(address, bytes);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }

    public static void WriteU32(this UserAddressSpace memory, uint address, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        memory.Write(address, bytes);
    }

    public static void WriteU64(this UserAddressSpace memory, uint address, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        memory.Write(address, bytes);
    }

    public static byte[] ReadBytes(this UserAddressSpace memory, uint address, int length)
    {
        var bytes = new byte[length];
        memory.Read(address, bytes);
        return bytes;
    }

    /// <summary>A path or other string argument; Linux limits paths to PATH_MAX (4096) bytes.</summary>
    public static string ReadString(this UserAddressSpace memory, uint address, int limit = 4096) =>
        Encoding.UTF8.GetString(memory.ReadCString(address, limit));

    /// <summary>
    /// Fails like the guest's own store would if any byte of the range is not writable: system calls
    /// check their output buffers first, so that a bad pointer costs no input (a read keeps its data).
    /// </summary>
    public static void RequireWritable(this UserAddressSpace memory, uint address, uint length)
    {
        for (ulong at = address; at < (ulong)address + length; at = (at & ~0xFFFul) + UserAddressSpace.PageSize)
            if (at > uint.MaxValue || (memory.ProtectionOf((uint)at) & Protection.Write) == 0)
                throw GuestFaultException.PageFault((uint)at, write: true);
    }
}
