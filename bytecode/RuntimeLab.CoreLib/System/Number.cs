using System.Globalization;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Formatting and parsing of primitives: leaves to the host's invariant-culture code, so
    /// every digit, rounding and format-string quirk is CoreCLR's own.</summary>
    internal static class Number
    {
        // Integer kinds: 0 sbyte, 1 byte, 2 short, 3 ushort, 4 int, 5 uint, 6 long, 7 ulong.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string FormatInteger(long value, int kind, string format);
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string FormatDouble(double value, string format);
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string FormatSingle(float value, string format);

        /// <summary>0: parsed; 1: bad format; 2: overflow.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int HostParseInteger(string s, int styles, int kind, out long result);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int HostParseFloat(string s, int styles, bool single, out double result);

        private static void CheckStyle(NumberStyles style)
        {
            const NumberStyles valid = NumberStyles.Any | NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier;
            if ((style & ~valid) != 0) throw new ArgumentException("An undefined NumberStyles value is being used. (Parameter 'style')");
        }

        internal static long ParseInteger(string s, NumberStyles style, int kind, string typeName)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            CheckStyle(style);
            int status = HostParseInteger(s, (int)style, kind, out long result);
            if (status == 1) throw new FormatException("The input string '" + s + "' was not in a correct format.");
            if (status == 2) throw new OverflowException("Value was either too large or too small for " + (typeName[0] == 'I' || typeName[0] == 'U' ? "an " : "a ") + typeName + ".");
            return result;
        }

        internal static bool TryParseInteger(string s, NumberStyles style, int kind, out long result)
        {
            CheckStyle(style);
            result = 0;
            return s != null && HostParseInteger(s, (int)style, kind, out result) == 0;
        }

        internal static double ParseFloat(string s, NumberStyles style, bool single)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            CheckStyle(style);
            if (HostParseFloat(s, (int)style, single, out double result) != 0)
                throw new FormatException("The input string '" + s + "' was not in a correct format.");
            return result;
        }

        internal static bool TryParseFloat(string s, NumberStyles style, bool single, out double result)
        {
            CheckStyle(style);
            result = 0;
            return s != null && HostParseFloat(s, (int)style, single, out result) == 0;
        }
    }

    public static class BitConverter
    {
        public static readonly bool IsLittleEndian = true;
        public static unsafe long DoubleToInt64Bits(double value) => *(long*)&value;
        public static unsafe double Int64BitsToDouble(long value) => *(double*)&value;
        public static unsafe int SingleToInt32Bits(float value) => *(int*)&value;
        public static unsafe float Int32BitsToSingle(int value) => *(float*)&value;
        public static unsafe ulong DoubleToUInt64Bits(double value) => *(ulong*)&value;
        public static unsafe double UInt64BitsToDouble(ulong value) => *(double*)&value;
        public static unsafe uint SingleToUInt32Bits(float value) => *(uint*)&value;
        public static unsafe float UInt32BitsToSingle(uint value) => *(float*)&value;
    }
}
