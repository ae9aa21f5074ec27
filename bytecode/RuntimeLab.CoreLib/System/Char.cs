using System.Globalization;
using System.Runtime.CompilerServices;

namespace System
{
    public partial struct Char : IComparable, IComparable<char>, IEquatable<char>
    {
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;

        // The Unicode tables are the host's, so classification matches CoreCLR's exactly.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int HostCategory(char c);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool HostIsWhiteSpace(char c);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern char HostChangeCase(char c, bool upper);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern double HostNumericValue(char c);

        public override string ToString() => string.FromChar(m_value);
        public string ToString(IFormatProvider provider) => string.FromChar(m_value);
        public static string ToString(char c) => string.FromChar(c);
        public override int GetHashCode() => m_value | (m_value << 16);
        public override bool Equals(object obj) => obj is char other && m_value == other;
        public bool Equals(char obj) => m_value == obj;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is char other) return m_value - other;
            throw new ArgumentException("Object must be of type Char.");
        }

        public int CompareTo(char value) => m_value - value;

        public static char Parse(string s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            if (s.Length != 1) throw new FormatException("String must be exactly one character long.");
            return s[0];
        }

        public static bool TryParse(string s, out char result)
        {
            result = '\0';
            if (s == null || s.Length != 1) return false;
            result = s[0];
            return true;
        }

        public static UnicodeCategory GetUnicodeCategory(char c) => (UnicodeCategory)HostCategory(c);
        public static UnicodeCategory GetUnicodeCategory(string s, int index) => GetUnicodeCategory(s[index]);

        public static bool IsDigit(char c) => GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;
        public static bool IsLetter(char c) => (uint)GetUnicodeCategory(c) <= (uint)UnicodeCategory.OtherLetter;
        public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);
        public static bool IsUpper(char c) => GetUnicodeCategory(c) == UnicodeCategory.UppercaseLetter;
        public static bool IsLower(char c) => GetUnicodeCategory(c) == UnicodeCategory.LowercaseLetter;
        public static bool IsNumber(char c)
        {
            var cat = GetUnicodeCategory(c);
            return cat == UnicodeCategory.DecimalDigitNumber || cat == UnicodeCategory.LetterNumber || cat == UnicodeCategory.OtherNumber;
        }
        public static bool IsPunctuation(char c)
        {
            var cat = GetUnicodeCategory(c);
            return cat >= UnicodeCategory.ConnectorPunctuation && cat <= UnicodeCategory.OtherPunctuation;
        }
        public static bool IsSymbol(char c)
        {
            var cat = GetUnicodeCategory(c);
            return cat >= UnicodeCategory.MathSymbol && cat <= UnicodeCategory.OtherSymbol;
        }
        public static bool IsSeparator(char c)
        {
            var cat = GetUnicodeCategory(c);
            return cat >= UnicodeCategory.SpaceSeparator && cat <= UnicodeCategory.ParagraphSeparator;
        }
        public static bool IsControl(char c) => GetUnicodeCategory(c) == UnicodeCategory.Control;
        public static bool IsWhiteSpace(char c) => HostIsWhiteSpace(c);
        public static bool IsSurrogate(char c) => c >= '\uD800' && c <= '\uDFFF';
        public static bool IsHighSurrogate(char c) => c >= '\uD800' && c <= '\uDBFF';
        public static bool IsLowSurrogate(char c) => c >= '\uDC00' && c <= '\uDFFF';
        public static bool IsSurrogatePair(char highSurrogate, char lowSurrogate) => IsHighSurrogate(highSurrogate) && IsLowSurrogate(lowSurrogate);

        public static bool IsDigit(string s, int index) => IsDigit(s[index]);
        public static bool IsLetter(string s, int index) => IsLetter(s[index]);
        public static bool IsLetterOrDigit(string s, int index) => IsLetterOrDigit(s[index]);
        public static bool IsUpper(string s, int index) => IsUpper(s[index]);
        public static bool IsLower(string s, int index) => IsLower(s[index]);
        public static bool IsWhiteSpace(string s, int index) => IsWhiteSpace(s[index]);
        public static bool IsPunctuation(string s, int index) => IsPunctuation(s[index]);
        public static bool IsSurrogate(string s, int index) => IsSurrogate(s[index]);

        public static bool IsAscii(char c) => c <= '\x007f';
        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;
        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        public static bool IsAsciiLetterLower(char c) => (uint)(c - 'a') <= 'z' - 'a';
        public static bool IsAsciiLetterUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';
        public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);
        public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';
        public static bool IsAsciiHexDigitUpper(char c) => IsAsciiDigit(c) || (uint)(c - 'A') <= 'F' - 'A';
        public static bool IsAsciiHexDigitLower(char c) => IsAsciiDigit(c) || (uint)(c - 'a') <= 'f' - 'a';
        public static bool IsBetween(char c, char minInclusive, char maxInclusive) => (uint)(c - minInclusive) <= (uint)(maxInclusive - minInclusive);

        public static char ToUpperInvariant(char c) => HostChangeCase(c, true);
        public static char ToLowerInvariant(char c) => HostChangeCase(c, false);
        public static char ToUpper(char c) => HostChangeCase(c, true);
        public static char ToLower(char c) => HostChangeCase(c, false);
        public static char ToUpper(char c, CultureInfo culture) => HostChangeCase(c, true);
        public static char ToLower(char c, CultureInfo culture) => HostChangeCase(c, false);

        public static double GetNumericValue(char c) => HostNumericValue(c);
        public static double GetNumericValue(string s, int index) => HostNumericValue(s[index]);

        public static int ConvertToUtf32(char highSurrogate, char lowSurrogate)
        {
            if (!IsHighSurrogate(highSurrogate)) throw new ArgumentOutOfRangeException(nameof(highSurrogate), "A valid high surrogate character is between 0xd800 and 0xdbff, inclusive.");
            if (!IsLowSurrogate(lowSurrogate)) throw new ArgumentOutOfRangeException(nameof(lowSurrogate), "A valid low surrogate character is between 0xdc00 and 0xdfff, inclusive.");
            return ((highSurrogate - 0xD800) << 10) + (lowSurrogate - 0xDC00) + 0x10000;
        }

        public static int ConvertToUtf32(string s, int index)
        {
            char c = s[index];
            if (IsHighSurrogate(c) && index + 1 < s.Length && IsLowSurrogate(s[index + 1])) return ConvertToUtf32(c, s[index + 1]);
            return c;
        }

        public static string ConvertFromUtf32(int utf32)
        {
            if ((uint)utf32 > 0x10FFFF || (utf32 >= 0xD800 && utf32 <= 0xDFFF))
                throw new ArgumentOutOfRangeException(nameof(utf32), "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff).");
            if (utf32 < 0x10000) return string.FromChar((char)utf32);
            utf32 -= 0x10000;
            return new string(new[] { (char)((utf32 >> 10) + 0xD800), (char)((utf32 & 0x3FF) + 0xDC00) });
        }
    }
}
