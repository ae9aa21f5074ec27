using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>The operators that run the sequence: element access, quantifiers, conversions.</summary>
    public static partial class Enumerable
    {
        public static TSource First<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            foreach (var item in source) return item;
            throw NoElements();
        }

        public static TSource First<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            foreach (var item in source) if (predicate(item)) return item;
            throw NoMatch();
        }

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            foreach (var item in source) return item;
            return default;
        }

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            foreach (var item in source) if (predicate(item)) return item;
            return default;
        }

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate, TSource defaultValue)
        {
            NotNull(source, "source");
            NotNull(predicate, "predicate");
            TSource last = defaultValue;
            foreach (var item in source) if (predicate(item)) last = item;
            return last;
        }

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate, TSource defaultValue)
        {
            NotNull(source, "source");
            NotNull(predicate, "predicate");
            bool found = false;
            TSource result = defaultValue;
            foreach (var item in source)
            {
                if (!predicate(item)) continue;
                if (found) throw MoreThanOneMatch();
                result = item;
                found = true;
            }
            return result;
        }

        public static TSource Last<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            bool found = false;
            TSource last = default;
            foreach (var item in source) { last = item; found = true; }
            return found ? last : throw NoElements();
        }

        public static TSource Last<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            bool found = false;
            TSource last = default;
            foreach (var item in source) if (predicate(item)) { last = item; found = true; }
            return found ? last : throw NoMatch();
        }

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source)
        {
            TSource last = default;
            foreach (var item in source) last = item;
            return last;
        }

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            TSource last = default;
            foreach (var item in source) if (predicate(item)) last = item;
            return last;
        }

        public static TSource Single<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            using (var e = source.GetEnumerator())
            {
                if (!e.MoveNext()) throw NoElements();
                var result = e.Current;
                if (e.MoveNext()) throw MoreThanOne();
                return result;
            }
        }

        public static TSource Single<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            bool found = false;
            TSource result = default;
            foreach (var item in source)
            {
                if (!predicate(item)) continue;
                if (found) throw MoreThanOneMatch();
                result = item;
                found = true;
            }
            return found ? result : throw NoMatch();
        }

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            using (var e = source.GetEnumerator())
            {
                if (!e.MoveNext()) return default;
                var result = e.Current;
                if (e.MoveNext()) throw MoreThanOne();
                return result;
            }
        }

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            bool found = false;
            TSource result = default;
            foreach (var item in source)
            {
                if (!predicate(item)) continue;
                if (found) throw MoreThanOneMatch();
                result = item;
                found = true;
            }
            return result;
        }

        public static TSource ElementAt<TSource>(this IEnumerable<TSource> source, int index)
        {
            NotNull(source, "source");
            if (index >= 0)
                foreach (var item in source)
                    if (index-- == 0) return item;
            throw new ArgumentOutOfRangeException("index");
        }

        public static TSource ElementAtOrDefault<TSource>(this IEnumerable<TSource> source, int index)
        {
            if (index >= 0)
                foreach (var item in source)
                    if (index-- == 0) return item;
            return default;
        }

        public static bool Any<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            using (var e = source.GetEnumerator()) return e.MoveNext();
        }

        public static bool Any<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            foreach (var item in source) if (predicate(item)) return true;
            return false;
        }

        public static bool All<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            foreach (var item in source) if (!predicate(item)) return false;
            return true;
        }

        public static int Count<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            if (source is ICollection<TSource> collection) return collection.Count;
            int count = 0;
            using (var e = source.GetEnumerator())
                while (e.MoveNext()) checked { count++; }
            return count;
        }

        public static int Count<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            NotNull(source, "source");
            int count = 0;
            foreach (var item in source) if (predicate(item)) checked { count++; }
            return count;
        }

        public static long LongCount<TSource>(this IEnumerable<TSource> source)
        {
            long count = 0;
            foreach (var item in source) count++;
            return count;
        }

        public static bool Contains<TSource>(this IEnumerable<TSource> source, TSource value)
        {
            NotNull(source, "source");
            if (source is ICollection<TSource> collection) return collection.Contains(value);
            var comparer = EqualityComparer<TSource>.Default;
            foreach (var item in source) if (comparer.Equals(item, value)) return true;
            return false;
        }

        public static bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second) => first.SequenceEqual(second, null);

        public static bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            NotNull(first, "first");
            NotNull(second, "second");
            comparer ??= EqualityComparer<TSource>.Default;
            using (var a = first.GetEnumerator())
            using (var b = second.GetEnumerator())
            {
                while (a.MoveNext())
                    if (!b.MoveNext() || !comparer.Equals(a.Current, b.Current)) return false;
                return !b.MoveNext();
            }
        }

        public static TSource[] ToArray<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            return new List<TSource>(source).ToArray();
        }

        public static List<TSource> ToList<TSource>(this IEnumerable<TSource> source)
        {
            NotNull(source, "source");
            return new List<TSource>(source);
        }

        public static HashSet<TSource> ToHashSet<TSource>(this IEnumerable<TSource> source) => new HashSet<TSource>(source);

        public static Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
        {
            NotNull(source, "source");
            var result = new Dictionary<TKey, TSource>();
            foreach (var item in source) result.Add(keySelector(item), item);
            return result;
        }

        public static Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(this IEnumerable<TSource> source,
            Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
        {
            NotNull(source, "source");
            var result = new Dictionary<TKey, TElement>();
            foreach (var item in source) result.Add(keySelector(item), elementSelector(item));
            return result;
        }

        public static TSource Aggregate<TSource>(this IEnumerable<TSource> source, Func<TSource, TSource, TSource> func)
        {
            NotNull(source, "source");
            using (var e = source.GetEnumerator())
            {
                if (!e.MoveNext()) throw NoElements();
                var result = e.Current;
                while (e.MoveNext()) result = func(result, e.Current);
                return result;
            }
        }

        public static TAccumulate Aggregate<TSource, TAccumulate>(this IEnumerable<TSource> source, TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func)
        {
            NotNull(source, "source");
            var result = seed;
            foreach (var item in source) result = func(result, item);
            return result;
        }

        public static TResult Aggregate<TSource, TAccumulate, TResult>(this IEnumerable<TSource> source, TAccumulate seed,
            Func<TAccumulate, TSource, TAccumulate> func, Func<TAccumulate, TResult> resultSelector) =>
            resultSelector(source.Aggregate(seed, func));
    }
}
