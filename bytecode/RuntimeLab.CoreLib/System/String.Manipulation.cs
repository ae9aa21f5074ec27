using System.Runtime.CompilerServices;

namespace System
{
    public sealed partial class String
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string HostChangeCase(string value, bool upper);

        public string Substring(int startIndex) => Substring(startIndex, Length - startIndex);

        public string Substring(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)Length)
                throw new ArgumentOutOfRangeException(nameof(startIndex), startIndex < 0 ? "StartIndex cannot be less than zero." : "startIndex cannot be larger than length of string.");
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), "Length cannot be less than zero.");
            if (startIndex > Length - length) throw new ArgumentOutOfRangeException(nameof(length), "Index and length must refer to a location within the string.");
            if (length == 0) return Empty;
            if (startIndex == 0 && length == Length) return this;
            string s = FastAllocateString(length);
            CopyChars(this, startIndex, s, 0, length);
            return s;
        }

        public string Insert(int startIndex, string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            return Concat(Substring(0, startIndex), value, Substring(startIndex));
        }

        public string Remove(int startIndex)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), "StartIndex cannot be less than zero.");
            if (startIndex >= Length) throw new ArgumentOutOfRangeException(nameof(startIndex), "startIndex must be less than length of string.");
            return Substring(0, startIndex);
        }

        public string Remove(int startIndex, int count)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), "StartIndex cannot be less than zero.");
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), "Count cannot be less than zero.");
            if (count > Length - startIndex) throw new ArgumentOutOfRangeException(nameof(count), "Index and count must refer to a location within the string.");
            return Concat(Substring(0, startIndex), Substring(startIndex + count));
        }

        public string Replace(char oldChar, char newChar)
        {
            if (IndexOf(oldChar) < 0) return this;
            string s = FastAllocateString(Length);
            for (int i = 0; i < Length; i++) { char c = At(i); s.At(i) = c == oldChar ? newChar : c; }
            return s;
        }

        public string Replace(string oldValue, string newValue) => Replace(oldValue, newValue, StringComparison.Ordinal);

        public string Replace(string oldValue, string newValue, StringComparison comparisonType)
        {
            if (oldValue == null) throw new ArgumentNullException(nameof(oldValue));
            if (oldValue.Length == 0) throw new ArgumentException("String cannot be of zero length. (Parameter 'oldValue')");
            int found = IndexOf(oldValue, comparisonType);
            if (found < 0) return this;
            var sb = new Text.StringBuilder(Length);
            int from = 0;
            while (found >= 0)
            {
                sb.Append(this, from, found - from).Append(newValue);
                from = found + oldValue.Length;
                found = from <= Length ? IndexOf(oldValue, from, comparisonType) : -1;
            }
            sb.Append(this, from, Length - from);
            return sb.ToString();
        }

        public string Trim() => TrimWhere(null, true, true);
        public string TrimStart() => TrimWhere(null, true, false);
        public string TrimEnd() => TrimWhere(null, false, true);
        public string Trim(char trimChar) => TrimWhere(new[] { trimChar }, true, true);
        public string TrimStart(char trimChar) => TrimWhere(new[] { trimChar }, true, false);
        public string TrimEnd(char trimChar) => TrimWhere(new[] { trimChar }, false, true);
        public string Trim(params char[] trimChars) => TrimWhere(trimChars, true, true);
        public string TrimStart(params char[] trimChars) => TrimWhere(trimChars, true, false);
        public string TrimEnd(params char[] trimChars) => TrimWhere(trimChars, false, true);

        private string TrimWhere(char[] chars, bool start, bool end)
        {
            int first = 0, last = Length - 1;
            if (start) while (first <= last && Trims(chars, At(first))) first++;
            if (end) while (last >= first && Trims(chars, At(last))) last--;
            return Substring(first, last - first + 1);
        }

        private static bool Trims(char[] chars, char c)
        {
            if (chars == null || chars.Length == 0) return char.IsWhiteSpace(c);
            for (int i = 0; i < chars.Length; i++) if (chars[i] == c) return true;
            return false;
        }

        public string PadLeft(int totalWidth) => PadLeft(totalWidth, ' ');
        public string PadRight(int totalWidth) => PadRight(totalWidth, ' ');

        public string PadLeft(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException(nameof(totalWidth), "Non-negative number required.");
            if (totalWidth <= Length) return this;
            return Concat(new string(paddingChar, totalWidth - Length), this);
        }

        public string PadRight(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException(nameof(totalWidth), "Non-negative number required.");
            if (totalWidth <= Length) return this;
            return Concat(this, new string(paddingChar, totalWidth - Length));
        }

        public string ToUpperInvariant() => HostChangeCase(this, true);
        public string ToLowerInvariant() => HostChangeCase(this, false);
        public string ToUpper() => HostChangeCase(this, true);
        public string ToLower() => HostChangeCase(this, false);
        public string ToUpper(Globalization.CultureInfo culture) => HostChangeCase(this, true);
        public string ToLower(Globalization.CultureInfo culture) => HostChangeCase(this, false);
    }
}
