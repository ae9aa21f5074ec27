using System.Globalization;

namespace System
{
    public partial struct SByte : IComparable, IComparable<sbyte>, IEquatable<sbyte>, IFormattable
    {
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is sbyte other) return CompareTo(other);
            throw new ArgumentException("Object must be of type SByte.");
        }

        public int CompareTo(sbyte value) => m_value - value;
        public override bool Equals(object obj) => obj is sbyte other && m_value == other;
        public bool Equals(sbyte obj) => m_value == obj;
        // Equal to CoreCLR's, so hash-ordered output matches.
        public override int GetHashCode() => unchecked(m_value);

        public override string ToString() => Number.FormatInteger(unchecked((long)m_value), 0, null);
        public string ToString(string format) => Number.FormatInteger(unchecked((long)m_value), 0, format);
        public string ToString(IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 0, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 0, format);

        public static sbyte Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static sbyte Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static sbyte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static sbyte Parse(string s, NumberStyles style, IFormatProvider provider) => unchecked((sbyte)Number.ParseInteger(s, style, 0, "SByte"));
        public static bool TryParse(string s, out sbyte result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out sbyte result) => TryParse(s, NumberStyles.Integer, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            bool ok = Number.TryParseInteger(s, style, 0, out long value);
            result = unchecked((sbyte)value);
            return ok;
        }

        public static sbyte Max(sbyte x, sbyte y) => x >= y ? x : y;
        public static sbyte Min(sbyte x, sbyte y) => x <= y ? x : y;
        public static sbyte Abs(sbyte value) => (sbyte)Math.Abs(value);
        public static bool IsPow2(sbyte value) => value > 0 && (value & (value - 1)) == 0;
    }
}
