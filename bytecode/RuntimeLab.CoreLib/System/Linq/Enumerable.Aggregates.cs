using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>Sum, Min, Max and Average over int, long and double, with and without selectors;
    /// Min and Max of any comparable type. Integer sums are checked, as in .NET.</summary>
    public static partial class Enumerable
    {
        public static int Sum(this IEnumerable<int> source) { NotNull(source, "source"); int s = 0; foreach (var v in source) checked { s += v; } return s; }
        public static long Sum(this IEnumerable<long> source) { NotNull(source, "source"); long s = 0; foreach (var v in source) checked { s += v; } return s; }
        public static double Sum(this IEnumerable<double> source) { NotNull(source, "source"); double s = 0; foreach (var v in source) s += v; return s; }
        public static float Sum(this IEnumerable<float> source) { NotNull(source, "source"); double s = 0; foreach (var v in source) s += v; return (float)s; }
        public static int Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => source.Select(selector).Sum();
        public static long Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => source.Select(selector).Sum();
        public static double Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => source.Select(selector).Sum();

        public static double Average(this IEnumerable<int> source)
        {
            NotNull(source, "source");
            long sum = 0, count = 0;
            foreach (var v in source) { checked { sum += v; } count++; }
            return count == 0 ? throw NoElements() : (double)sum / count;
        }

        public static double Average(this IEnumerable<long> source)
        {
            NotNull(source, "source");
            long sum = 0, count = 0;
            foreach (var v in source) { checked { sum += v; } count++; }
            return count == 0 ? throw NoElements() : (double)sum / count;
        }

        public static double Average(this IEnumerable<double> source)
        {
            NotNull(source, "source");
            double sum = 0;
            long count = 0;
            foreach (var v in source) { sum += v; count++; }
            return count == 0 ? throw NoElements() : sum / count;
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => source.Select(selector).Average();
        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => source.Select(selector).Average();
        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => source.Select(selector).Average();

        public static int Min(this IEnumerable<int> source) => MinMax(source, less: true);
        public static int Max(this IEnumerable<int> source) => MinMax(source, less: false);
        public static long Min(this IEnumerable<long> source) => MinMax(source, less: true);
        public static long Max(this IEnumerable<long> source) => MinMax(source, less: false);

        /// <summary>double: NaN is the minimum (and loses every Max comparison), as in .NET.</summary>
        public static double Min(this IEnumerable<double> source)
        {
            NotNull(source, "source");
            using (var e = source.GetEnumerator())
            {
                if (!e.MoveNext()) throw NoElements();
                double value = e.Current;
                if (double.IsNaN(value)) return value;
                while (e.MoveNext())
                {
                    double x = e.Current;
                    if (x < value) value = x;
                    else if (double.IsNaN(x)) return x;
                }
                return value;
            }
        }

        public static double Max(this IEnumerable<double> source)
        {
            NotNull(source, "source");
            using (var e = source.GetEnumerator())
            {
                if (!e.MoveNext()) throw NoElements();
                double value = e.Current;
                while (double.IsNaN(value))
                {
                    if (!e.MoveNext()) return value;
                    value = e.Current;
                }
                while (e.MoveNext())
                {
                    double x = e.Current;
                    if (x > value) value = x;
                }
                return value;
            }
        }

        public static int Min<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => source.Select(selector).Min();
        public static int Max<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => source.Select(selector).Max();
        public static long Min<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => source.Select(selector).Min();
        public static long Max<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => source.Select(selector).Max();
        public static double Min<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => source.Select(selector).Min();
        public static double Max<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => source.Select(selector).Max();

        public static TSource Min<TSource>(this IEnumerable<TSource> source) => MinMax(source, less: true);
        public static TSource Max<TSource>(this IEnumerable<TSource> source) => MinMax(source, less: false);
        public static TResult Min<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector) => MinMax(source.Select(selector), less: true);
        public static TResult Max<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector) => MinMax(source.Select(selector), less: false);

        /// <summary>Reference types skip nulls and give null for an empty sequence; value types throw.</summary>
        private static T MinMax<T>(IEnumerable<T> source, bool less)
        {
            NotNull(source, "source");
            var comparer = Comparer<T>.Default;
            bool found = false;
            T value = default;
            foreach (var x in source)
            {
                if (x == null) continue;
                if (!found) { value = x; found = true; continue; }
                int c = comparer.Compare(x, value);
                if (less ? c < 0 : c > 0) value = x;
            }
            if (!found && default(T) != null) throw NoElements();
            return value;
        }

        public static TSource MinBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => By(source, keySelector, less: true);
        public static TSource MaxBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => By(source, keySelector, less: false);

        private static TSource By<TSource, TKey>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, bool less)
        {
            NotNull(source, "source");
            var comparer = Comparer<TKey>.Default;
            using (var e = source.GetEnumerator())
            {
                if (!e.MoveNext())
                {
                    if (default(TSource) == null) return default;
                    throw NoElements();
                }
                var best = e.Current;
                var bestKey = keySelector(best);
                while (e.MoveNext())
                {
                    var key = keySelector(e.Current);
                    int c = comparer.Compare(key, bestKey);
                    if (less ? c < 0 : c > 0) { best = e.Current; bestKey = key; }
                }
                return best;
            }
        }
    }
}
