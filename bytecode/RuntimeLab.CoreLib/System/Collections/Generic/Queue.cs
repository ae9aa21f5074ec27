namespace System.Collections.Generic
{
    /// <summary>A FIFO ring buffer, grown as CoreCLR grows it (double, at least +4).</summary>
    public class Queue<T> : IEnumerable<T>, IReadOnlyCollection<T>, ICollection
    {
        private T[] _array;
        private int _head;
        private int _tail;
        private int _size;
        private int _version;

        public Queue() { _array = new T[0]; }

        public Queue(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            _array = new T[capacity];
        }

        public Queue(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            _array = new List<T>(collection).ToArray();
            _size = _array.Length;
            if (_size != _array.Length) _tail = _size;
        }

        public int Count => _size;
        public int Capacity => _array.Length;
        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => this;

        public void Clear()
        {
            if (_size != 0)
            {
                if (_head < _tail) Array.Clear(_array, _head, _size);
                else
                {
                    Array.Clear(_array, _head, _array.Length - _head);
                    Array.Clear(_array, 0, _tail);
                }
                _size = 0;
            }
            _head = 0;
            _tail = 0;
            _version++;
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (arrayIndex < 0 || arrayIndex > array.Length) throw new ArgumentOutOfRangeException("arrayIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (array.Length - arrayIndex < _size) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            int numToCopy = _size;
            if (numToCopy == 0) return;
            int firstPart = Math(_array.Length - _head, numToCopy);
            Array.Copy(_array, _head, array, arrayIndex, firstPart);
            numToCopy -= firstPart;
            if (numToCopy > 0) Array.Copy(_array, 0, array, arrayIndex + _array.Length - _head, numToCopy);
        }

        private static int Math(int a, int b) => a < b ? a : b;

        void ICollection.CopyTo(Array array, int index)
        {
            T[] items = ToArray();
            Array.Copy(items, 0, array, index, items.Length);
        }

        public void Enqueue(T item)
        {
            if (_size == _array.Length) Grow(_size + 1);
            _array[_tail] = item;
            MoveNext(ref _tail);
            _size++;
            _version++;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public T Dequeue()
        {
            int head = _head;
            T[] array = _array;
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            T removed = array[head];
            array[head] = default;
            MoveNext(ref _head);
            _size--;
            _version++;
            return removed;
        }

        public bool TryDequeue(out T result)
        {
            int head = _head;
            T[] array = _array;
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = array[head];
            array[head] = default;
            MoveNext(ref _head);
            _size--;
            _version++;
            return true;
        }

        public T Peek()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            return _array[_head];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = _array[_head];
            return true;
        }

        public bool Contains(T item)
        {
            if (_size == 0) return false;
            if (_head < _tail) return Array.IndexOf(_array, item, _head, _size) >= 0;
            return Array.IndexOf(_array, item, _head, _array.Length - _head) >= 0 || Array.IndexOf(_array, item, 0, _tail) >= 0;
        }

        public T[] ToArray()
        {
            if (_size == 0) return new T[0];
            T[] arr = new T[_size];
            if (_head < _tail) Array.Copy(_array, _head, arr, 0, _size);
            else
            {
                Array.Copy(_array, _head, arr, 0, _array.Length - _head);
                Array.Copy(_array, 0, arr, _array.Length - _head, _tail);
            }
            return arr;
        }

        private void SetCapacity(int capacity)
        {
            T[] newarray = new T[capacity];
            if (_size > 0)
            {
                if (_head < _tail) Array.Copy(_array, _head, newarray, 0, _size);
                else
                {
                    Array.Copy(_array, _head, newarray, 0, _array.Length - _head);
                    Array.Copy(_array, 0, newarray, _array.Length - _head, _tail);
                }
            }
            _array = newarray;
            _head = 0;
            _tail = (_size == capacity) ? 0 : _size;
            _version++;
        }

        private void MoveNext(ref int index)
        {
            int tmp = index + 1;
            if (tmp == _array.Length) tmp = 0;
            index = tmp;
        }

        public void TrimExcess()
        {
            int threshold = (int)(_array.Length * 0.9);
            if (_size < threshold) SetCapacity(_size);
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (_array.Length < capacity) Grow(capacity);
            return _array.Length;
        }

        private void Grow(int capacity)
        {
            const int GrowFactor = 2;
            const int MinimumGrow = 4;
            int newcapacity = GrowFactor * _array.Length;
            if ((uint)newcapacity > (uint)Array.MaxLength) newcapacity = Array.MaxLength;
            newcapacity = newcapacity > _array.Length + MinimumGrow ? newcapacity : _array.Length + MinimumGrow;
            if (newcapacity < capacity) newcapacity = capacity;
            SetCapacity(newcapacity);
        }

        public struct Enumerator : IEnumerator<T>
        {
            private readonly Queue<T> _q;
            private readonly int _version;
            private int _index; // -1 = not started, -2 = ended/disposed
            private T _currentElement;

            internal Enumerator(Queue<T> q)
            {
                _q = q;
                _version = q._version;
                _index = -1;
                _currentElement = default;
            }

            public void Dispose()
            {
                _index = -2;
                _currentElement = default;
            }

            public bool MoveNext()
            {
                if (_version != _q._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_index == -2) return false;
                _index++;
                if (_index == _q._size)
                {
                    _index = -2;
                    _currentElement = default;
                    return false;
                }
                T[] array = _q._array;
                int capacity = array.Length;
                int arrayIndex = _q._head + _index;
                if (arrayIndex >= capacity) arrayIndex -= capacity;
                _currentElement = array[arrayIndex];
                return true;
            }

            public T Current
            {
                get
                {
                    if (_index < 0) throw new InvalidOperationException(_index == -1 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
                    return _currentElement;
                }
            }

            object IEnumerator.Current => Current;

            void IEnumerator.Reset()
            {
                if (_version != _q._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _index = -1;
                _currentElement = default;
            }
        }
    }
}
