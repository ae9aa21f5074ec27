using System.Globalization;

namespace System
{
    public static class Convert
    {
        public static int ToInt32(string value) => value == null ? 0 : int.Parse(value);
        public static long ToInt64(string value) => value == null ? 0 : long.Parse(value);
        public static double ToDouble(string value) => value == null ? 0 : double.Parse(value);
        public static bool ToBoolean(string value) => value != null && bool.Parse(value);
        public static int ToInt32(string value, IFormatProvider provider) => value == null ? 0 : int.Parse(value, provider);
        public static double ToDouble(string value, IFormatProvider provider) => value == null ? 0 : double.Parse(value, provider);

        public static int ToInt32(double value)
        {
            if (value >= -2147483648.5 && value < 2147483647.5)
            {
                int result = (int)value;
                double dif = value - result;
                if (dif > 0.5 || dif == 0.5 && (result & 1) != 0) result++;
                else if (dif < -0.5 || dif == -0.5 && (result & 1) != 0) result--;
                return result;
            }
            throw new OverflowException("Value was either too large or too small for an Int32.");
        }

        public static long ToInt64(double value)
        {
            if (value >= -9223372036854775808.0 && value < 9223372036854775808.0)
            {
                long result = (long)value;
                double dif = value - result;
                if (dif > 0.5 || dif == 0.5 && (result & 1) != 0) result++;
                else if (dif < -0.5 || dif == -0.5 && (result & 1) != 0) result--;
                return result;
            }
            throw new OverflowException("Value was either too large or too small for an Int64.");
        }

        public static int ToInt32(float value) => ToInt32((double)value);
        public static int ToInt32(long value) => checked((int)value);
        public static int ToInt32(bool value) => value ? 1 : 0;
        public static int ToInt32(char value) => value;
        public static long ToInt64(int value) => value;
        public static double ToDouble(int value) => value;
        public static double ToDouble(long value) => value;
        public static double ToDouble(float value) => value;
        public static bool ToBoolean(int value) => value != 0;
        public static string ToString(int value) => value.ToString();
        public static string ToString(long value) => value.ToString();
        public static string ToString(double value) => value.ToString();
        public static string ToString(bool value) => value.ToString();
        public static string ToString(object value) => value?.ToString() ?? "";
        public static string ToString(object value, IFormatProvider provider) => value is IFormattable f ? f.ToString(null, provider) : value?.ToString() ?? "";

        public static string ToString(int value, int toBase) => ToBase(unchecked((uint)value), 32, value < 0 && toBase == 10 ? value : 0, toBase);
        public static string ToString(long value, int toBase) => ToBase(unchecked((ulong)value), 64, value, toBase);
        public static string ToString(short value, int toBase) => ToBase(unchecked((ushort)value), 16, value, toBase);
        public static string ToString(byte value, int toBase) => ToBase(value, 8, value, toBase);

        private static string ToBase(ulong bits, int width, long signedValue, int toBase)
        {
            if (toBase != 2 && toBase != 8 && toBase != 10 && toBase != 16) throw new ArgumentException("Invalid Base.");
            if (toBase == 10) return width == 32 ? ((int)(uint)bits).ToString() : width == 16 ? ((short)(ushort)bits).ToString() : width == 8 ? ((byte)bits).ToString() : ((long)bits).ToString();
            if (bits == 0) return "0";
            var chars = new char[64];
            int pos = 64;
            while (bits != 0)
            {
                int digit = (int)(bits % (ulong)toBase);
                chars[--pos] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                bits /= (ulong)toBase;
            }
            return new string(chars, pos, 64 - pos);
        }

        public static int ToInt32(string value, int fromBase) => value == null ? 0 : unchecked((int)ParseBase(value, fromBase, 32));
        public static long ToInt64(string value, int fromBase) => value == null ? 0 : ParseBase(value, fromBase, 64);

        private static long ParseBase(string s, int fromBase, int width)
        {
            if (fromBase != 2 && fromBase != 8 && fromBase != 10 && fromBase != 16) throw new ArgumentException("Invalid Base.");
            if (fromBase == 10) return width == 32 ? int.Parse(s, CultureInfo.InvariantCulture) : long.Parse(s, CultureInfo.InvariantCulture);
            if (s.Length == 0) throw new ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size of the collection.");
            int i = 0;
            if (fromBase == 16 && s.Length >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) i = 2;
            if (i >= s.Length) throw new FormatException("Could not find any recognizable digits.");
            ulong result = 0;
            ulong limit = width == 32 ? uint.MaxValue : ulong.MaxValue;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
                if (digit >= fromBase) throw new FormatException("Additional non-parsable characters are at the end of the string.");
                ulong next = unchecked(result * (ulong)fromBase + (ulong)digit);
                if (next / (ulong)fromBase != result || next > limit) throw new OverflowException(width == 32 ? "Value was either too large or too small for an Int32." : "Value was either too large or too small for an Int64.");
                result = next;
            }
            return width == 32 ? (int)(uint)result : (long)result;
        }
    }
}

namespace System.Numerics
{
    public static class BitOperations
    {
        public static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));
        public static ulong RotateLeft(ulong value, int offset) => (value << offset) | (value >> (64 - offset));
        public static uint RotateRight(uint value, int offset) => (value >> offset) | (value << (32 - offset));
        public static ulong RotateRight(ulong value, int offset) => (value >> offset) | (value << (64 - offset));

        public static int PopCount(uint value)
        {
            int count = 0;
            while (value != 0) { value &= value - 1; count++; }
            return count;
        }

        public static int PopCount(ulong value) => PopCount((uint)value) + PopCount((uint)(value >> 32));

        public static int LeadingZeroCount(uint value)
        {
            if (value == 0) return 32;
            int n = 0;
            while ((value & 0x80000000u) == 0) { value <<= 1; n++; }
            return n;
        }

        public static int LeadingZeroCount(ulong value) => (value >> 32) == 0 ? 32 + LeadingZeroCount((uint)value) : LeadingZeroCount((uint)(value >> 32));

        public static int TrailingZeroCount(uint value)
        {
            if (value == 0) return 32;
            int n = 0;
            while ((value & 1) == 0) { value >>= 1; n++; }
            return n;
        }

        public static int TrailingZeroCount(ulong value) => (uint)value == 0 ? 32 + TrailingZeroCount((uint)(value >> 32)) : TrailingZeroCount((uint)value);
        public static int TrailingZeroCount(int value) => TrailingZeroCount((uint)value);
        public static int TrailingZeroCount(long value) => TrailingZeroCount((ulong)value);
        public static int Log2(uint value) => 31 - LeadingZeroCount(value | 1);
        public static int Log2(ulong value) => 63 - LeadingZeroCount(value | 1);
        public static bool IsPow2(uint value) => value != 0 && (value & (value - 1)) == 0;
        public static bool IsPow2(ulong value) => value != 0 && (value & (value - 1)) == 0;
        public static bool IsPow2(int value) => value > 0 && (value & (value - 1)) == 0;
        public static bool IsPow2(long value) => value > 0 && (value & (value - 1)) == 0;
        public static uint RoundUpToPowerOf2(uint value) => value <= 1 ? 1 : 1u << (32 - LeadingZeroCount(value - 1));
    }
}
