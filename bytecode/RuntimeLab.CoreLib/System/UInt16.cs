using System.Globalization;

namespace System
{
    public partial struct UInt16 : IComparable, IComparable<ushort>, IEquatable<ushort>, IFormattable
    {
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is ushort other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt16.");
        }

        public int CompareTo(ushort value) => m_value - value;
        public override bool Equals(object obj) => obj is ushort other && m_value == other;
        public bool Equals(ushort obj) => m_value == obj;
        // Equal to CoreCLR's, so hash-ordered output matches.
        public override int GetHashCode() => unchecked(m_value);

        public override string ToString() => Number.FormatInteger(unchecked((long)m_value), 3, null);
        public string ToString(string format) => Number.FormatInteger(unchecked((long)m_value), 3, format);
        public string ToString(IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 3, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 3, format);

        public static ushort Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static ushort Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static ushort Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static ushort Parse(string s, NumberStyles style, IFormatProvider provider) => unchecked((ushort)Number.ParseInteger(s, style, 3, "UInt16"));
        public static bool TryParse(string s, out ushort result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out ushort result) => TryParse(s, NumberStyles.Integer, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            bool ok = Number.TryParseInteger(s, style, 3, out long value);
            result = unchecked((ushort)value);
            return ok;
        }

        public static ushort Max(ushort x, ushort y) => x >= y ? x : y;
        public static ushort Min(ushort x, ushort y) => x <= y ? x : y;

        public static bool IsPow2(ushort value) => value > 0 && (value & (value - 1)) == 0;
    }
}
