using System.Globalization;

#pragma warning disable CS1718 // x != x is the NaN test

namespace System
{
    public partial struct Single : IComparable, IComparable<float>, IEquatable<float>, IFormattable
    {
        public const float MinValue = -3.40282347E+38f;
        public const float MaxValue = 3.40282347E+38f;
        public const float Epsilon = 1.401298E-45f;
        public const float NaN = 0.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float NegativeZero = -0.0f;
        public const float E = 2.71828183f;
        public const float Pi = 3.14159274f;
        public const float Tau = 6.28318548f;

        public static bool IsNaN(float d) => d != d;
        public static bool IsInfinity(float d) => (BitConverter.SingleToInt32Bits(d) & 0x7FFFFFFF) == 0x7F800000;
        public static bool IsPositiveInfinity(float d) => d == PositiveInfinity;
        public static bool IsNegativeInfinity(float d) => d == NegativeInfinity;
        public static bool IsFinite(float d) => (BitConverter.SingleToInt32Bits(d) & 0x7FFFFFFF) < 0x7F800000;
        public static bool IsNegative(float d) => BitConverter.SingleToInt32Bits(d) < 0;
        public static bool IsNormal(float d)
        {
            var bits = BitConverter.SingleToInt32Bits(d) & 0x7FFFFFFF;
            return bits < 0x7F800000 && bits != 0 && (bits & 0x7F800000) != 0;
        }
        public static bool IsSubnormal(float d)
        {
            var bits = BitConverter.SingleToInt32Bits(d) & 0x7FFFFFFF;
            return bits < 0x7F800000 && bits != 0 && (bits & 0x7F800000) == 0;
        }
        public static bool IsInteger(float d) => IsFinite(d) && d == Math.Truncate(d);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is float other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Single.");
        }

        public int CompareTo(float value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            // At least one is NaN, which sorts first.
            if (IsNaN(m_value)) return IsNaN(value) ? 0 : -1;
            return 1;
        }

        public override bool Equals(object obj) => obj is float other && Equals(other);
        public bool Equals(float obj) => m_value == obj || IsNaN(obj) && IsNaN(m_value);

        public override int GetHashCode()
        {
            int bits = BitConverter.SingleToInt32Bits(m_value);
            if (((bits - 1) & 0x7FFFFFFF) >= 0x7F7FFFFF) bits &= 0x7F800000;
            return bits;
        }

        public override string ToString() => Number.FormatSingle(m_value, null);
        public string ToString(string format) => Number.FormatSingle(m_value, format);
        public string ToString(IFormatProvider provider) => Number.FormatSingle(m_value, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatSingle(m_value, format);

        public static float Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null);
        public static float Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static float Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);
        public static float Parse(string s, NumberStyles style, IFormatProvider provider) => (float)Number.ParseFloat(s, style, true);
        public static bool TryParse(string s, out float result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out float result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out float result)
        {
            bool ok = Number.TryParseFloat(s, style, true, out double value);
            result = (float)value;
            return ok;
        }
    }
}
