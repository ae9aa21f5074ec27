using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// How T[] implements IList&lt;T&gt;, ICollection&lt;T&gt;, IEnumerable&lt;T&gt;, IReadOnlyList&lt;T&gt; and
    /// IReadOnlyCollection&lt;T&gt;: the runtime maps an interface method called on an SZ array to the method
    /// of the same name here, run with the array as <c>this</c> (as CoreCLR's SZArrayHelper).
    /// </summary>
    internal sealed class SZArrayHelper<T>
    {
        private SZArrayHelper() { }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern T[] AsArray(object self);

        public IEnumerator<T> GetEnumerator() => new SZGenericArrayEnumerator<T>(AsArray(this));

        public int get_Count() => AsArray(this).Length;

        public bool get_IsReadOnly() => true;

        public T get_Item(int index)
        {
            T[] a = AsArray(this);
            if ((uint)index >= (uint)a.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return a[index];
        }

        public void set_Item(int index, T value)
        {
            T[] a = AsArray(this);
            if ((uint)index >= (uint)a.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            a[index] = value;
        }

        public bool Contains(T value) => Array.IndexOf(AsArray(this), value) >= 0;

        public int IndexOf(T value) => Array.IndexOf(AsArray(this), value);

        public void CopyTo(T[] array, int index) => Array.Copy(AsArray(this), 0, array, index, AsArray(this).Length);

        public void Add(T value) => throw new NotSupportedException("Collection was of a fixed size.");
        public void Insert(int index, T value) => throw new NotSupportedException("Collection was of a fixed size.");
        public bool Remove(T value) => throw new NotSupportedException("Collection was of a fixed size.");
        public void RemoveAt(int index) => throw new NotSupportedException("Collection was of a fixed size.");
        public void Clear() => throw new NotSupportedException("Collection is read-only.");
    }

    internal sealed class SZGenericArrayEnumerator<T> : IEnumerator<T>
    {
        private readonly T[] _array;
        private int _index;

        internal SZGenericArrayEnumerator(T[] array)
        {
            _array = array;
            _index = -1;
        }

        public bool MoveNext()
        {
            int index = _index + 1;
            if ((uint)index < (uint)_array.Length)
            {
                _index = index;
                return true;
            }
            _index = _array.Length;
            return false;
        }

        public T Current
        {
            get
            {
                int index = _index;
                T[] array = _array;
                if ((uint)index >= (uint)array.Length)
                {
                    if (index < 0) throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                    throw new InvalidOperationException("Enumeration already finished.");
                }
                return array[index];
            }
        }

        object System.Collections.IEnumerator.Current => Current;

        public void Reset() => _index = -1;

        public void Dispose() { }
    }
}
