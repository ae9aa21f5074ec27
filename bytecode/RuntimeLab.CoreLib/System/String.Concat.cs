using System.Collections.Generic;

namespace System
{
    public sealed partial class String
    {
        public static string Concat(string str0, string str1)
        {
            if (IsNullOrEmpty(str0)) return IsNullOrEmpty(str1) ? Empty : str1;
            if (IsNullOrEmpty(str1)) return str0;
            string s = FastAllocateString(str0.Length + str1.Length);
            CopyChars(str0, 0, s, 0, str0.Length);
            CopyChars(str1, 0, s, str0.Length, str1.Length);
            return s;
        }

        public static string Concat(string str0, string str1, string str2) => Concat(Concat(str0, str1), str2);
        public static string Concat(string str0, string str1, string str2, string str3) => Concat(Concat(str0, str1), Concat(str2, str3));

        public static string Concat(params string[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return Concat((ReadOnlySpan<string>)values);
        }

        public static string Concat(params ReadOnlySpan<string> values)
        {
            int length = 0;
            for (int i = 0; i < values.Length; i++) length += values[i]?.Length ?? 0;
            if (length == 0) return Empty;
            string s = FastAllocateString(length);
            int at = 0;
            for (int i = 0; i < values.Length; i++)
            {
                string v = values[i];
                if (v == null) continue;
                CopyChars(v, 0, s, at, v.Length);
                at += v.Length;
            }
            return s;
        }

        public static string Concat(object arg0) => arg0?.ToString() ?? Empty;
        public static string Concat(object arg0, object arg1) => Concat(arg0?.ToString(), arg1?.ToString());
        public static string Concat(object arg0, object arg1, object arg2) => Concat(arg0?.ToString(), arg1?.ToString(), arg2?.ToString());

        public static string Concat(params object[] args)
        {
            if (args == null) throw new ArgumentNullException(nameof(args));
            return Concat((ReadOnlySpan<object>)args);
        }

        public static string Concat(params ReadOnlySpan<object> args)
        {
            var strings = new string[args.Length];
            for (int i = 0; i < args.Length; i++) strings[i] = args[i]?.ToString();
            return Concat((ReadOnlySpan<string>)strings);
        }

        public static string Concat(IEnumerable<string> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            var sb = new Text.StringBuilder();
            foreach (var v in values) sb.Append(v);
            return sb.ToString();
        }

        public static string Concat<T>(IEnumerable<T> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            var sb = new Text.StringBuilder();
            foreach (var v in values) sb.Append(v?.ToString());
            return sb.ToString();
        }

        // The compiler lowers `string + char` to these.
        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1)
        {
            string s = FastAllocateString(str0.Length + str1.Length);
            for (int i = 0; i < str0.Length; i++) s.At(i) = str0[i];
            for (int i = 0; i < str1.Length; i++) s.At(str0.Length + i) = str1[i];
            return s;
        }

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2) =>
            Concat(str0, str1, str2, default);

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2, ReadOnlySpan<char> str3)
        {
            string s = FastAllocateString(str0.Length + str1.Length + str2.Length + str3.Length);
            int at = 0;
            for (int i = 0; i < str0.Length; i++) s.At(at++) = str0[i];
            for (int i = 0; i < str1.Length; i++) s.At(at++) = str1[i];
            for (int i = 0; i < str2.Length; i++) s.At(at++) = str2[i];
            for (int i = 0; i < str3.Length; i++) s.At(at++) = str3[i];
            return s;
        }

    }
}
