using System.Globalization;

namespace System
{
    public partial struct UInt64 : IComparable, IComparable<ulong>, IEquatable<ulong>, IFormattable
    {
        public const ulong MaxValue = 18446744073709551615;
        public const ulong MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is ulong other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt64.");
        }

        public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public override bool Equals(object obj) => obj is ulong other && m_value == other;
        public bool Equals(ulong obj) => m_value == obj;
        // Equal to CoreCLR's, so hash-ordered output matches.
        public override int GetHashCode() => unchecked((int)m_value ^ (int)(m_value >> 32));

        public override string ToString() => Number.FormatInteger(unchecked((long)m_value), 7, null);
        public string ToString(string format) => Number.FormatInteger(unchecked((long)m_value), 7, format);
        public string ToString(IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 7, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 7, format);

        public static ulong Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static ulong Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static ulong Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider) => unchecked((ulong)Number.ParseInteger(s, style, 7, "UInt64"));
        public static bool TryParse(string s, out ulong result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out ulong result) => TryParse(s, NumberStyles.Integer, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            bool ok = Number.TryParseInteger(s, style, 7, out long value);
            result = unchecked((ulong)value);
            return ok;
        }

        public static ulong Max(ulong x, ulong y) => x >= y ? x : y;
        public static ulong Min(ulong x, ulong y) => x <= y ? x : y;

        public static bool IsPow2(ulong value) => value > 0 && (value & (value - 1)) == 0;
    }
}
