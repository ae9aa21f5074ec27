using System.Globalization;

#pragma warning disable CS1718 // x != x is the NaN test

namespace System
{
    public partial struct Double : IComparable, IComparable<double>, IEquatable<double>, IFormattable
    {
        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NaN = 0.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double NegativeZero = -0.0;
        public const double E = 2.7182818284590451;
        public const double Pi = 3.1415926535897931;
        public const double Tau = 6.2831853071795862;

        public static bool IsNaN(double d) => d != d;
        public static bool IsInfinity(double d) => (BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFFL) == 0x7FF0000000000000L;
        public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;
        public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;
        public static bool IsFinite(double d) => (BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFFL) < 0x7FF0000000000000L;
        public static bool IsNegative(double d) => BitConverter.DoubleToInt64Bits(d) < 0;
        public static bool IsNormal(double d)
        {
            var bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFFL;
            return bits < 0x7FF0000000000000L && bits != 0 && (bits & 0x7FF0000000000000L) != 0;
        }
        public static bool IsSubnormal(double d)
        {
            var bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFFL;
            return bits < 0x7FF0000000000000L && bits != 0 && (bits & 0x7FF0000000000000L) == 0;
        }
        public static bool IsInteger(double d) => IsFinite(d) && d == Math.Truncate(d);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is double other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Double.");
        }

        public int CompareTo(double value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            // At least one is NaN, which sorts first.
            if (IsNaN(m_value)) return IsNaN(value) ? 0 : -1;
            return 1;
        }

        public override bool Equals(object obj) => obj is double other && Equals(other);
        public bool Equals(double obj) => m_value == obj || IsNaN(obj) && IsNaN(m_value);

        public override int GetHashCode()
        {
            long bits = BitConverter.DoubleToInt64Bits(m_value);
            // NaNs and the two zeros each hash alike, as Equals says they are equal.
            if (((bits - 1) & 0x7FFFFFFFFFFFFFFFL) >= 0x7FEFFFFFFFFFFFFFL) bits &= 0x7FF0000000000000L;
            return unchecked((int)bits ^ (int)(bits >> 32));
        }

        public override string ToString() => Number.FormatDouble(m_value, null);
        public string ToString(string format) => Number.FormatDouble(m_value, format);
        public string ToString(IFormatProvider provider) => Number.FormatDouble(m_value, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatDouble(m_value, format);

        public static double Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null);
        public static double Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static double Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);
        public static double Parse(string s, NumberStyles style, IFormatProvider provider) => (double)Number.ParseFloat(s, style, false);
        public static bool TryParse(string s, out double result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);
        public static bool TryParse(string s, IFormatProvider provider, out double result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out double result)
        {
            bool ok = Number.TryParseFloat(s, style, false, out double value);
            result = (double)value;
            return ok;
        }
    }
}
