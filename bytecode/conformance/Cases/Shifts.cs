// Shift counts are masked (5 bits for int, 6 for long) in C#; >> is arithmetic for signed, logical for unsigned.
static class Shifts
{
    public static int Run()
    {
        int one = 1, minus = -16;
        long lone = 1;
        uint ubig = 0x80000000u;
        int[] counts = { 0, 1, 31, 32, 33, 63, 64, 65, -1, -31, -32 };
        foreach (int c in counts)
        {
            Console.WriteLine($"count {c,3}: 1<<c={one << c} -16>>c={minus >> c} -16>>>c={minus >>> c} 1L<<c={lone << c} 0x80000000u>>c={ubig >> c} -16L>>c={(long)minus >> c}");
        }
        byte b = 0xF0;
        Console.WriteLine("byte << 4 promotes: " + (b << 4));
        Console.WriteLine("(byte)(b << 4): " + (byte)(b << 4));
        short s = -2;
        Console.WriteLine("short >> 1: " + (s >> 1));
        ulong ul = ulong.MaxValue;
        Console.WriteLine("ulong >> 60: " + (ul >> 60));
        Console.WriteLine("rotate: " + System.Numerics.BitOperations.RotateLeft(0x12345678u, 8).ToString("X8"));
        Console.WriteLine("popcount: " + System.Numerics.BitOperations.PopCount(0xF0F0u));
        Console.WriteLine("lzcount: " + System.Numerics.BitOperations.LeadingZeroCount(1u));
        Console.WriteLine("bitwise: " + (0x0F0F & 0x00FF) + " " + (0x0F0F | 0x00FF) + " " + (0x0F0F ^ 0x00FF) + " " + (~0x0F0F));
        Console.WriteLine("long bitwise: " + (~0L) + " " + (0x7FFFFFFFFFFFFFFFL ^ -1L));
        return 0;
    }
}
