using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>
    /// LINQ to objects: deferred operators are iterators, so their evaluation order and laziness are
    /// what .NET's are; the terminal operators throw .NET's exceptions with .NET's messages.
    /// </summary>
    public static partial class Enumerable
    {
        internal static InvalidOperationException NoElements() => new InvalidOperationException("Sequence contains no elements");
        internal static InvalidOperationException NoMatch() => new InvalidOperationException("Sequence contains no matching element");
        internal static InvalidOperationException MoreThanOne() => new InvalidOperationException("Sequence contains more than one element");
        internal static InvalidOperationException MoreThanOneMatch() => new InvalidOperationException("Sequence contains more than one matching element");

        internal static void NotNull(object argument, string name)
        {
            if (argument == null) throw new ArgumentNullException(name);
        }

        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            NotNull(source, "source");
            NotNull(selector, "selector");
            return SelectIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            foreach (var item in source) yield return selector(item);
        }

        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            NotNull(source, "source");
            NotNull(selector, "selector");
            return SelectIndexIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectIndexIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            int index = -1;
            foreach (var item in source) yield return selector(item, checked(++index));
        }

        public static IEnumerable<TResult> SelectMany<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
        {
            NotNull(source, "source");
            NotNull(selector, "selector");
            return SelectManyIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectManyIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
        {
            foreach (var item in source)
                foreach (var inner in selector(item)) yield return inner;
        }

        public static IEnumerable<TResult> SelectMany<TSource, TCollection, TResult>(this IEnumerable<TSource> source,
            Func<TSource, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            NotNull(source, "source");
            return SelectManyResultIterator(source, collectionSelector, resultSelector);
        }

        private static IEnumerable<TResult> SelectManyResultIterator<TSource, TCollection, TResult>(IEnumerable<TSource> source,
            Func<TSource, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            foreach (var item in source)
                foreach (var inner in collectionSelector(item)) yield return resultSelector(item, inner);
        }

        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            NotNull(predicate, "predicate");
            return WhereIterator(source, predicate);
        }

        private static IEnumerable<TSource> WhereIterator<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            foreach (var item in source)
                if (predicate(item)) yield return item;
        }

        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            NotNull(source, "source");
            NotNull(predicate, "predicate");
            return WhereIndexIterator(source, predicate);
        }

        private static IEnumerable<TSource> WhereIndexIterator<TSource>(IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            int index = -1;
            foreach (var item in source)
                if (predicate(item, checked(++index))) yield return item;
        }

        public static IEnumerable<TSource> Take<TSource>(this IEnumerable<TSource> source, int count)
        {
            NotNull(source, "source");
            return count <= 0 ? Empty<TSource>() : TakeIterator(source, count);
        }

        private static IEnumerable<TSource> TakeIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            foreach (var item in source)
            {
                yield return item;
                if (--count == 0) break;
            }
        }

        public static IEnumerable<TSource> Skip<TSource>(this IEnumerable<TSource> source, int count)
        {
            NotNull(source, "source");
            return SkipIterator(source, count);
        }

        private static IEnumerable<TSource> SkipIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            foreach (var item in source)
            {
                if (count > 0) { count--; continue; }
                yield return item;
            }
        }

        public static IEnumerable<TSource> TakeWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            return TakeWhileIterator(source, predicate);
        }

        private static IEnumerable<TSource> TakeWhileIterator<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            foreach (var item in source)
            {
                if (!predicate(item)) break;
                yield return item;
            }
        }

        public static IEnumerable<TSource> SkipWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            return SkipWhileIterator(source, predicate);
        }

        private static IEnumerable<TSource> SkipWhileIterator<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            bool yielding = false;
            foreach (var item in source)
            {
                if (!yielding && !predicate(item)) yielding = true;
                if (yielding) yield return item;
            }
        }

        public static IEnumerable<TSource> Concat<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            NotNull(first, "first");
            NotNull(second, "second");
            return ConcatIterator(first, second);
        }

        private static IEnumerable<TSource> ConcatIterator<TSource>(IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            foreach (var item in first) yield return item;
            foreach (var item in second) yield return item;
        }

        public static IEnumerable<TSource> Append<TSource>(this IEnumerable<TSource> source, TSource element) => source.Concat(new[] { element });
        public static IEnumerable<TSource> Prepend<TSource>(this IEnumerable<TSource> source, TSource element) => new[] { element }.Concat(source);

        public static IEnumerable<TSource> Reverse<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            return ReverseIterator(source);
        }

        private static IEnumerable<TSource> ReverseIterator<TSource>(IEnumerable<TSource> source)
        {
            var buffer = source.ToArray();
            for (int i = buffer.Length - 1; i >= 0; i--) yield return buffer[i];
        }

        public static IEnumerable<TSource> Distinct<TSource>(this IEnumerable<TSource> source) => source.Distinct(null);

        public static IEnumerable<TSource> Distinct<TSource>(this IEnumerable<TSource> source, IEqualityComparer<TSource> comparer)
        {
            NotNull(source, "source");
            return DistinctIterator(source, comparer);
        }

        private static IEnumerable<TSource> DistinctIterator<TSource>(IEnumerable<TSource> source, IEqualityComparer<TSource> comparer)
        {
            var seen = new HashSet<TSource>(comparer);
            foreach (var item in source)
                if (seen.Add(item)) yield return item;
        }

        public static IEnumerable<TSource> DistinctBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
        {
            NotNull(source, "source");
            return DistinctByIterator(source, keySelector);
        }

        private static IEnumerable<TSource> DistinctByIterator<TSource, TKey>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
        {
            var seen = new HashSet<TKey>();
            foreach (var item in source)
                if (seen.Add(keySelector(item))) yield return item;
        }

        public static IEnumerable<TResult> Zip<TFirst, TSecond, TResult>(this IEnumerable<TFirst> first, IEnumerable<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)
        {
            NotNull(first, "first");
            NotNull(second, "second");
            return ZipIterator(first, second, resultSelector);
        }

        private static IEnumerable<TResult> ZipIterator<TFirst, TSecond, TResult>(IEnumerable<TFirst> first, IEnumerable<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)
        {
            using (var a = first.GetEnumerator())
            using (var b = second.GetEnumerator())
                while (a.MoveNext() && b.MoveNext()) yield return resultSelector(a.Current, b.Current);
        }

        public static IEnumerable<(TFirst First, TSecond Second)> Zip<TFirst, TSecond>(this IEnumerable<TFirst> first, IEnumerable<TSecond> second) =>
            first.Zip(second, (a, b) => (a, b));

        public static IEnumerable<TResult> Cast<TResult>(this IEnumerable source)
        {
            if (source is IEnumerable<TResult> typed) return typed;
            NotNull(source, "source");
            return CastIterator<TResult>(source);
        }

        private static IEnumerable<TResult> CastIterator<TResult>(IEnumerable source)
        {
            foreach (object item in source) yield return (TResult)item;
        }

        public static IEnumerable<TResult> OfType<TResult>(this IEnumerable source)
        {
            NotNull(source, "source");
            return OfTypeIterator<TResult>(source);
        }

        private static IEnumerable<TResult> OfTypeIterator<TResult>(IEnumerable source)
        {
            foreach (object item in source)
                if (item is TResult result) yield return result;
        }

        public static IEnumerable<TSource> DefaultIfEmpty<TSource>(this IEnumerable<TSource> source) => source.DefaultIfEmpty(default);

        public static IEnumerable<TSource> DefaultIfEmpty<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            NotNull(source, "source");
            return DefaultIfEmptyIterator(source, defaultValue);
        }

        private static IEnumerable<TSource> DefaultIfEmptyIterator<TSource>(IEnumerable<TSource> source, TSource defaultValue)
        {
            bool any = false;
            foreach (var item in source)
            {
                any = true;
                yield return item;
            }
            if (!any) yield return defaultValue;
        }

        public static IEnumerable<int> Range(int start, int count)
        {
            if (count < 0 || (long)start + count - 1 > int.MaxValue) throw new ArgumentOutOfRangeException("count");
            return RangeIterator(start, count);
        }

        private static IEnumerable<int> RangeIterator(int start, int count)
        {
            for (int i = 0; i < count; i++) yield return start + i;
        }

        public static IEnumerable<TResult> Repeat<TResult>(TResult element, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count");
            return RepeatIterator(element, count);
        }

        private static IEnumerable<TResult> RepeatIterator<TResult>(TResult element, int count)
        {
            for (int i = 0; i < count; i++) yield return element;
        }

        public static IEnumerable<TResult> Empty<TResult>() => Array.Empty<TResult>();

        public static IEnumerable<TSource[]> Chunk<TSource>(this IEnumerable<TSource> source, int size)
        {
            NotNull(source, "source");
            if (size < 1) throw new ArgumentOutOfRangeException("size");
            return ChunkIterator(source, size);
        }

        private static IEnumerable<TSource[]> ChunkIterator<TSource>(IEnumerable<TSource> source, int size)
        {
            var chunk = new List<TSource>(size);
            foreach (var item in source)
            {
                chunk.Add(item);
                if (chunk.Count == size)
                {
                    yield return chunk.ToArray();
                    chunk.Clear();
                }
            }
            if (chunk.Count > 0) yield return chunk.ToArray();
        }
    }
}

namespace System.Linq
{
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> TakeLast<TSource>(this IEnumerable<TSource> source, int count)
        {
            NotNull(source, "source");
            var all = source.ToArray();
            return all.Skip(Math.Max(0, all.Length - count));
        }

        public static IEnumerable<TSource> SkipLast<TSource>(this IEnumerable<TSource> source, int count)
        {
            NotNull(source, "source");
            var all = source.ToArray();
            return all.Take(Math.Max(0, all.Length - count));
        }

        public static int? Sum(this IEnumerable<int?> source)
        {
            NotNull(source, "source");
            int sum = 0;
            foreach (var v in source) if (v.HasValue) checked { sum += v.GetValueOrDefault(); }
            return sum;
        }

        public static double? Average(this IEnumerable<int?> source)
        {
            NotNull(source, "source");
            long sum = 0, count = 0;
            foreach (var v in source) if (v.HasValue) { sum += v.GetValueOrDefault(); count++; }
            return count == 0 ? null : (double?)((double)sum / count);
        }

        public static int? Max(this IEnumerable<int?> source)
        {
            int? best = null;
            foreach (var v in source) if (v.HasValue && (!best.HasValue || v.GetValueOrDefault() > best.GetValueOrDefault())) best = v;
            return best;
        }

        public static int? Min(this IEnumerable<int?> source)
        {
            int? best = null;
            foreach (var v in source) if (v.HasValue && (!best.HasValue || v.GetValueOrDefault() < best.GetValueOrDefault())) best = v;
            return best;
        }
    }
}

namespace System.Linq
{
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> Union<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second) => first.Concat(second).Distinct();

        public static IEnumerable<TSource> Intersect<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            NotNull(first, "first");
            NotNull(second, "second");
            return IntersectIterator(first, second);
        }

        private static IEnumerable<TSource> IntersectIterator<TSource>(IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            var set = new HashSet<TSource>(second);
            foreach (var item in first)
                if (set.Remove(item)) yield return item;
        }

        public static IEnumerable<TSource> Except<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            NotNull(first, "first");
            NotNull(second, "second");
            return ExceptIterator(first, second);
        }

        private static IEnumerable<TSource> ExceptIterator<TSource>(IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            var set = new HashSet<TSource>(second);
            foreach (var item in first)
                if (set.Add(item)) yield return item;
        }

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TElement, TResult>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector) =>
            Lookup<TKey, TElement>.Create(source, keySelector, elementSelector).Select(g => resultSelector(g.Key, g));

        public static IEnumerable<TResult> Join<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
            Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector)
        {
            NotNull(outer, "outer");
            NotNull(inner, "inner");
            return JoinIterator(outer, inner, outerKeySelector, innerKeySelector, resultSelector);
        }

        private static IEnumerable<TResult> JoinIterator<TOuter, TInner, TKey, TResult>(IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
            Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector)
        {
            var lookup = inner.ToLookup(innerKeySelector);
            foreach (var item in outer)
                foreach (var match in lookup[outerKeySelector(item)]) yield return resultSelector(item, match);
        }
    }
}

namespace System.Linq
{
    /// <summary>The .NET 6 overloads that take the default to return.</summary>
    public static partial class Enumerable
    {
        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            NotNull(source, "source");
            foreach (var item in source) return item;
            return defaultValue;
        }

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate, TSource defaultValue)
        {
            NotNull(source, "source");
            foreach (var item in source) if (predicate(item)) return item;
            return defaultValue;
        }

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            bool found = false;
            TSource last = defaultValue;
            foreach (var item in source) { last = item; found = true; }
            return found ? last : defaultValue;
        }

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            NotNull(source, "source");
            using (var e = source.GetEnumerator())
            {
                if (!e.MoveNext()) return defaultValue;
                var result = e.Current;
                if (e.MoveNext()) throw MoreThanOne();
                return result;
            }
        }
    }
}
