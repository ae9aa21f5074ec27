using System.Globalization;

namespace System
{
    public partial struct Int32 : IComparable, IComparable<int>, IEquatable<int>, IFormattable
    {
        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483647 - 1;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is int other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int32.");
        }

        public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public override bool Equals(object obj) => obj is int other && m_value == other;
        public bool Equals(int obj) => m_value == obj;
        // Equal to CoreCLR's, so hash-ordered output matches.
        public override int GetHashCode() => unchecked(m_value);

        public override string ToString() => Number.FormatInteger(unchecked((long)m_value), 4, null);
        public string ToString(string format) => Number.FormatInteger(unchecked((long)m_value), 4, format);
        public string ToString(IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 4, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 4, format);

        public static int Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static int Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static int Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static int Parse(string s, NumberStyles style, IFormatProvider provider) => unchecked((int)Number.ParseInteger(s, style, 4, "Int32"));
        public static int Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null) => Parse(s.ToString(), style, provider);
        public static bool TryParse(ReadOnlySpan<char> s, out int result) => TryParse(s.ToString(), NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, out int result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out int result) => TryParse(s, NumberStyles.Integer, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result)
        {
            bool ok = Number.TryParseInteger(s, style, 4, out long value);
            result = unchecked((int)value);
            return ok;
        }

        public static int Max(int x, int y) => x >= y ? x : y;
        public static int Min(int x, int y) => x <= y ? x : y;
        public static int Abs(int value) => (int)Math.Abs(value);
        public static bool IsPow2(int value) => value > 0 && (value & (value - 1)) == 0;
    }
}
