namespace System.Collections.Generic
{
    /// <summary>A LIFO array stack; enumerates from the top, grows as CoreCLR grows it (4, then doubling).</summary>
    public class Stack<T> : IEnumerable<T>, IReadOnlyCollection<T>, ICollection
    {
        private const int DefaultCapacity = 4;
        private T[] _array;
        private int _size;
        private int _version;

        public Stack() { _array = new T[0]; }

        public Stack(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            _array = new T[capacity];
        }

        public Stack(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            _array = new List<T>(collection).ToArray();
            _size = _array.Length;
        }

        public int Count => _size;
        public int Capacity => _array.Length;
        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => this;

        public void Clear()
        {
            Array.Clear(_array, 0, _size);
            _size = 0;
            _version++;
        }

        public bool Contains(T item) => _size != 0 && Array.LastIndexOf(_array, item, _size - 1) != -1;

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (arrayIndex < 0 || arrayIndex > array.Length) throw new ArgumentOutOfRangeException("arrayIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (array.Length - arrayIndex < _size) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            int srcIndex = 0;
            int dstIndex = arrayIndex + _size;
            while (srcIndex < _size) array[--dstIndex] = _array[srcIndex++];
        }

        void ICollection.CopyTo(Array array, int index)
        {
            T[] items = ToArray();
            Array.Copy(items, 0, array, index, items.Length);
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public void TrimExcess()
        {
            int threshold = (int)(_array.Length * 0.9);
            if (_size < threshold) Array.Resize(ref _array, _size);
            _version++;
        }

        public T Peek()
        {
            if (_size == 0) throw new InvalidOperationException("Stack empty.");
            return _array[_size - 1];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = _array[_size - 1];
            return true;
        }

        public T Pop()
        {
            if (_size == 0) throw new InvalidOperationException("Stack empty.");
            _version++;
            T item = _array[--_size];
            _array[_size] = default;
            return item;
        }

        public bool TryPop(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            _version++;
            result = _array[--_size];
            _array[_size] = default;
            return true;
        }

        public void Push(T item)
        {
            if (_size >= _array.Length) Grow(_size + 1);
            _array[_size] = item;
            _version++;
            _size++;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (_array.Length < capacity) Grow(capacity);
            return _array.Length;
        }

        private void Grow(int capacity)
        {
            int newcapacity = _array.Length == 0 ? DefaultCapacity : 2 * _array.Length;
            if ((uint)newcapacity > (uint)Array.MaxLength) newcapacity = Array.MaxLength;
            if (newcapacity < capacity) newcapacity = capacity;
            Array.Resize(ref _array, newcapacity);
        }

        public T[] ToArray()
        {
            if (_size == 0) return new T[0];
            T[] objArray = new T[_size];
            int i = 0;
            while (i < _size)
            {
                objArray[i] = _array[_size - i - 1];
                i++;
            }
            return objArray;
        }

        public struct Enumerator : IEnumerator<T>
        {
            private readonly Stack<T> _stack;
            private readonly int _version;
            private int _index; // -2 = not started, -1 = ended
            private T _currentElement;

            internal Enumerator(Stack<T> stack)
            {
                _stack = stack;
                _version = stack._version;
                _index = -2;
                _currentElement = default;
            }

            public void Dispose() { _index = -1; }

            public bool MoveNext()
            {
                bool retval;
                if (_version != _stack._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_index == -2)
                {
                    _index = _stack._size - 1;
                    retval = _index >= 0;
                    if (retval) _currentElement = _stack._array[_index];
                    return retval;
                }
                if (_index == -1) return false;
                retval = --_index >= 0;
                _currentElement = retval ? _stack._array[_index] : default;
                return retval;
            }

            public T Current
            {
                get
                {
                    if (_index < 0) throw new InvalidOperationException(_index == -2 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
                    return _currentElement;
                }
            }

            object IEnumerator.Current => Current;

            void IEnumerator.Reset()
            {
                if (_version != _stack._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _index = -2;
                _currentElement = default;
            }
        }
    }
}
