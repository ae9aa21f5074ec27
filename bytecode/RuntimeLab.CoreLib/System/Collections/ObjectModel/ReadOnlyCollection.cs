using System.Collections.Generic;

namespace System.Collections.ObjectModel
{
    /// <summary>A read-only view over an IList&lt;T&gt;.</summary>
    public class ReadOnlyCollection<T> : IList<T>, IReadOnlyList<T>
    {
        private readonly IList<T> list;

        public ReadOnlyCollection(IList<T> list)
        {
            if (list == null) throw new ArgumentNullException("list");
            this.list = list;
        }

        public static ReadOnlyCollection<T> Empty { get; } = new ReadOnlyCollection<T>(new T[0]);

        public int Count => list.Count;
        public T this[int index] => list[index];
        T IList<T>.this[int index] { get => list[index]; set => throw NotSupported(); }
        bool ICollection<T>.IsReadOnly => true;
        protected IList<T> Items => list;

        public bool Contains(T value) => list.Contains(value);
        public void CopyTo(T[] array, int index) => list.CopyTo(array, index);
        public IEnumerator<T> GetEnumerator() => list.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => list.GetEnumerator();
        public int IndexOf(T value) => list.IndexOf(value);

        private static NotSupportedException NotSupported() => new NotSupportedException("Collection is read-only.");
        void ICollection<T>.Add(T value) => throw NotSupported();
        void ICollection<T>.Clear() => throw NotSupported();
        void IList<T>.Insert(int index, T value) => throw NotSupported();
        bool ICollection<T>.Remove(T value) => throw NotSupported();
        void IList<T>.RemoveAt(int index) => throw NotSupported();
    }
}
