namespace System.Text
{
    public sealed partial class StringBuilder
    {
        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)_length) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (string.IsNullOrEmpty(value)) return this;
            int count = value.Length;
            EnsureCapacity(_length + count);
            for (int i = _length - 1; i >= index; i--) _chars[i + count] = _chars[i];
            for (int i = 0; i < count; i++) _chars[index + i] = value[i];
            _length += count;
            return this;
        }

        public StringBuilder Insert(int index, string value, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            for (int i = 0; i < count; i++) Insert(index, value);
            return this;
        }

        public StringBuilder Insert(int index, char value) => Insert(index, string.FromChar(value));
        public StringBuilder Insert(int index, char[] value) => Insert(index, value == null ? null : new string(value));
        public StringBuilder Insert(int index, bool value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, sbyte value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, byte value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, short value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, ushort value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, int value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, uint value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, long value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, ulong value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, float value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, double value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, object value) => value == null ? this : Insert(index, value.ToString());

        public StringBuilder Remove(int startIndex, int length)
        {
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), "Length cannot be less than zero.");
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), "StartIndex cannot be less than zero.");
            if (length > _length - startIndex) throw new ArgumentOutOfRangeException(nameof(length), "Index was out of range. Must be non-negative and less than the size of the collection.");
            for (int i = startIndex; i + length < _length; i++) _chars[i] = _chars[i + length];
            _length -= length;
            return this;
        }

        public StringBuilder Replace(char oldChar, char newChar) => Replace(oldChar, newChar, 0, _length);

        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            if (count < 0 || startIndex > _length - count) throw new ArgumentOutOfRangeException(nameof(count));
            for (int i = startIndex; i < startIndex + count; i++) if (_chars[i] == oldChar) _chars[i] = newChar;
            return this;
        }

        public StringBuilder Replace(string oldValue, string newValue) => Replace(oldValue, newValue, 0, _length);

        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count)
        {
            if (oldValue == null) throw new ArgumentNullException(nameof(oldValue));
            if (oldValue.Length == 0) throw new ArgumentException("The value cannot be an empty string. (Parameter 'oldValue')");
            if ((uint)startIndex > (uint)_length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            if (count < 0 || startIndex > _length - count) throw new ArgumentOutOfRangeException(nameof(count));
            newValue ??= "";
            var sb = new StringBuilder(_length);
            sb.Append(_chars, 0, startIndex);
            int end = startIndex + count, i = startIndex;
            while (i < end)
            {
                if (i <= end - oldValue.Length && Matches(i, oldValue))
                {
                    sb.Append(newValue);
                    i += oldValue.Length;
                }
                else sb.Append(_chars[i++]);
            }
            sb.Append(_chars, end, _length - end);
            _chars = sb._chars;
            _length = sb._length;
            return this;
        }

        private bool Matches(int index, string value)
        {
            for (int j = 0; j < value.Length; j++) if (_chars[index + j] != value[j]) return false;
            return true;
        }

        public StringBuilder AppendFormat(string format, object arg0) => AppendFormat(null, format, new ReadOnlySpan<object>(new[] { arg0 }));
        public StringBuilder AppendFormat(string format, object arg0, object arg1) => AppendFormat(null, format, new ReadOnlySpan<object>(new[] { arg0, arg1 }));
        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2) => AppendFormat(null, format, new ReadOnlySpan<object>(new[] { arg0, arg1, arg2 }));
        public StringBuilder AppendFormat(string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? nameof(format) : nameof(args));
            return AppendFormat(null, format, (ReadOnlySpan<object>)args);
        }
        public StringBuilder AppendFormat(string format, params ReadOnlySpan<object> args) => AppendFormat(null, format, args);
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0) => AppendFormat(provider, format, new ReadOnlySpan<object>(new[] { arg0 }));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1) => AppendFormat(provider, format, new ReadOnlySpan<object>(new[] { arg0, arg1 }));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1, object arg2) => AppendFormat(provider, format, new ReadOnlySpan<object>(new[] { arg0, arg1, arg2 }));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? nameof(format) : nameof(args));
            return AppendFormat(provider, format, (ReadOnlySpan<object>)args);
        }

        /// <summary>Composite formatting: "{index[,alignment][:format]}" items, "{{" and "}}" escapes.</summary>
        public StringBuilder AppendFormat(IFormatProvider provider, string format, params ReadOnlySpan<object> args)
        {
            if (format == null) throw new ArgumentNullException(nameof(format));
            int pos = 0, len = format.Length;
            while (pos < len)
            {
                char ch = format[pos++];
                if (ch == '}')
                {
                    if (pos < len && format[pos] == '}') { pos++; Append('}'); continue; }
                    throw FormatError();
                }
                if (ch != '{') { Append(ch); continue; }
                if (pos < len && format[pos] == '{') { pos++; Append('{'); continue; }

                // The item: index.
                if (pos >= len || !IsDigit(format[pos])) throw FormatError();
                int index = 0;
                while (pos < len && IsDigit(format[pos]))
                {
                    index = index * 10 + format[pos++] - '0';
                    if (index > 1000000) throw FormatError();
                }
                while (pos < len && format[pos] == ' ') pos++;
                // Alignment.
                int width = 0;
                bool leftJustify = false;
                if (pos < len && format[pos] == ',')
                {
                    pos++;
                    while (pos < len && format[pos] == ' ') pos++;
                    if (pos < len && format[pos] == '-') { leftJustify = true; pos++; }
                    if (pos >= len || !IsDigit(format[pos])) throw FormatError();
                    while (pos < len && IsDigit(format[pos]))
                    {
                        width = width * 10 + format[pos++] - '0';
                        if (width > 1000000) throw FormatError();
                    }
                    while (pos < len && format[pos] == ' ') pos++;
                }
                // Format string.
                string itemFormat = null;
                if (pos < len && format[pos] == ':')
                {
                    int start = ++pos;
                    while (pos < len && format[pos] != '}')
                    {
                        if (format[pos] == '{') throw FormatError();
                        pos++;
                    }
                    itemFormat = format.Substring(start, pos - start);
                }
                if (pos >= len || format[pos] != '}') throw FormatError();
                pos++;
                if (index >= args.Length) throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");

                string s = string.FormatArgument(args[index], itemFormat, provider);
                int pad = width - s.Length;
                if (!leftJustify && pad > 0) Append(' ', pad);
                Append(s);
                if (leftJustify && pad > 0) Append(' ', pad);
            }
            return this;
        }

        private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

        private static FormatException FormatError() => new FormatException("Input string was not in a correct format.");
    }
}
