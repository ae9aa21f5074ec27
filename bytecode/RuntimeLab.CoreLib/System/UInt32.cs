using System.Globalization;

namespace System
{
    public partial struct UInt32 : IComparable, IComparable<uint>, IEquatable<uint>, IFormattable
    {
        public const uint MaxValue = 4294967295;
        public const uint MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is uint other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt32.");
        }

        public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public override bool Equals(object obj) => obj is uint other && m_value == other;
        public bool Equals(uint obj) => m_value == obj;
        // Equal to CoreCLR's, so hash-ordered output matches.
        public override int GetHashCode() => unchecked((int)m_value);

        public override string ToString() => Number.FormatInteger(unchecked((long)m_value), 5, null);
        public string ToString(string format) => Number.FormatInteger(unchecked((long)m_value), 5, format);
        public string ToString(IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 5, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 5, format);

        public static uint Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static uint Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static uint Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static uint Parse(string s, NumberStyles style, IFormatProvider provider) => unchecked((uint)Number.ParseInteger(s, style, 5, "UInt32"));
        public static bool TryParse(string s, out uint result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out uint result) => TryParse(s, NumberStyles.Integer, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            bool ok = Number.TryParseInteger(s, style, 5, out long value);
            result = unchecked((uint)value);
            return ok;
        }

        public static uint Max(uint x, uint y) => x >= y ? x : y;
        public static uint Min(uint x, uint y) => x <= y ? x : y;

        public static bool IsPow2(uint value) => value > 0 && (value & (value - 1)) == 0;
    }
}
