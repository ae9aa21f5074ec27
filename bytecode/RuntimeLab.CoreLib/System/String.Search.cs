namespace System
{
    public sealed partial class String
    {
        public int IndexOf(char value) => IndexOf(value, 0, Length);
        public int IndexOf(char value, int startIndex) => IndexOf(value, startIndex, Length - startIndex);

        public int IndexOf(char value, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if ((uint)count > (uint)(Length - startIndex)) throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            for (int i = startIndex; i < startIndex + count; i++) if (At(i) == value) return i;
            return -1;
        }

        public int IndexOf(char value, StringComparison comparisonType)
        {
            if (comparisonType == StringComparison.Ordinal) return IndexOf(value);
            return IndexOf(FromChar(value), comparisonType);
        }

        public int IndexOfAny(char[] anyOf) => IndexOfAny(anyOf, 0, Length);
        public int IndexOfAny(char[] anyOf, int startIndex) => IndexOfAny(anyOf, startIndex, Length - startIndex);

        public int IndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null) throw new ArgumentNullException(nameof(anyOf));
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            if ((uint)count > (uint)(Length - startIndex)) throw new ArgumentOutOfRangeException(nameof(count));
            for (int i = startIndex; i < startIndex + count; i++)
                for (int j = 0; j < anyOf.Length; j++) if (At(i) == anyOf[j]) return i;
            return -1;
        }

        public int LastIndexOf(char value) => LastIndexOf(value, Length - 1, Length);
        public int LastIndexOf(char value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1);

        public int LastIndexOf(char value, int startIndex, int count)
        {
            if (Length == 0) return -1;
            if ((uint)startIndex >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if ((uint)count > (uint)(startIndex + 1)) throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            for (int i = startIndex; i > startIndex - count; i--) if (At(i) == value) return i;
            return -1;
        }

        public int LastIndexOfAny(char[] anyOf) => LastIndexOfAny(anyOf, Length - 1, Length);
        public int LastIndexOfAny(char[] anyOf, int startIndex) => LastIndexOfAny(anyOf, startIndex, startIndex + 1);

        public int LastIndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null) throw new ArgumentNullException(nameof(anyOf));
            if (Length == 0) return -1;
            if ((uint)startIndex >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            if ((uint)count > (uint)(startIndex + 1)) throw new ArgumentOutOfRangeException(nameof(count));
            for (int i = startIndex; i > startIndex - count; i--)
                for (int j = 0; j < anyOf.Length; j++) if (At(i) == anyOf[j]) return i;
            return -1;
        }

        public int IndexOf(string value) => IndexOf(value, 0, Length, StringComparison.CurrentCulture);
        public int IndexOf(string value, int startIndex) => IndexOf(value, startIndex, Length - startIndex, StringComparison.CurrentCulture);
        public int IndexOf(string value, int startIndex, int count) => IndexOf(value, startIndex, count, StringComparison.CurrentCulture);
        public int IndexOf(string value, StringComparison comparisonType) => IndexOf(value, 0, Length, comparisonType);
        public int IndexOf(string value, int startIndex, StringComparison comparisonType) => IndexOf(value, startIndex, Length - startIndex, comparisonType);

        public int IndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if ((uint)count > (uint)(Length - startIndex)) throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            CheckComparison(comparisonType);
            if (comparisonType == StringComparison.Ordinal)
            {
                for (int i = startIndex; i <= startIndex + count - value.Length; i++)
                    if (MatchesAt(i, value)) return i;
                return -1;
            }
            return HostIndexOf(this, value, startIndex, count, (int)comparisonType, false);
        }

        private bool MatchesAt(int index, string value)
        {
            for (int j = 0; j < value.Length; j++) if (At(index + j) != value.At(j)) return false;
            return true;
        }

        public int LastIndexOf(string value) => LastIndexOf(value, Length - 1, Length, StringComparison.CurrentCulture);
        public int LastIndexOf(string value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1, StringComparison.CurrentCulture);
        public int LastIndexOf(string value, int startIndex, int count) => LastIndexOf(value, startIndex, count, StringComparison.CurrentCulture);
        public int LastIndexOf(string value, StringComparison comparisonType) => LastIndexOf(value, Length - 1, Length, comparisonType);
        public int LastIndexOf(string value, int startIndex, StringComparison comparisonType) => LastIndexOf(value, startIndex, startIndex + 1, comparisonType);

        public int LastIndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            CheckComparison(comparisonType);
            // The host applies .NET's own argument rules (empty strings, startIndex == Length).
            if (Length == 0 && (startIndex == -1 || startIndex == 0)) return value.Length == 0 ? 0 : -1;
            if (startIndex < 0 || startIndex > Length) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (startIndex == Length) { startIndex--; if (count > 0) count--; }
            if (count < 0 || startIndex - count + 1 < 0) throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            return HostIndexOf(this, value, startIndex, count, (int)comparisonType, true);
        }

        public bool Contains(string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            return IndexOf(value, StringComparison.Ordinal) >= 0;
        }

        public bool Contains(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            return IndexOf(value, comparisonType) >= 0;
        }

        public bool Contains(char value) => IndexOf(value) >= 0;
        public bool Contains(char value, StringComparison comparisonType) => IndexOf(value, comparisonType) >= 0;
    }
}
