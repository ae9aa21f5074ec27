using System.Runtime.CompilerServices;

namespace System
{
    public enum StringComparison
    {
        CurrentCulture = 0, CurrentCultureIgnoreCase = 1, InvariantCulture = 2, InvariantCultureIgnoreCase = 3, Ordinal = 4, OrdinalIgnoreCase = 5,
    }

    public sealed partial class String
    {
        // Linguistic comparison needs the host's collation tables (ICU), so culture-sensitive
        // operations are leaves; the current culture is the invariant one (as CoreCLR runs here).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int HostCompare(string strA, string strB, int comparisonType);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int HostIndexOf(string source, string value, int startIndex, int count, int comparisonType, bool last);

        private static bool IsOrdinal(StringComparison c) => c == StringComparison.Ordinal || c == StringComparison.OrdinalIgnoreCase;

        private static void CheckComparison(StringComparison comparisonType)
        {
            if ((uint)comparisonType > (uint)StringComparison.OrdinalIgnoreCase)
                throw new ArgumentException("The string comparison type passed in is currently not supported. (Parameter 'comparisonType')");
        }

        public static bool operator ==(string a, string b) => Equals(a, b);
        public static bool operator !=(string a, string b) => !Equals(a, b);

        public static bool Equals(string a, string b)
        {
            if ((object)a == b) return true;
            if ((object)a == null || (object)b == null || a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a.At(i) != b.At(i)) return false;
            return true;
        }

        public override bool Equals(object obj) => obj is string s && Equals(this, s);
        public bool Equals(string value) => Equals(this, value);
        public bool Equals(string value, StringComparison comparisonType) => Equals(this, value, comparisonType);

        public static bool Equals(string a, string b, StringComparison comparisonType)
        {
            CheckComparison(comparisonType);
            if ((object)a == b) return true;
            if ((object)a == null || (object)b == null) return false;
            if (comparisonType == StringComparison.Ordinal) return Equals(a, b);
            if (comparisonType == StringComparison.OrdinalIgnoreCase) return a.Length == b.Length && CompareOrdinalIgnoreCase(a, 0, b, 0, a.Length) == 0;
            return HostCompare(a, b, (int)comparisonType) == 0;
        }

        public static int CompareOrdinal(string strA, string strB)
        {
            if ((object)strA == strB) return 0;
            if (strA == null) return -1;
            if (strB == null) return 1;
            int n = strA.Length < strB.Length ? strA.Length : strB.Length;
            for (int i = 0; i < n; i++)
            {
                int d = strA.At(i) - strB.At(i);
                if (d != 0) return d;
            }
            return strA.Length - strB.Length;
        }

        public static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
        {
            if (strA == null || strB == null) return strA == null ? (strB == null ? 0 : -1) : 1;
            int lengthA = Math.Min(length, strA.Length - indexA), lengthB = Math.Min(length, strB.Length - indexB);
            return CompareOrdinal(strA.Substring(indexA, lengthA), strB.Substring(indexB, lengthB));
        }

        private static int CompareOrdinalIgnoreCase(string a, int ia, string b, int ib, int count)
        {
            for (int i = 0; i < count; i++)
            {
                char ca = char.ToUpperInvariant(a.At(ia + i)), cb = char.ToUpperInvariant(b.At(ib + i));
                if (ca != cb) return ca - cb;
            }
            return 0;
        }

        public static int Compare(string strA, string strB) => Compare(strA, strB, StringComparison.CurrentCulture);
        public static int Compare(string strA, string strB, bool ignoreCase) =>
            Compare(strA, strB, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);

        public static int Compare(string strA, string strB, StringComparison comparisonType)
        {
            CheckComparison(comparisonType);
            if ((object)strA == strB) return 0;
            if (strA == null) return -1;
            if (strB == null) return 1;
            if (comparisonType == StringComparison.Ordinal) return CompareOrdinal(strA, strB);
            if (comparisonType == StringComparison.OrdinalIgnoreCase)
            {
                int n = Math.Min(strA.Length, strB.Length);
                int d = CompareOrdinalIgnoreCase(strA, 0, strB, 0, n);
                return d != 0 ? d : strA.Length - strB.Length;
            }
            return HostCompare(strA, strB, (int)comparisonType);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length) =>
            Compare(strA?.Substring(indexA, Math.Min(length, strA.Length - indexA)), strB?.Substring(indexB, Math.Min(length, strB.Length - indexB)));

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not string s) throw new ArgumentException("Object must be of type String.");
            return Compare(this, s);
        }

        public int CompareTo(string strB) => Compare(this, strB);

        public bool StartsWith(string value) => StartsWith(value, StringComparison.CurrentCulture);
        public bool StartsWith(string value, bool ignoreCase, Globalization.CultureInfo culture) =>
            StartsWith(value, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);
        public bool StartsWith(char value) => Length != 0 && At(0) == value;

        public bool StartsWith(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            CheckComparison(comparisonType);
            if ((object)this == value || value.Length == 0) return true;
            if (comparisonType == StringComparison.Ordinal)
                return value.Length <= Length && CompareOrdinal(this, 0, value, 0, value.Length) == 0;
            if (comparisonType == StringComparison.OrdinalIgnoreCase)
                return value.Length <= Length && CompareOrdinalIgnoreCase(this, 0, value, 0, value.Length) == 0;
            return HostIndexOf(this, value, 0, Length, (int)comparisonType | 0x100, false) == 0;
        }

        public bool EndsWith(string value) => EndsWith(value, StringComparison.CurrentCulture);
        public bool EndsWith(string value, bool ignoreCase, Globalization.CultureInfo culture) =>
            EndsWith(value, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);
        public bool EndsWith(char value) => Length != 0 && At(Length - 1) == value;

        public bool EndsWith(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            CheckComparison(comparisonType);
            if ((object)this == value || value.Length == 0) return true;
            if (comparisonType == StringComparison.Ordinal)
                return value.Length <= Length && CompareOrdinal(this, Length - value.Length, value, 0, value.Length) == 0;
            if (comparisonType == StringComparison.OrdinalIgnoreCase)
                return value.Length <= Length && CompareOrdinalIgnoreCase(this, Length - value.Length, value, 0, value.Length) == 0;
            return HostIndexOf(this, value, 0, Length, (int)comparisonType | 0x200, false) == 0;
        }
    }
}
