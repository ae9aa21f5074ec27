namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// The cell sizes of the small-object space (header word included). Steps grow by about a quarter so
/// that rounding wastes at most ~20%; from 3 KiB on, sizes are chosen so that a whole number of cells
/// fills a 64 KiB block (65520 = 2⁴·3²·5·7·13 bytes has many divisors). Allocations above
/// <see cref="MaxSmallSize"/> go to the large-object space.
/// </summary>
internal static class SizeClasses
{
    public static readonly int[] CellSizes =
    [
        16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512,
        640, 768, 896, 1024, 1280, 1536, 1792, 2048, 2560, 3120, 3640, 4368, 5456, 6552, 8184,
        9360, 10920, 13104, 16376, 21840, 32760,
    ];

    public const int MaxSmallSize = 32760;

    public static int Count => CellSizes.Length;

    /// <summary>Size class of an allocation of <c>8·i</c> bytes, for i ≤ MaxSmallSize/8: one table load on the fast path.</summary>
    public static readonly byte[] ClassOfGranule = BuildGranuleTable();

    /// <summary>The same table in native memory, for compiled code's inline allocation of arrays (made once per process).</summary>
    public static readonly unsafe byte* ClassOfGranuleNative = CopyToNative(ClassOfGranule);

    private static unsafe byte* CopyToNative(byte[] table)
    {
        var native = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)table.Length);
        table.CopyTo(new Span<byte>(native, table.Length));
        return native;
    }

    private static byte[] BuildGranuleTable()
    {
        var table = new byte[MaxSmallSize / 8 + 1];
        int c = 0;
        for (int g = 0; g < table.Length; g++)
        {
            while (CellSizes[c] < g * 8)
                c++;
            table[g] = (byte)c;
        }
        return table;
    }
}
