using System.Globalization;

namespace System
{
    public partial struct Int16 : IComparable, IComparable<short>, IEquatable<short>, IFormattable
    {
        public const short MaxValue = 32767;
        public const short MinValue = -32768;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is short other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int16.");
        }

        public int CompareTo(short value) => m_value - value;
        public override bool Equals(object obj) => obj is short other && m_value == other;
        public bool Equals(short obj) => m_value == obj;
        // Equal to CoreCLR's, so hash-ordered output matches.
        public override int GetHashCode() => unchecked(m_value);

        public override string ToString() => Number.FormatInteger(unchecked((long)m_value), 2, null);
        public string ToString(string format) => Number.FormatInteger(unchecked((long)m_value), 2, format);
        public string ToString(IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 2, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 2, format);

        public static short Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static short Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static short Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static short Parse(string s, NumberStyles style, IFormatProvider provider) => unchecked((short)Number.ParseInteger(s, style, 2, "Int16"));
        public static bool TryParse(string s, out short result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out short result) => TryParse(s, NumberStyles.Integer, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result)
        {
            bool ok = Number.TryParseInteger(s, style, 2, out long value);
            result = unchecked((short)value);
            return ok;
        }

        public static short Max(short x, short y) => x >= y ? x : y;
        public static short Min(short x, short y) => x <= y ? x : y;
        public static short Abs(short value) => (short)Math.Abs(value);
        public static bool IsPow2(short value) => value > 0 && (value & (value - 1)) == 0;
    }
}
