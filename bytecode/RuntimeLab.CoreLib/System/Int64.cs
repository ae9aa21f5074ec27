using System.Globalization;

namespace System
{
    public partial struct Int64 : IComparable, IComparable<long>, IEquatable<long>, IFormattable
    {
        public const long MaxValue = 9223372036854775807;
        public const long MinValue = -9223372036854775807L - 1;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is long other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int64.");
        }

        public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public override bool Equals(object obj) => obj is long other && m_value == other;
        public bool Equals(long obj) => m_value == obj;
        // Equal to CoreCLR's, so hash-ordered output matches.
        public override int GetHashCode() => unchecked((int)m_value ^ (int)(m_value >> 32));

        public override string ToString() => Number.FormatInteger(unchecked((long)m_value), 6, null);
        public string ToString(string format) => Number.FormatInteger(unchecked((long)m_value), 6, format);
        public string ToString(IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 6, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 6, format);

        public static long Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static long Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static long Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static long Parse(string s, NumberStyles style, IFormatProvider provider) => unchecked((long)Number.ParseInteger(s, style, 6, "Int64"));
        public static bool TryParse(string s, out long result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out long result) => TryParse(s, NumberStyles.Integer, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result)
        {
            bool ok = Number.TryParseInteger(s, style, 6, out long value);
            result = unchecked((long)value);
            return ok;
        }

        public static long Max(long x, long y) => x >= y ? x : y;
        public static long Min(long x, long y) => x <= y ? x : y;
        public static long Abs(long value) => (long)Math.Abs(value);
        public static bool IsPow2(long value) => value > 0 && (value & (value - 1)) == 0;
    }
}
