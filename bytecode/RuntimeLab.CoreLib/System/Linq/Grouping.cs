using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    public interface IGrouping<out TKey, out TElement> : IEnumerable<TElement>
    {
        TKey Key { get; }
    }

    public interface ILookup<TKey, TElement> : IEnumerable<IGrouping<TKey, TElement>>
    {
        int Count { get; }
        IEnumerable<TElement> this[TKey key] { get; }
        bool Contains(TKey key);
    }

    public static partial class Enumerable
    {
        public static IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) =>
            Lookup<TKey, TSource>.Create(source, keySelector, x => x);

        public static IEnumerable<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(this IEnumerable<TSource> source,
            Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector) =>
            Lookup<TKey, TElement>.Create(source, keySelector, elementSelector);

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TResult>(this IEnumerable<TSource> source,
            Func<TSource, TKey> keySelector, Func<TKey, IEnumerable<TSource>, TResult> resultSelector) =>
            Lookup<TKey, TSource>.Create(source, keySelector, x => x).Select(g => resultSelector(g.Key, g));

        public static ILookup<TKey, TSource> ToLookup<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) =>
            Lookup<TKey, TSource>.Create(source, keySelector, x => x);

        public static ILookup<TKey, TElement> ToLookup<TSource, TKey, TElement>(this IEnumerable<TSource> source,
            Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector) =>
            Lookup<TKey, TElement>.Create(source, keySelector, elementSelector);
    }

    /// <summary>Groups in order of each key's first appearance, elements in source order (as .NET's).</summary>
    public class Lookup<TKey, TElement> : ILookup<TKey, TElement>
    {
        private readonly Dictionary<TKey, Grouping<TKey, TElement>> _groups = new Dictionary<TKey, Grouping<TKey, TElement>>();
        private readonly List<Grouping<TKey, TElement>> _ordered = new List<Grouping<TKey, TElement>>();
        private Grouping<TKey, TElement> _nullGroup;

        internal static Lookup<TKey, TElement> Create<TSource>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
        {
            Enumerable.NotNull(source, "source");
            var lookup = new Lookup<TKey, TElement>();
            foreach (var item in source) lookup.GetGroup(keySelector(item), create: true).Add(elementSelector(item));
            return lookup;
        }

        private Grouping<TKey, TElement> GetGroup(TKey key, bool create)
        {
            Grouping<TKey, TElement> group;
            if (key == null)
            {
                if (_nullGroup == null && create) _ordered.Add(_nullGroup = new Grouping<TKey, TElement>(key));
                return _nullGroup;
            }
            if (!_groups.TryGetValue(key, out group) && create)
            {
                group = new Grouping<TKey, TElement>(key);
                _groups.Add(key, group);
                _ordered.Add(group);
            }
            return group;
        }

        public int Count => _ordered.Count;
        public IEnumerable<TElement> this[TKey key] => (IEnumerable<TElement>)GetGroup(key, create: false) ?? Array.Empty<TElement>();
        public bool Contains(TKey key) => GetGroup(key, create: false) != null;
        public IEnumerator<IGrouping<TKey, TElement>> GetEnumerator()
        {
            foreach (var g in _ordered) yield return g;
        }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal sealed class Grouping<TKey, TElement> : IGrouping<TKey, TElement>, IList<TElement>
    {
        private readonly List<TElement> _elements = new List<TElement>();
        public Grouping(TKey key) { Key = key; }
        public TKey Key { get; }
        internal void Add(TElement element) => _elements.Add(element);
        public IEnumerator<TElement> GetEnumerator() => _elements.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public int Count => _elements.Count;
        public bool IsReadOnly => true;
        public TElement this[int index] { get => _elements[index]; set => throw new NotSupportedException(); }
        void ICollection<TElement>.Add(TElement item) => throw new NotSupportedException();
        public void Clear() => throw new NotSupportedException();
        public bool Contains(TElement item) => _elements.Contains(item);
        public void CopyTo(TElement[] array, int arrayIndex) => _elements.CopyTo(array, arrayIndex);
        public bool Remove(TElement item) => throw new NotSupportedException();
        public int IndexOf(TElement item) => _elements.IndexOf(item);
        public void Insert(int index, TElement item) => throw new NotSupportedException();
        public void RemoveAt(int index) => throw new NotSupportedException();
    }
}
