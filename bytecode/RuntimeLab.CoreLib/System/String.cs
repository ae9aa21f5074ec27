using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Immutable UTF-16 text. Layout fixed by the runtime: length at +8, chars from +12.
    /// Its members live in partial files by topic (String.Construction.cs, String.Comparison.cs …).</summary>
    public sealed partial class String : IComparable, IComparable<string>, IEquatable<string>
    {
        private int _stringLength;
        private char _firstChar;

        public static readonly string Empty = "";

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength) throw new IndexOutOfRangeException();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string FastAllocateString(int length);

        internal ref char GetRawData() => ref _firstChar;

        /// <summary>A writable reference to a char of a string this library has just allocated.</summary>
        internal ref char At(int index) => ref Unsafe.Add(ref _firstChar, index);

        internal static string FromChar(char c)
        {
            string s = FastAllocateString(1);
            s._firstChar = c;
            return s;
        }

        internal static void CopyChars(string source, int sourceIndex, string destination, int destinationIndex, int count)
        {
            for (int i = 0; i < count; i++) destination.At(destinationIndex + i) = source.At(sourceIndex + i);
        }

        public override string ToString() => this;
        public string ToString(IFormatProvider provider) => this;

        public static bool IsNullOrEmpty(string value) => value == null || value.Length == 0;

        public static bool IsNullOrWhiteSpace(string value)
        {
            if (value == null) return true;
            for (int i = 0; i < value.Length; i++) if (!char.IsWhiteSpace(value[i])) return false;
            return true;
        }

        public char[] ToCharArray()
        {
            var result = new char[_stringLength];
            for (int i = 0; i < result.Length; i++) result[i] = At(i);
            return result;
        }

        public char[] ToCharArray(int startIndex, int length)
        {
            if (startIndex < 0 || startIndex > Length || startIndex > Length - length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            var result = new char[length];
            for (int i = 0; i < length; i++) result[i] = At(startIndex + i);
            return result;
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (count < 0 || sourceIndex < 0 || count > Length - sourceIndex || destinationIndex > destination.Length - count || destinationIndex < 0)
                throw new ArgumentOutOfRangeException(nameof(count));
            for (int i = 0; i < count; i++) destination[destinationIndex + i] = At(sourceIndex + i);
        }

        public static implicit operator ReadOnlySpan<char>(string value) =>
            value == null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

        internal ReadOnlySpan<char> Span => new ReadOnlySpan<char>(ref _firstChar, _stringLength);

        public override int GetHashCode()
        {
            // CoreCLR randomizes string hashes per process, so any deterministic hash is as good.
            int h = 5381;
            for (int i = 0; i < _stringLength; i++) h = (h * 33) ^ At(i);
            return h;
        }

        public int GetHashCode(StringComparison comparisonType) =>
            comparisonType == StringComparison.Ordinal || comparisonType == StringComparison.CurrentCulture || comparisonType == StringComparison.InvariantCulture
                ? GetHashCode() : ToUpperInvariant().GetHashCode();

        public string Intern() => this;
        public static string Intern(string str) => str;
        public static string IsInterned(string str) => str;
        public object Clone() => this;
    }
}
