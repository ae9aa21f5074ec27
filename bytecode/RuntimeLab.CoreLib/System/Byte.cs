using System.Globalization;

namespace System
{
    public partial struct Byte : IComparable, IComparable<byte>, IEquatable<byte>, IFormattable
    {
        public const byte MaxValue = 255;
        public const byte MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is byte other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Byte.");
        }

        public int CompareTo(byte value) => m_value - value;
        public override bool Equals(object obj) => obj is byte other && m_value == other;
        public bool Equals(byte obj) => m_value == obj;
        // Equal to CoreCLR's, so hash-ordered output matches.
        public override int GetHashCode() => unchecked(m_value);

        public override string ToString() => Number.FormatInteger(unchecked((long)m_value), 1, null);
        public string ToString(string format) => Number.FormatInteger(unchecked((long)m_value), 1, format);
        public string ToString(IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 1, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger(unchecked((long)m_value), 1, format);

        public static byte Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static byte Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static byte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static byte Parse(string s, NumberStyles style, IFormatProvider provider) => unchecked((byte)Number.ParseInteger(s, style, 1, "Byte"));
        public static bool TryParse(string s, out byte result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out byte result) => TryParse(s, NumberStyles.Integer, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            bool ok = Number.TryParseInteger(s, style, 1, out long value);
            result = unchecked((byte)value);
            return ok;
        }

        public static byte Max(byte x, byte y) => x >= y ? x : y;
        public static byte Min(byte x, byte y) => x <= y ? x : y;

        public static bool IsPow2(byte value) => value > 0 && (value & (value - 1)) == 0;
    }
}
