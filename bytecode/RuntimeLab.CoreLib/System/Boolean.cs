namespace System
{
    public partial struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>
    {
        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";

        public override string ToString() => m_value ? "True" : "False";
        public string ToString(IFormatProvider provider) => ToString();
        public override int GetHashCode() => m_value ? 1 : 0;
        public override bool Equals(object obj) => obj is bool other && m_value == other;
        public bool Equals(bool obj) => m_value == obj;

        public int CompareTo(object obj)
        {
            if (obj == null) return 1;
            if (obj is bool other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Boolean.");
        }

        public int CompareTo(bool value) => m_value == value ? 0 : m_value ? 1 : -1;

        public static bool Parse(string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (TryParse(value, out bool result)) return result;
            throw new FormatException("String '" + value + "' was not recognized as a valid Boolean.");
        }

        public static bool TryParse(string value, out bool result)
        {
            result = false;
            if (value == null) return false;
            // Leading and trailing whitespace and NULs are allowed, as in CoreCLR.
            int start = 0, end = value.Length - 1;
            while (start <= end && (char.IsWhiteSpace(value[start]) || value[start] == '\0')) start++;
            while (end >= start && (char.IsWhiteSpace(value[end]) || value[end] == '\0')) end--;
            string s = value.Substring(start, end - start + 1);
            if (string.Equals(s, "True", StringComparison.OrdinalIgnoreCase)) { result = true; return true; }
            if (string.Equals(s, "False", StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}
