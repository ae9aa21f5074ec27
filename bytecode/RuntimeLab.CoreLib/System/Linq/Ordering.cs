using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    public interface IOrderedEnumerable<out TElement> : IEnumerable<TElement>
    {
        IOrderedEnumerable<TElement> CreateOrderedEnumerable<TKey>(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending);
    }

    public static partial class Enumerable
    {
        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) =>
            new OrderedSequence<TSource>(source, null, (a, b) => Comparer<TKey>.Default.Compare(keySelector(a), keySelector(b)));

        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) =>
            new OrderedSequence<TSource>(source, null, (a, b) => (comparer ?? Comparer<TKey>.Default).Compare(keySelector(a), keySelector(b)));

        public static IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) =>
            new OrderedSequence<TSource>(source, null, (a, b) => Comparer<TKey>.Default.Compare(keySelector(b), keySelector(a)));

        public static IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) =>
            new OrderedSequence<TSource>(source, null, (a, b) => (comparer ?? Comparer<TKey>.Default).Compare(keySelector(b), keySelector(a)));

        public static IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector) =>
            source.CreateOrderedEnumerable(keySelector, null, false);

        public static IOrderedEnumerable<TSource> ThenByDescending<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector) =>
            source.CreateOrderedEnumerable(keySelector, null, true);

        public static IOrderedEnumerable<TSource> Order<TSource>(this IEnumerable<TSource> source) => source.OrderBy(x => x);
        public static IOrderedEnumerable<TSource> OrderDescending<TSource>(this IEnumerable<TSource> source) => source.OrderByDescending(x => x);
    }

    /// <summary>
    /// A stable sort (as .NET's OrderBy is): equal keys keep their source order, by breaking ties on
    /// the original index. Keys are compared through one composed comparison per ThenBy level.
    /// </summary>
    internal sealed class OrderedSequence<T> : IOrderedEnumerable<T>
    {
        private readonly IEnumerable<T> _source;
        private readonly Comparison<T> _compare;

        public OrderedSequence(IEnumerable<T> source, Comparison<T> parent, Comparison<T> compare)
        {
            Enumerable.NotNull(source, "source");
            _source = source;
            _compare = parent == null ? compare : (a, b) => { int c = parent(a, b); return c != 0 ? c : compare(a, b); };
        }

        public IOrderedEnumerable<T> CreateOrderedEnumerable<TKey>(Func<T, TKey> keySelector, IComparer<TKey> comparer, bool descending)
        {
            var keys = comparer ?? Comparer<TKey>.Default;
            Comparison<T> next = descending ? (a, b) => keys.Compare(keySelector(b), keySelector(a)) : (a, b) => keys.Compare(keySelector(a), keySelector(b));
            return new OrderedSequence<T>(_source, _compare, next);
        }

        public IEnumerator<T> GetEnumerator()
        {
            var items = new List<T>(_source).ToArray();
            var index = new int[items.Length];
            for (int i = 0; i < index.Length; i++) index[i] = i;
            var compare = _compare;
            Array.Sort(index, (x, y) =>
            {
                int c = compare(items[x], items[y]);
                return c != 0 ? c : x.CompareTo(y);
            });
            for (int i = 0; i < index.Length; i++) yield return items[index[i]];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
