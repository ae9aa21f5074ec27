using System.Text;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Linux;

/// <summary>
/// Renders a system call as strace does: <c>write(1, "hello\n", 6) = 6</c>. Each handler registers a
/// format with one letter per argument shown:
/// d signed decimal, u unsigned, x hex (NULL for 0), o octal, f a dirfd (AT_FDCWD), s a C string,
/// w a buffer whose length is the next argument, r a buffer the call filled (its length is the result).
/// Arguments are read after the call, so output buffers show what the guest received.
/// </summary>
public static class StraceFormatter
{
    public const int MaxStringChars = 32;
    private const int AtFdCwd = -100;

    /// <summary>The whole line; <paramref name="result"/> null for a call that does not return (exit_group).</summary>
    public static string Format(string name, string format, SyscallArgs args, int? result, bool hexResult, UserAddressSpace memory)
    {
        var parts = new string[format.Length];
        for (var i = 0; i < format.Length; i++) parts[i] = FormatArgument(format[i], args, i, result ?? -1, memory);
        return $"{name}({string.Join(", ", parts)}) = {(result is { } r ? FormatResult(r, hexResult) : "?")}";
    }

    public static string FormatResult(int result, bool hex) =>
        result is < 0 and >= -4095 ? Errno.Describe(-result) : hex ? $"0x{(uint)result:x}" : result.ToString();

    private static string FormatArgument(char kind, SyscallArgs args, int index, int result, UserAddressSpace memory)
    {
        var value = args[index];
        return kind switch
        {
            'd' => ((int)value).ToString(),
            'u' => value.ToString(),
            'o' => "0" + Convert.ToString(value, 8),
            'f' => (int)value == AtFdCwd ? "AT_FDCWD" : ((int)value).ToString(),
            's' => Quote(value, -1, memory),
            'w' => Quote(value, (int)Math.Min(args[index + 1], int.MaxValue), memory),
            'r' => result >= 0 ? Quote(value, result, memory) : Pointer(value),
            _ => Pointer(value),
        };
    }

    private static string Pointer(uint value) => value == 0 ? "NULL" : $"0x{value:x}";

    /// <summary>A quoted, C-escaped string of at most 32 characters, then "..." if there was more.</summary>
    private static string Quote(uint address, int length, UserAddressSpace memory)
    {
        if (address == 0) return "NULL";
        byte[] bytes;
        try
        {
            bytes = length < 0 ? memory.ReadCString(address, MaxStringChars + 1) : memory.ReadBytes(address, Math.Min(length, MaxStringChars + 1));
        }
        catch (GuestFaultException)
        {
            // A C string longer than the limit, or a bad pointer: show what is readable, else the address.
            bytes = ReadPrefix(address, length < 0 ? MaxStringChars + 1 : Math.Min(length, MaxStringChars + 1), memory, stopAtNul: length < 0);
            if (bytes.Length == 0) return Pointer(address);
        }
        var text = new StringBuilder("\"");
        foreach (var b in bytes.Take(MaxStringChars)) text.Append(Escape(b));
        text.Append('"');
        if (bytes.Length > MaxStringChars) text.Append("...");
        return text.ToString();
    }

    private static byte[] ReadPrefix(uint address, int limit, UserAddressSpace memory, bool stopAtNul)
    {
        var bytes = new List<byte>();
        Span<byte> one = stackalloc byte[1];
        for (var i = 0; i < limit; i++)
        {
            if ((memory.ProtectionOf(address + (uint)i) & Protection.Read) == 0) break;
            memory.Read(address + (uint)i, one);
            if (stopAtNul && one[0] == 0) break;
            bytes.Add(one[0]);
        }
        return [.. bytes];
    }

    private static string Escape(byte b) => b switch
    {
        (byte)'\n' => "\\n", (byte)'\t' => "\\t", (byte)'\r' => "\\r", (byte)'"' => "\\\"", (byte)'\\' => "\\\\",
        >= 0x20 and < 0x7F => ((char)b).ToString(),
        _ => $"\\{Convert.ToString(b, 8)}",
    };
}
