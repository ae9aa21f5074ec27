namespace System.Collections
{
    /// <summary>The non-generic growable list of objects, grown as CoreCLR grows it (4, then doubling).</summary>
    public class ArrayList : IList
    {
        private const int DefaultCapacity = 4;
        private object[] _items;
        private int _size;
        private int _version;

        public ArrayList() { _items = new object[0]; }

        public ArrayList(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "capacity ('" + capacity.ToString() + "') must be a non-negative value.");
            _items = new object[capacity];
        }

        public ArrayList(ICollection c)
        {
            if (c == null) throw new ArgumentNullException("c");
            int count = c.Count;
            _items = new object[count];
            if (count != 0)
            {
                c.CopyTo(_items, 0);
                _size = count;
            }
        }

        public virtual int Capacity
        {
            get => _items.Length;
            set
            {
                if (value < _size) throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (value == _items.Length) return;
                var newItems = new object[value];
                if (_size > 0) Array.Copy(_items, newItems, _size);
                _items = newItems;
            }
        }

        public virtual int Count => _size;
        public virtual bool IsFixedSize => false;
        public virtual bool IsReadOnly => false;
        public virtual bool IsSynchronized => false;
        public virtual object SyncRoot => this;

        public virtual object this[int index]
        {
            get
            {
                if (index < 0 || index >= _size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
                return _items[index];
            }
            set
            {
                if (index < 0 || index >= _size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
                _items[index] = value;
                _version++;
            }
        }

        public virtual int Add(object value)
        {
            if (_size == _items.Length) EnsureCapacity(_size + 1);
            _items[_size] = value;
            _version++;
            return _size++;
        }

        public virtual void AddRange(ICollection c) => InsertRange(_size, c);

        public virtual int BinarySearch(object value) => BinarySearch(0, Count, value, null);
        public virtual int BinarySearch(object value, IComparer comparer) => BinarySearch(0, Count, value, comparer);

        public virtual int BinarySearch(int index, int count, object value, IComparer comparer)
        {
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            comparer ??= Comparer.Default;
            int lo = index, hi = index + count - 1;
            while (lo <= hi)
            {
                int i = lo + ((hi - lo) >> 1);
                int c = comparer.Compare(_items[i], value);
                if (c == 0) return i;
                if (c < 0) lo = i + 1;
                else hi = i - 1;
            }
            return ~lo;
        }

        public virtual void Clear()
        {
            if (_size > 0)
            {
                Array.Clear(_items, 0, _size);
                _size = 0;
            }
            _version++;
        }

        public virtual object Clone()
        {
            var la = new ArrayList(_size);
            la._size = _size;
            la._version = _version;
            Array.Copy(_items, la._items, _size);
            return la;
        }

        public virtual bool Contains(object item)
        {
            if (item == null)
            {
                for (int i = 0; i < _size; i++)
                    if (_items[i] == null) return true;
                return false;
            }
            for (int i = 0; i < _size; i++)
                if (_items[i] != null && _items[i].Equals(item)) return true;
            return false;
        }

        public virtual void CopyTo(Array array) => CopyTo(array, 0);
        public virtual void CopyTo(Array array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _size);

        public virtual void CopyTo(int index, Array array, int arrayIndex, int count)
        {
            if (_size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Copy(_items, index, array, arrayIndex, count);
        }

        private void EnsureCapacity(int min)
        {
            int newCapacity = _items.Length == 0 ? DefaultCapacity : _items.Length * 2;
            if ((uint)newCapacity > (uint)Array.MaxLength) newCapacity = Array.MaxLength;
            if (newCapacity < min) newCapacity = min;
            Capacity = newCapacity;
        }

        public virtual IEnumerator GetEnumerator() => new ArrayListEnumeratorSimple(this);

        public virtual int IndexOf(object value) => IndexOf(value, 0);

        public virtual int IndexOf(object value, int startIndex)
        {
            if (startIndex > _size) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            for (int i = startIndex; i < _size; i++)
                if (value == null ? _items[i] == null : value.Equals(_items[i])) return i;
            return -1;
        }

        public virtual void Insert(int index, object value)
        {
            if (index < 0 || index > _size) throw new ArgumentOutOfRangeException("index", "Insertion index was out of range. Must be non-negative and less than or equal to size.");
            if (_size == _items.Length) EnsureCapacity(_size + 1);
            if (index < _size) Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = value;
            _size++;
            _version++;
        }

        public virtual void InsertRange(int index, ICollection c)
        {
            if (c == null) throw new ArgumentNullException("c");
            if (index < 0 || index > _size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            int count = c.Count;
            if (count > 0)
            {
                if (_items.Length - _size < count) EnsureCapacity(_size + count);
                if (index < _size) Array.Copy(_items, index, _items, index + count, _size - index);
                var itemsToInsert = new object[count];
                c.CopyTo(itemsToInsert, 0);
                Array.Copy(itemsToInsert, 0, _items, index, count);
                _size += count;
                _version++;
            }
        }

        public virtual void Remove(object obj)
        {
            int index = IndexOf(obj);
            if (index >= 0) RemoveAt(index);
        }

        public virtual void RemoveAt(int index)
        {
            if (index < 0 || index >= _size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            _size--;
            if (index < _size) Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = null;
            _version++;
        }

        public virtual void RemoveRange(int index, int count)
        {
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (count > 0)
            {
                _size -= count;
                if (index < _size) Array.Copy(_items, index + count, _items, index, _size - index);
                Array.Clear(_items, _size, count);
                _version++;
            }
        }

        public virtual void Reverse() => Reverse(0, Count);

        public virtual void Reverse(int index, int count)
        {
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Reverse(_items, index, count);
            _version++;
        }

        public virtual void Sort() => Sort(0, Count, Comparer.Default);
        public virtual void Sort(IComparer comparer) => Sort(0, Count, comparer);

        public virtual void Sort(int index, int count, IComparer comparer)
        {
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Sort(_items, null, index, count, comparer);
            _version++;
        }

        public virtual object[] ToArray()
        {
            var array = new object[_size];
            Array.Copy(_items, array, _size);
            return array;
        }

        public virtual void TrimToSize() => Capacity = _size;

        private sealed class ArrayListEnumeratorSimple : IEnumerator
        {
            private readonly ArrayList _list;
            private readonly int _version;
            private int _index;
            private object _currentElement;

            internal ArrayListEnumeratorSimple(ArrayList list)
            {
                _list = list;
                _index = -1;
                _version = list._version;
            }

            public object Clone() => MemberwiseClone();

            public bool MoveNext()
            {
                if (_version != _list._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if (_index < _list._size - 1)
                {
                    _currentElement = _list._items[++_index];
                    return true;
                }
                _index = _list._size;
                _currentElement = null;
                return false;
            }

            public object Current
            {
                get
                {
                    if (_index == -1) throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                    if (_index >= _list._size) throw new InvalidOperationException("Enumeration already finished.");
                    return _currentElement;
                }
            }

            public void Reset()
            {
                if (_version != _list._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _currentElement = null;
                _index = -1;
            }
        }
    }
}
