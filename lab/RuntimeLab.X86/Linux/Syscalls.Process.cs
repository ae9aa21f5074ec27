using System.Text;
using RuntimeLab.X86.Cpu;
using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Linux;

// The process: exit, identity, uname, TLS (set_thread_area), resource limits, sysinfo, umask, getrandom.
public sealed partial class Syscalls
{
    public const string SystemName = "Linux", Release = "6.1.0", Version = "#1 SMP RuntimeLab", Machine = "i686";
    private const int UtsFieldLength = 65;
    private const int RlimitCount = 16, RlimitStack = 3, RlimitCore = 4, RlimitNofile = 7, RlimitMemlock = 8;
    private const ulong Infinity = ulong.MaxValue;
    private const uint GrndFlags = 1 | 2 | 4;  // GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE

    /// <summary>Resource limits: inherited over fork and exec, like every other process attribute here.</summary>
    private (ulong Soft, ulong Hard)[] Limits { get => _limits; init => _limits = [.. value]; }
    private readonly (ulong Soft, ulong Hard)[] _limits = DefaultLimits();

    private static (ulong, ulong)[] DefaultLimits()
    {
        var limits = Enumerable.Repeat((Infinity, Infinity), RlimitCount).ToArray();
        limits[RlimitStack] = (InitialStack.Size, Infinity);
        limits[RlimitCore] = (0, Infinity);
        limits[RlimitNofile] = (FileTable.MaxFds, 4096);
        limits[RlimitMemlock] = (8 << 20, 8 << 20);
        return limits;
    }

    private void RegisterProcess()
    {
        Register(N.Exit, "exit", "d", (in SyscallArgs a) => Terminate(ProcessExit.Exited(a.A0)));
        Register(N.ExitGroup, "exit_group", "d", (in SyscallArgs a) => Terminate(ProcessExit.Exited(a.A0)));
        Register(N.Getpid, "getpid", "", (in SyscallArgs _) => (int)Pid);
        Register(N.Gettid, "gettid", "", (in SyscallArgs _) => (int)Pid);
        Register(N.Getppid, "getppid", "", (in SyscallArgs _) => (int)ParentPid);
        foreach (var (number, name) in new[] { (N.Getuid, "getuid"), (N.Geteuid, "geteuid"), (N.Getuid32, "getuid32"), (N.Geteuid32, "geteuid32") })
            Register(number, name, "", (in SyscallArgs _) => (int)GuestIdentity.Uid);
        foreach (var (number, name) in new[] { (N.Getgid, "getgid"), (N.Getegid, "getegid"), (N.Getgid32, "getgid32"), (N.Getegid32, "getegid32") })
            Register(number, name, "", (in SyscallArgs _) => (int)GuestIdentity.Gid);
        Register(N.Uname, "uname", "x", (in SyscallArgs a) => Uname(a.A0));
        Register(N.SetThreadArea, "set_thread_area", "x", (in SyscallArgs a) => SetThreadArea(a.A0));
        Register(N.GetThreadArea, "get_thread_area", "x", (in SyscallArgs a) => GetThreadArea(a.A0));
        Register(N.SetTidAddress, "set_tid_address", "x", (in SyscallArgs _) => (int)Pid);
        // As under qemu-i386: glibc then does without robust futexes and restartable sequences.
        Register(N.SetRobustList, "set_robust_list", "xu", (in SyscallArgs _) => -Errno.ENOSYS);
        Register(N.Rseq, "rseq", "xuxx", (in SyscallArgs _) => -Errno.ENOSYS);
        Register(N.Ugetrlimit, "ugetrlimit", "dx", (in SyscallArgs a) => GetLimit32((int)a.A0, a.A1));
        Register(N.Prlimit64, "prlimit64", "ddxx", (in SyscallArgs a) => ProcessLimit((int)a.A0, (int)a.A1, a.A2, a.A3));
        Register(N.Sysinfo, "sysinfo", "x", (in SyscallArgs a) => SystemInfo(a.A0));
        Register(N.Umask, "umask", "o", (in SyscallArgs a) => SetUmask((int)a.A0));
        Register(N.Getrandom, "getrandom", "xux", (in SyscallArgs a) => GetRandom(a.A0, a.A1, a.A2));
    }

    private int Terminate(ProcessExit exit)
    {
        Exit = exit;
        return 0;
    }

    /// <summary>struct new_utsname: six NUL-padded 65-byte fields.</summary>
    private int Uname(uint address)
    {
        var fields = new[] { SystemName, GuestIdentity.Hostname, Release, Version, Machine, "(none)" };
        var bytes = new byte[fields.Length * UtsFieldLength];
        for (var i = 0; i < fields.Length; i++) Encoding.ASCII.GetBytes(fields[i]).CopyTo(bytes, i * UtsFieldLength);
        Memory.Write(address, bytes);
        return 0;
    }

    /// <summary>
    /// Stores the descriptor (the entry number goes back to the guest) and, for the first entry, sets the GS base at once: glibc
    /// loads GS with this entry's selector right after, and single-threaded guests have no other use for GS.
    /// </summary>
    private int SetThreadArea(uint address)
    {
        var descriptor = UserDescriptor.Read(Memory, address);
        var error = ThreadArea.Set(ref descriptor);
        if (error != 0) return -error;
        descriptor.Write(Memory, address);
        // Only glibc's entry (the first) is GS's: a guest that sets up a second TLS segment (for FS, say)
        // must keep its GS, as on Linux, where only a segment register holding the entry's selector changes.
        if (descriptor.EntryNumber == ThreadArea.FirstEntry) SetSegmentBase?.Invoke(Seg.Gs, descriptor.BaseAddress);
        return 0;
    }

    private int GetThreadArea(uint address)
    {
        if (ThreadArea.Get(UserDescriptor.Read(Memory, address).EntryNumber) is not { } descriptor) return -Errno.EINVAL;
        descriptor.Write(Memory, address);
        return 0;
    }

    /// <summary>The old getrlimit ABI: 32-bit values, infinity as 0xFFFFFFFF.</summary>
    private int GetLimit32(int resource, uint address)
    {
        if ((uint)resource >= RlimitCount) return -Errno.EINVAL;
        var (soft, hard) = _limits[resource];
        Memory.RequireWritable(address, 8);
        Memory.WriteU32(address, (uint)Math.Min(soft, uint.MaxValue));
        Memory.WriteU32(address + 4, (uint)Math.Min(hard, uint.MaxValue));
        return 0;
    }

    /// <summary>prlimit64 on this process (pid 0 or ours): reports the old limits, then records the new ones.</summary>
    private int ProcessLimit(int pid, int resource, uint newLimit, uint oldLimit)
    {
        if (pid != 0 && pid != Pid) return -Errno.ESRCH;
        if ((uint)resource >= RlimitCount) return -Errno.EINVAL;
        (ulong Soft, ulong Hard)? requested = newLimit != 0 ? (Memory.ReadU64(newLimit), Memory.ReadU64(newLimit + 8)) : null;
        if (requested is { } r && (r.Soft > r.Hard || r.Hard > _limits[resource].Hard)) return r.Soft > r.Hard ? -Errno.EINVAL : -Errno.EPERM;
        if (oldLimit != 0)
        {
            Memory.RequireWritable(oldLimit, 16);
            Memory.WriteU64(oldLimit, _limits[resource].Soft);
            Memory.WriteU64(oldLimit + 8, _limits[resource].Hard);
        }
        if (requested is { } accepted) _limits[resource] = accepted;
        return 0;
    }

    /// <summary>struct sysinfo (64 bytes on i386) for a modest, fixed machine: 1 GiB of RAM, half free, one process.</summary>
    private int SystemInfo(uint address)
    {
        var info = new byte[64];
        BitConverter.TryWriteBytes(info.AsSpan(0), (int)(Environment.TickCount64 / 1000));  // uptime
        BitConverter.TryWriteBytes(info.AsSpan(16), 1u << 30);  // totalram
        BitConverter.TryWriteBytes(info.AsSpan(20), 1u << 29);  // freeram
        BitConverter.TryWriteBytes(info.AsSpan(40), (ushort)1);  // procs
        BitConverter.TryWriteBytes(info.AsSpan(52), 1u);         // mem_unit
        Memory.Write(address, info);
        return 0;
    }

    private int SetUmask(int mask)
    {
        var old = FileSystem.Umask;
        FileSystem.Umask = mask & 0x1FF;
        return old;
    }

    /// <summary>Deterministic bytes from the run's seed, never the host's entropy, so runs repeat exactly.</summary>
    private int GetRandom(uint buffer, uint length, uint flags)
    {
        if ((flags & ~GrndFlags) != 0) return -Errno.EINVAL;
        var count = (int)Math.Min(length, 1u << 25);
        Memory.RequireWritable(buffer, (uint)count);
        var bytes = new byte[count];
        Random.Fill(bytes);
        Memory.Write(buffer, bytes);
        return count;
    }
}
