using System.Collections.Generic;

namespace System
{
    [Flags]
    public enum StringSplitOptions { None = 0, RemoveEmptyEntries = 1, TrimEntries = 2 }

    public sealed partial class String
    {
        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None) => SplitCore(new[] { separator }, null, int.MaxValue, options);
        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None) => SplitCore(new[] { separator }, null, count, options);
        public string[] Split(params char[] separator) => SplitCore(separator, null, int.MaxValue, StringSplitOptions.None);
        public string[] Split(params ReadOnlySpan<char> separator) => SplitCore(separator.ToArray(), null, int.MaxValue, StringSplitOptions.None);
        public string[] Split(char[] separator, int count) => SplitCore(separator, null, count, StringSplitOptions.None);
        public string[] Split(char[] separator, StringSplitOptions options) => SplitCore(separator, null, int.MaxValue, options);
        public string[] Split(char[] separator, int count, StringSplitOptions options) => SplitCore(separator, null, count, options);

        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None) => Split(separator, int.MaxValue, options);

        public string[] Split(string separator, int count, StringSplitOptions options = StringSplitOptions.None) =>
            IsNullOrEmpty(separator) ? SplitCore(null, new string[0], count, options) : SplitCore(null, new[] { separator }, count, options);

        public string[] Split(string[] separator, StringSplitOptions options) => Split(separator, int.MaxValue, options);

        public string[] Split(string[] separator, int count, StringSplitOptions options)
        {
            if (separator == null || separator.Length == 0) return SplitCore(null, null, count, options);
            return SplitCore(null, separator, count, options);
        }

        /// <summary>chars: split at any of them (null or empty: whitespace) unless strings is given;
        /// strings: split at the first of them that matches at each position (an empty list: never).</summary>
        private string[] SplitCore(char[] chars, string[] strings, int count, StringSplitOptions options)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), "Count cannot be less than zero.");
            if ((options & ~(StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) != 0)
                throw new ArgumentException("Value of flags is invalid. (Parameter 'options')");
            bool removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0;
            bool trim = (options & StringSplitOptions.TrimEntries) != 0;
            if (count == 0) return new string[0];
            // No List<T> here: the base library's collections build on strings, not the reverse.
            var parts = new string[4];
            int partCount = 0;
            int start = 0;
            if (count > 1)
            {
                for (int i = 0; i < Length;)
                {
                    int separatorLength = SeparatorAt(i, chars, strings);
                    if (separatorLength == 0) { i++; continue; }
                    string entry = Substring(start, i - start);
                    if (trim) entry = entry.Trim();
                    if (!(removeEmpty && entry.Length == 0)) AddPart(ref parts, ref partCount, entry);
                    i += separatorLength;
                    start = i;
                    if (partCount == count - 1) break;
                }
            }
            string last = Substring(start);
            if (trim) last = last.Trim();
            if (!(removeEmpty && last.Length == 0)) AddPart(ref parts, ref partCount, last);
            var result = new string[partCount];
            for (int i = 0; i < partCount; i++) result[i] = parts[i];
            return result;
        }

        private static void AddPart(ref string[] parts, ref int count, string part)
        {
            if (count == parts.Length)
            {
                var bigger = new string[parts.Length * 2];
                for (int i = 0; i < count; i++) bigger[i] = parts[i];
                parts = bigger;
            }
            parts[count++] = part;
        }

        private int SeparatorAt(int index, char[] chars, string[] strings)
        {
            if (strings != null)
            {
                for (int s = 0; s < strings.Length; s++)
                {
                    string sep = strings[s];
                    if (IsNullOrEmpty(sep) || sep.Length > Length - index) continue;
                    if (MatchesAt(index, sep)) return sep.Length;
                }
                return 0;
            }
            char c = At(index);
            if (chars == null || chars.Length == 0) return char.IsWhiteSpace(c) ? 1 : 0;
            for (int j = 0; j < chars.Length; j++) if (chars[j] == c) return 1;
            return 0;
        }

        public static string Join(string separator, params string[] value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            return Join(separator, (ReadOnlySpan<string>)value);
        }

        public static string Join(string separator, string[] value, int startIndex, int count)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (startIndex < 0 || count < 0 || startIndex > value.Length - count) throw new ArgumentOutOfRangeException(nameof(startIndex));
            return Join(separator, new ReadOnlySpan<string>(value, startIndex, count));
        }

        public static string Join(string separator, params ReadOnlySpan<string> value)
        {
            var sb = new Text.StringBuilder();
            for (int i = 0; i < value.Length; i++)
            {
                if (i > 0) sb.Append(separator);
                sb.Append(value[i]);
            }
            return sb.ToString();
        }

        public static string Join(string separator, params object[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return Join(separator, (ReadOnlySpan<object>)values);
        }

        public static string Join(string separator, params ReadOnlySpan<object> values)
        {
            var sb = new Text.StringBuilder();
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) sb.Append(separator);
                sb.Append(values[i]?.ToString());
            }
            return sb.ToString();
        }

        public static string Join(string separator, IEnumerable<string> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            var sb = new Text.StringBuilder();
            bool first = true;
            foreach (var v in values)
            {
                if (!first) sb.Append(separator);
                first = false;
                sb.Append(v);
            }
            return sb.ToString();
        }

        public static string Join<T>(string separator, IEnumerable<T> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            var sb = new Text.StringBuilder();
            bool first = true;
            foreach (var v in values)
            {
                if (!first) sb.Append(separator);
                first = false;
                sb.Append(v?.ToString());
            }
            return sb.ToString();
        }

        public static string Join(char separator, params string[] value) => Join(FromChar(separator), value);
        public static string Join(char separator, params object[] values) => Join(FromChar(separator), values);
        public static string Join(char separator, string[] value, int startIndex, int count) => Join(FromChar(separator), value, startIndex, count);
        public static string Join(char separator, params ReadOnlySpan<string> value) => Join(FromChar(separator), value);
        public static string Join(char separator, params ReadOnlySpan<object> values) => Join(FromChar(separator), values);
        public static string Join<T>(char separator, IEnumerable<T> values) => Join(FromChar(separator), values);
    }
}
