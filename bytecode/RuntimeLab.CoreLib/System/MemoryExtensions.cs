using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Span extension methods. With C# 14's implicit span conversions the compiler binds array
    /// receivers here too (<c>array.Contains(x)</c>, <c>a.SequenceEqual(b)</c>), so these must behave as
    /// the array and LINQ versions do. Equality is EqualityComparer&lt;T&gt;.Default, as IEquatable&lt;T&gt; is.</summary>
    public static class MemoryExtensions
    {
        public static ReadOnlySpan<char> AsSpan(this string text) => text == null ? default : text.Span;

        public static ReadOnlySpan<char> AsSpan(this string text, int start)
        {
            if (text == null)
            {
                if (start != 0) throw new ArgumentOutOfRangeException("start");
                return default;
            }
            if ((uint)start > (uint)text.Length) throw new ArgumentOutOfRangeException("start");
            return text.Span.Slice(start);
        }

        public static ReadOnlySpan<char> AsSpan(this string text, int start, int length)
        {
            if (text == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException("start");
                return default;
            }
            if ((uint)start > (uint)text.Length || (uint)length > (uint)(text.Length - start)) throw new ArgumentOutOfRangeException("start");
            return text.Span.Slice(start, length);
        }

        public static Span<T> AsSpan<T>(this T[] array) => new Span<T>(array);
        public static Span<T> AsSpan<T>(this T[] array, int start) => array == null ? new Span<T>(array, start, 0) : new Span<T>(array, start, array.Length - start);
        public static Span<T> AsSpan<T>(this T[] array, int start, int length) => new Span<T>(array, start, length);

        public static int IndexOf<T>(this ReadOnlySpan<T> span, T value)
        {
            var comparer = EqualityComparer<T>.Default;
            for (int i = 0; i < span.Length; i++)
                if (comparer.Equals(span[i], value)) return i;
            return -1;
        }

        public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value)
        {
            for (int i = 0; i + value.Length <= span.Length; i++)
                if (span.Slice(i, value.Length).SequenceEqual(value)) return i;
            return -1;
        }

        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value)
        {
            var comparer = EqualityComparer<T>.Default;
            for (int i = span.Length - 1; i >= 0; i--)
                if (comparer.Equals(span[i], value)) return i;
            return -1;
        }

        public static bool Contains<T>(this ReadOnlySpan<T> span, T value) => IndexOf(span, value) >= 0;

        public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other)
        {
            if (span.Length != other.Length) return false;
            var comparer = EqualityComparer<T>.Default;
            for (int i = 0; i < span.Length; i++)
                if (!comparer.Equals(span[i], other[i])) return false;
            return true;
        }

        public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) =>
            value.Length <= span.Length && span.Slice(0, value.Length).SequenceEqual(value);

        public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) =>
            value.Length <= span.Length && span.Slice(span.Length - value.Length).SequenceEqual(value);

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span) => span.TrimStart().TrimEnd();

        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span)
        {
            int start = 0;
            while (start < span.Length && char.IsWhiteSpace(span[start])) start++;
            return span.Slice(start);
        }

        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span)
        {
            int end = span.Length;
            while (end > 0 && char.IsWhiteSpace(span[end - 1])) end--;
            return span.Slice(0, end);
        }

        public static void Reverse<T>(this Span<T> span)
        {
            for (int i = 0, j = span.Length - 1; i < j; i++, j--)
            {
                T t = span[i];
                span[i] = span[j];
                span[j] = t;
            }
        }

        /// <summary>The array sort's introsort on a copy: the same comparisons and swaps, so equal elements land where CoreCLR puts them.</summary>
        public static void Sort<T>(this Span<T> span) => Sort(span, (IComparer<T>)null);

        public static void Sort<T>(this Span<T> span, Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException("comparison");
            T[] copy = span.ToArray();
            ArraySortHelper<T>.Sort(copy, 0, copy.Length, comparison);
            new ReadOnlySpan<T>(copy).CopyTo(span);
        }

        public static void Sort<T, TComparer>(this Span<T> span, TComparer comparer) where TComparer : IComparer<T>
        {
            T[] copy = span.ToArray();
            ArraySortHelper<T>.Sort(copy, 0, copy.Length, comparer);
            new ReadOnlySpan<T>(copy).CopyTo(span);
        }
    }
}
