namespace System.Collections.Generic
{
    /// <summary>Parallel sorted key and value arrays with binary search, grown as CoreCLR grows them (4, then doubling).</summary>
    public class SortedList<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private const int DefaultCapacity = 4;

        private TKey[] keys;
        private TValue[] values;
        private int _size;
        private int version;
        private readonly IComparer<TKey> comparer;
        private KeyList keyList;
        private ValueList valueList;

        public SortedList()
        {
            keys = new TKey[0];
            values = new TValue[0];
            comparer = Comparer<TKey>.Default;
        }

        public SortedList(int capacity) : this(capacity, null) { }

        public SortedList(IComparer<TKey> comparer) : this()
        {
            if (comparer != null) this.comparer = comparer;
        }

        public SortedList(int capacity, IComparer<TKey> comparer) : this(comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            keys = new TKey[capacity];
            values = new TValue[capacity];
        }

        public SortedList(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public SortedList(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer)
            : this(dictionary != null ? dictionary.Count : 0, comparer)
        {
            if (dictionary == null) throw new ArgumentNullException("dictionary");
            int count = dictionary.Count;
            if (count != 0)
            {
                dictionary.Keys.CopyTo(keys, 0);
                dictionary.Values.CopyTo(values, 0);
                if (count > 1)
                {
                    Array.Sort(keys, values, 0, count, this.comparer);
                    for (int i = 1; i != count; ++i)
                    {
                        if (this.comparer.Compare(keys[i - 1], keys[i]) == 0)
                            throw new ArgumentException("An item with the same key has already been added. Key: " + keys[i].ToString());
                    }
                }
            }
            _size = count;
        }

        public int Count => _size;
        public IComparer<TKey> Comparer => comparer;
        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        public int Capacity
        {
            get => keys.Length;
            set
            {
                if (value == keys.Length) return;
                if (value < _size) throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                var newKeys = new TKey[value];
                var newValues = new TValue[value];
                if (_size > 0)
                {
                    Array.Copy(keys, newKeys, _size);
                    Array.Copy(values, newValues, _size);
                }
                keys = newKeys;
                values = newValues;
            }
        }

        public IList<TKey> Keys => GetKeyListHelper();
        public IList<TValue> Values => GetValueListHelper();
        ICollection<TKey> IDictionary<TKey, TValue>.Keys => GetKeyListHelper();
        ICollection<TValue> IDictionary<TKey, TValue>.Values => GetValueListHelper();
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => GetKeyListHelper();
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => GetValueListHelper();

        private KeyList GetKeyListHelper() => keyList ??= new KeyList(this);
        private ValueList GetValueListHelper() => valueList ??= new ValueList(this);

        public TValue this[TKey key]
        {
            get
            {
                int i = IndexOfKey(key);
                if (i >= 0) return values[i];
                throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
            }
            set
            {
                if (key == null) throw new ArgumentNullException("key");
                int i = Array.BinarySearch(keys, 0, _size, key, comparer);
                if (i >= 0)
                {
                    values[i] = value;
                    version++;
                    return;
                }
                Insert(~i, key, value);
            }
        }

        public void Add(TKey key, TValue value)
        {
            if (key == null) throw new ArgumentNullException("key");
            int i = Array.BinarySearch(keys, 0, _size, key, comparer);
            if (i >= 0) throw new ArgumentException("An item with the same key has already been added. Key: " + key.ToString(), "key");
            Insert(~i, key, value);
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair) => Add(keyValuePair.Key, keyValuePair.Value);

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int index = IndexOfKey(keyValuePair.Key);
            return index >= 0 && EqualityComparer<TValue>.Default.Equals(values[index], keyValuePair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int index = IndexOfKey(keyValuePair.Key);
            if (index >= 0 && EqualityComparer<TValue>.Default.Equals(values[index], keyValuePair.Value))
            {
                RemoveAt(index);
                return true;
            }
            return false;
        }

        public void Clear()
        {
            version++;
            Array.Clear(keys, 0, _size);
            Array.Clear(values, 0, _size);
            _size = 0;
        }

        public bool ContainsKey(TKey key) => IndexOfKey(key) >= 0;
        public bool ContainsValue(TValue value) => IndexOfValue(value) >= 0;

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (arrayIndex < 0 || arrayIndex > array.Length) throw new ArgumentOutOfRangeException("arrayIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (array.Length - arrayIndex < Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            for (int i = 0; i < Count; i++) array[arrayIndex + i] = new KeyValuePair<TKey, TValue>(keys[i], values[i]);
        }

        private void EnsureCapacity(int min)
        {
            int newCapacity = keys.Length == 0 ? DefaultCapacity : keys.Length * 2;
            if ((uint)newCapacity > (uint)Array.MaxLength) newCapacity = Array.MaxLength;
            if (newCapacity < min) newCapacity = min;
            Capacity = newCapacity;
        }

        public TKey GetKeyAtIndex(int index)
        {
            if (index < 0 || index >= _size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return keys[index];
        }

        public TValue GetValueAtIndex(int index)
        {
            if (index < 0 || index >= _size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return values[index];
        }

        public void SetValueAtIndex(int index, TValue value)
        {
            if (index < 0 || index >= _size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            values[index] = value;
            version++;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public int IndexOfKey(TKey key)
        {
            if (key == null) throw new ArgumentNullException("key");
            int ret = Array.BinarySearch(keys, 0, _size, key, comparer);
            return ret >= 0 ? ret : -1;
        }

        public int IndexOfValue(TValue value) => Array.IndexOf(values, value, 0, _size);

        private void Insert(int index, TKey key, TValue value)
        {
            if (_size == keys.Length) EnsureCapacity(_size + 1);
            if (index < _size)
            {
                Array.Copy(keys, index, keys, index + 1, _size - index);
                Array.Copy(values, index, values, index + 1, _size - index);
            }
            keys[index] = key;
            values[index] = value;
            _size++;
            version++;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = IndexOfKey(key);
            if (i >= 0)
            {
                value = values[i];
                return true;
            }
            value = default;
            return false;
        }

        public void RemoveAt(int index)
        {
            if (index < 0 || index >= _size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            _size--;
            if (index < _size)
            {
                Array.Copy(keys, index + 1, keys, index, _size - index);
                Array.Copy(values, index + 1, values, index, _size - index);
            }
            keys[_size] = default;
            values[_size] = default;
            version++;
        }

        public bool Remove(TKey key)
        {
            int i = IndexOfKey(key);
            if (i >= 0) RemoveAt(i);
            return i >= 0;
        }

        public void TrimExcess()
        {
            int threshold = (int)(keys.Length * 0.9);
            if (_size < threshold) Capacity = _size;
        }

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly SortedList<TKey, TValue> _list;
            private readonly int _version;
            private int _index;
            private TKey _key;
            private TValue _value;

            internal Enumerator(SortedList<TKey, TValue> list)
            {
                _list = list;
                _index = 0;
                _version = list.version;
                _key = default;
                _value = default;
            }

            public void Dispose()
            {
                _index = 0;
                _key = default;
                _value = default;
            }

            public bool MoveNext()
            {
                if (_version != _list.version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if ((uint)_index < (uint)_list.Count)
                {
                    _key = _list.keys[_index];
                    _value = _list.values[_index];
                    _index++;
                    return true;
                }
                _index = _list.Count + 1;
                _key = default;
                _value = default;
                return false;
            }

            public KeyValuePair<TKey, TValue> Current => new KeyValuePair<TKey, TValue>(_key, _value);

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list.Count + 1) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return Current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _list.version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _index = 0;
                _key = default;
                _value = default;
            }
        }

        /// <summary>A live read-only view over one of the two arrays.</summary>
        private sealed class KeyList : IList<TKey>, IReadOnlyList<TKey>
        {
            private readonly SortedList<TKey, TValue> _dict;

            internal KeyList(SortedList<TKey, TValue> dictionary) { _dict = dictionary; }

            public int Count => _dict._size;
            public bool IsReadOnly => true;

            public TKey this[int index]
            {
                get => _dict.GetKeyAtIndex(index);
                set => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            }

            public void Add(TKey key) => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            public void Clear() => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            public bool Contains(TKey key) => _dict.ContainsKey(key);
            public void CopyTo(TKey[] array, int arrayIndex) => Array.Copy(_dict.keys, 0, array, arrayIndex, _dict.Count);
            public void Insert(int index, TKey value) => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            public bool Remove(TKey key) => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            public void RemoveAt(int index) => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");

            public int IndexOf(TKey key)
            {
                if (key == null) throw new ArgumentNullException("key");
                int i = Array.BinarySearch(_dict.keys, 0, _dict.Count, key, _dict.comparer);
                return i >= 0 ? i : -1;
            }

            public IEnumerator<TKey> GetEnumerator() => new ListEnumerator<TKey>(_dict, _dict.keys);
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        private sealed class ValueList : IList<TValue>, IReadOnlyList<TValue>
        {
            private readonly SortedList<TKey, TValue> _dict;

            internal ValueList(SortedList<TKey, TValue> dictionary) { _dict = dictionary; }

            public int Count => _dict._size;
            public bool IsReadOnly => true;

            public TValue this[int index]
            {
                get => _dict.GetValueAtIndex(index);
                set => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            }

            public void Add(TValue key) => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            public void Clear() => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            public bool Contains(TValue value) => _dict.ContainsValue(value);
            public void CopyTo(TValue[] array, int arrayIndex) => Array.Copy(_dict.values, 0, array, arrayIndex, _dict.Count);
            public int IndexOf(TValue value) => Array.IndexOf(_dict.values, value, 0, _dict.Count);
            public void Insert(int index, TValue value) => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            public bool Remove(TValue value) => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");
            public void RemoveAt(int index) => throw new NotSupportedException("This operation is not supported on SortedList nested types because they require modifying the original SortedList.");

            public IEnumerator<TValue> GetEnumerator() => new ListEnumerator<TValue>(_dict, _dict.values);
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        /// <summary>Walks one array of the list, failing if the list changes.</summary>
        private sealed class ListEnumerator<TItem> : IEnumerator<TItem>
        {
            private readonly SortedList<TKey, TValue> _list;
            private readonly TItem[] _items;
            private readonly int _version;
            private int _index;
            private TItem _current;

            internal ListEnumerator(SortedList<TKey, TValue> list, TItem[] items)
            {
                _list = list;
                _items = items;
                _version = list.version;
            }

            public void Dispose()
            {
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _list.version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if ((uint)_index < (uint)_list.Count)
                {
                    _current = _items[_index];
                    _index++;
                    return true;
                }
                _index = _list.Count + 1;
                _current = default;
                return false;
            }

            public TItem Current => _current;

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list.Count + 1) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return _current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _list.version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _index = 0;
                _current = default;
            }
        }
    }
}
