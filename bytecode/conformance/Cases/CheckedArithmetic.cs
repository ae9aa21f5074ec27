// checked arithmetic and checked conversions: which operations throw OverflowException.
static class CheckedArithmetic
{
    static string Try(Func<object> f)
    {
        try { return f().ToString(); }
        catch (OverflowException) { return "OverflowException"; }
    }

    public static int Run()
    {
        int imax = int.MaxValue, imin = int.MinValue, one = 1, minusOne = -1, two = 2;
        long lmax = long.MaxValue, lmin = long.MinValue;
        uint umax = uint.MaxValue, uzero = 0;
        ulong ulmax = ulong.MaxValue, ulzero = 0;
        long sqrtMax = 3037000499L; // floor(sqrt(long.MaxValue))
        uint u65536 = 65536;
        ulong ul2p32 = 4294967296ul;

        Console.WriteLine("int add: " + Try(() => checked(imax + one)));
        Console.WriteLine("int add ok: " + Try(() => checked(imax - one + one)));
        Console.WriteLine("int sub: " + Try(() => checked(imin - one)));
        Console.WriteLine("int mul: " + Try(() => checked(imax * two)));
        Console.WriteLine("int mul neg: " + Try(() => checked(imin * minusOne)));
        Console.WriteLine("int neg: " + Try(() => checked(-imin)));
        Console.WriteLine("int unchecked add: " + unchecked(imax + one));
        Console.WriteLine("int unchecked mul: " + unchecked(imax * two));
        Console.WriteLine("long add: " + Try(() => checked(lmax + one)));
        Console.WriteLine("long sub: " + Try(() => checked(lmin - one)));
        Console.WriteLine("long mul: " + Try(() => checked(lmax * 3L)));
        Console.WriteLine("long mul ok: " + Try(() => checked(sqrtMax * sqrtMax)));
        Console.WriteLine("long mul over: " + Try(() => checked((sqrtMax + one) * (sqrtMax + one))));
        Console.WriteLine("long unchecked add: " + unchecked(lmax + one));
        Console.WriteLine("uint add: " + Try(() => checked(umax + 1u)));
        Console.WriteLine("uint sub: " + Try(() => checked(uzero - 1u)));
        Console.WriteLine("uint unchecked sub: " + unchecked(uzero - 1u));
        Console.WriteLine("uint mul: " + Try(() => checked(u65536 * u65536)));
        Console.WriteLine("ulong add: " + Try(() => checked(ulmax + 1ul)));
        Console.WriteLine("ulong sub: " + Try(() => checked(ulzero - 1ul)));
        Console.WriteLine("ulong mul: " + Try(() => checked(ul2p32 * ul2p32)));
        Console.WriteLine("ulong unchecked mul: " + unchecked(ulmax * 3ul));

        // Conversions.
        long big = 1L << 40, negative = -5;
        int negInt = -1;
        double d = 3e9, dneg = -1.5, dsmall = 2147483647.9, dnan = double.NaN;
        Console.WriteLine("long->int: " + Try(() => checked((int)big)));
        Console.WriteLine("long->int unchecked: " + unchecked((int)big));
        Console.WriteLine("long->int ok: " + Try(() => checked((int)negative)));
        Console.WriteLine("int->uint: " + Try(() => checked((uint)negInt)));
        Console.WriteLine("int->uint unchecked: " + unchecked((uint)negInt));
        Console.WriteLine("int->ulong: " + Try(() => checked((ulong)negInt)));
        Console.WriteLine("int->ulong unchecked: " + unchecked((ulong)negInt));
        Console.WriteLine("uint->int: " + Try(() => checked((int)umax)));
        Console.WriteLine("ulong->long: " + Try(() => checked((long)ulmax)));
        Console.WriteLine("int->byte: " + Try(() => checked((byte)(one + 255))));
        Console.WriteLine("int->byte unchecked: " + unchecked((byte)(one + 299)));
        Console.WriteLine("int->sbyte: " + Try(() => checked((sbyte)(one + 127))));
        Console.WriteLine("int->short unchecked: " + unchecked((short)(one + 40000)));
        Console.WriteLine("int->ushort: " + Try(() => checked((ushort)negInt)));
        Console.WriteLine("int->char: " + Try(() => (int)checked((char)negInt)));
        Console.WriteLine("double->int: " + Try(() => checked((int)d)));
        Console.WriteLine("double->int ok: " + Try(() => checked((int)dsmall)));
        Console.WriteLine("double->uint neg: " + Try(() => checked((uint)dneg)));
        Console.WriteLine("double->uint ok: " + Try(() => checked((uint)d)));
        Console.WriteLine("double->long NaN: " + Try(() => checked((long)dnan)));
        Console.WriteLine("double->ulong -0.5: " + Try(() => checked((ulong)(dneg + 1.0))));
        Console.WriteLine("float->int: " + Try(() => checked((int)(float)d)));
        return 0;
    }
}
