using System.Runtime.CompilerServices;

namespace System.Text
{
    public sealed partial class StringBuilder
    {
        public StringBuilder Append(string value)
        {
            if (value != null) AppendChars(value, 0, value.Length);
            return this;
        }

        public StringBuilder Append(string value, int startIndex, int count)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), "Count cannot be less than zero.");
            if (value == null)
            {
                if (startIndex == 0 && count == 0) return this;
                throw new ArgumentNullException(nameof(value));
            }
            if (startIndex > value.Length - count) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index and count must refer to a location within the string.");
            AppendChars(value, startIndex, count);
            return this;
        }

        private void AppendChars(string value, int startIndex, int count)
        {
            EnsureCapacity(_length + count);
            for (int i = 0; i < count; i++) _chars[_length + i] = value[startIndex + i];
            _length += count;
        }

        public StringBuilder Append(char value)
        {
            if (_length == _chars.Length) EnsureCapacity(_length + 1);
            _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0) throw new ArgumentOutOfRangeException(nameof(repeatCount), "Count cannot be less than zero.");
            EnsureCapacity(_length + repeatCount);
            for (int i = 0; i < repeatCount; i++) _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char[] value)
        {
            if (value != null) Append(value, 0, value.Length);
            return this;
        }

        public StringBuilder Append(char[] value, int startIndex, int charCount)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex));
            if (charCount < 0) throw new ArgumentOutOfRangeException(nameof(charCount));
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0) return this;
                throw new ArgumentNullException(nameof(value));
            }
            if (charCount > value.Length - startIndex) throw new ArgumentOutOfRangeException(nameof(charCount));
            EnsureCapacity(_length + charCount);
            for (int i = 0; i < charCount; i++) _chars[_length++] = value[startIndex + i];
            return this;
        }

        public StringBuilder Append(ReadOnlySpan<char> value)
        {
            EnsureCapacity(_length + value.Length);
            for (int i = 0; i < value.Length; i++) _chars[_length++] = value[i];
            return this;
        }

        public StringBuilder Append(StringBuilder value)
        {
            if (value != null) Append(value._chars, 0, value._length);
            return this;
        }

        public StringBuilder Append(bool value) => Append(value.ToString());
        public StringBuilder Append(sbyte value) => Append(value.ToString());
        public StringBuilder Append(byte value) => Append(value.ToString());
        public StringBuilder Append(short value) => Append(value.ToString());
        public StringBuilder Append(ushort value) => Append(value.ToString());
        public StringBuilder Append(int value) => Append(value.ToString());
        public StringBuilder Append(uint value) => Append(value.ToString());
        public StringBuilder Append(long value) => Append(value.ToString());
        public StringBuilder Append(ulong value) => Append(value.ToString());
        public StringBuilder Append(float value) => Append(value.ToString());
        public StringBuilder Append(double value) => Append(value.ToString());
        public StringBuilder Append(object value) => value == null ? this : Append(value.ToString());

        public StringBuilder Append(ref AppendInterpolatedStringHandler handler) => this;
        public StringBuilder Append(IFormatProvider provider, ref AppendInterpolatedStringHandler handler) => this;

        public StringBuilder AppendLine() => Append('\n');
        public StringBuilder AppendLine(string value) => Append(value).Append('\n');
        public StringBuilder AppendLine(ref AppendInterpolatedStringHandler handler) => Append('\n');
        public StringBuilder AppendLine(IFormatProvider provider, ref AppendInterpolatedStringHandler handler) => Append('\n');

        public StringBuilder AppendJoin(string separator, params object[] values) => Append(string.Join(separator, values));
        public StringBuilder AppendJoin(string separator, params string[] values) => Append(string.Join(separator, values));
        public StringBuilder AppendJoin(char separator, params object[] values) => Append(string.Join(separator, values));
        public StringBuilder AppendJoin(char separator, params string[] values) => Append(string.Join(separator, values));
        public StringBuilder AppendJoin<T>(string separator, System.Collections.Generic.IEnumerable<T> values) => Append(string.Join(separator, values));
        public StringBuilder AppendJoin<T>(char separator, System.Collections.Generic.IEnumerable<T> values) => Append(string.Join(separator, values));

        /// <summary>The compiler's handler for <c>sb.Append($"...")</c>: appends each part directly to the builder.</summary>
        [InterpolatedStringHandler]
        public struct AppendInterpolatedStringHandler
        {
            private readonly StringBuilder _stringBuilder;
            private readonly IFormatProvider _provider;

            public AppendInterpolatedStringHandler(int literalLength, int formattedCount, StringBuilder stringBuilder)
            {
                _stringBuilder = stringBuilder;
                _provider = null;
            }

            public AppendInterpolatedStringHandler(int literalLength, int formattedCount, StringBuilder stringBuilder, IFormatProvider provider)
            {
                _stringBuilder = stringBuilder;
                _provider = provider;
            }

            public void AppendLiteral(string value) => _stringBuilder.Append(value);
            public void AppendFormatted<T>(T value) => _stringBuilder.Append(string.FormatArgument(value, null, _provider));
            public void AppendFormatted<T>(T value, string format) => _stringBuilder.Append(string.FormatArgument(value, format, _provider));
            public void AppendFormatted<T>(T value, int alignment) => AppendAligned(string.FormatArgument(value, null, _provider), alignment);
            public void AppendFormatted<T>(T value, int alignment, string format) => AppendAligned(string.FormatArgument(value, format, _provider), alignment);
            public void AppendFormatted(ReadOnlySpan<char> value) => _stringBuilder.Append(value);
            public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string format = null) => AppendAligned(value.ToString(), alignment);
            public void AppendFormatted(string value) => _stringBuilder.Append(value);
            public void AppendFormatted(string value, int alignment = 0, string format = null) => AppendAligned(value, alignment);
            public void AppendFormatted(object value, int alignment = 0, string format = null) => AppendAligned(string.FormatArgument(value, format, _provider), alignment);

            private void AppendAligned(string s, int alignment)
            {
                int pad = (alignment < 0 ? -alignment : alignment) - s.Length;
                if (alignment > 0 && pad > 0) _stringBuilder.Append(' ', pad);
                _stringBuilder.Append(s);
                if (alignment < 0 && pad > 0) _stringBuilder.Append(' ', pad);
            }
        }
    }
}
