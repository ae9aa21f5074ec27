namespace System.Collections.Generic
{
    /// <summary>
    /// CoreCLR's Dictionary algorithm, so enumeration order after any sequence of adds and removes is the
    /// same: entries are appended to an array, removed entries form a free list (linked through
    /// <c>StartOfFreeList - next</c>) that later adds reuse first, and resizing to the next prime keeps
    /// entry order. Enumeration walks the entries array.
    /// </summary>
    public class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private const int StartOfFreeList = -3;

        private int[] _buckets;
        private Entry[] _entries;
        private int _count;
        private int _freeList;
        private int _freeCount;
        private int _version;
        private IEqualityComparer<TKey> _comparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        private struct Entry
        {
            public uint hashCode;
            // 0-based index of the next entry in the chain: -1 ends it; ≤ -2 marks a free entry (free-list link).
            public int next;
            public TKey key;
            public TValue value;
        }

        public Dictionary() : this(0, null) { }
        public Dictionary(int capacity) : this(capacity, null) { }
        public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer) { }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (capacity > 0) Initialize(capacity);
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
        }

        public Dictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public Dictionary(IDictionary<TKey, TValue> dictionary, IEqualityComparer<TKey> comparer)
            : this(dictionary != null ? dictionary.Count : 0, comparer)
        {
            if (dictionary == null) throw new ArgumentNullException("dictionary");
            AddRange(dictionary);
        }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection) : this(collection, null) { }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection, IEqualityComparer<TKey> comparer)
            : this((collection as ICollection<KeyValuePair<TKey, TValue>>)?.Count ?? 0, comparer)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            AddRange(collection);
        }

        private void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> enumerable)
        {
            if (enumerable is Dictionary<TKey, TValue> source && source._comparer.Equals(_comparer) && _count == 0)
            {
                // Copies live entries in order, compacting removed ones (CoreCLR's CopyEntries).
                if (source.Count == 0) return;
                if (_buckets == null) Initialize(source.Count);
                Entry[] oldEntries = source._entries;
                int newCount = 0;
                for (int i = 0; i < source._count; i++)
                {
                    if (oldEntries[i].next >= -1)
                    {
                        ref Entry entry = ref _entries[newCount];
                        entry = oldEntries[i];
                        ref int bucket = ref GetBucket(entry.hashCode);
                        entry.next = bucket - 1;
                        bucket = newCount + 1;
                        newCount++;
                    }
                }
                _count = newCount;
                _freeCount = 0;
                return;
            }
            foreach (var pair in enumerable) Add(pair.Key, pair.Value);
        }

        public IEqualityComparer<TKey> Comparer => _comparer;
        public int Count => _count - _freeCount;
        public int Capacity => _entries == null ? 0 : _entries.Length;
        public KeyCollection Keys => _keys ??= new KeyCollection(this);
        public ValueCollection Values => _values ??= new ValueCollection(this);
        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;
        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;
        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i >= 0) return _entries[i].value;
                throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
            }
            set => TryInsert(key, value, InsertionBehavior.OverwriteExisting);
        }

        public void Add(TKey key, TValue value) => TryInsert(key, value, InsertionBehavior.ThrowOnExisting);
        public bool TryAdd(TKey key, TValue value) => TryInsert(key, value, InsertionBehavior.None);

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair) => Add(keyValuePair.Key, keyValuePair.Value);

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int i = FindEntry(keyValuePair.Key);
            return i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, keyValuePair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int i = FindEntry(keyValuePair.Key);
            if (i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, keyValuePair.Value))
            {
                Remove(keyValuePair.Key);
                return true;
            }
            return false;
        }

        public void Clear()
        {
            int count = _count;
            if (count > 0)
            {
                Array.Clear(_buckets);
                _count = 0;
                _freeList = -1;
                _freeCount = 0;
                Array.Clear(_entries, 0, count);
            }
        }

        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        public bool ContainsValue(TValue value)
        {
            Entry[] entries = _entries;
            var comparer = EqualityComparer<TValue>.Default;
            for (int i = 0; i < _count; i++)
                if (entries[i].next >= -1 && comparer.Equals(entries[i].value, value)) return true;
            return false;
        }

        void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)index > (uint)array.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (array.Length - index < Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            Entry[] entries = _entries;
            for (int i = 0; i < _count; i++)
                if (entries[i].next >= -1) array[index++] = new KeyValuePair<TKey, TValue>(entries[i].key, entries[i].value);
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        private int FindEntry(TKey key)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (_buckets == null) return -1;
            Entry[] entries = _entries;
            uint hashCode = (uint)_comparer.GetHashCode(key);
            int i = GetBucket(hashCode) - 1;
            uint collisionCount = 0;
            while ((uint)i < (uint)entries.Length)
            {
                if (entries[i].hashCode == hashCode && _comparer.Equals(entries[i].key, key)) return i;
                i = entries[i].next;
                if (++collisionCount > (uint)entries.Length) ThrowConcurrent();
            }
            return -1;
        }

        private static void ThrowConcurrent() =>
            throw new InvalidOperationException("Operations that change non-concurrent collections must have exclusive access. A concurrent update was performed on this collection and corrupted its state. The collection's state is no longer correct.");

        private int Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _freeList = -1;
            _buckets = new int[size];
            _entries = new Entry[size];
            return size;
        }

        private ref int GetBucket(uint hashCode)
        {
            int[] buckets = _buckets;
            return ref buckets[hashCode % (uint)buckets.Length];
        }

        private enum InsertionBehavior { None, OverwriteExisting, ThrowOnExisting }

        private bool TryInsert(TKey key, TValue value, InsertionBehavior behavior)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (_buckets == null) Initialize(0);
            Entry[] entries = _entries;
            uint hashCode = (uint)_comparer.GetHashCode(key);
            uint collisionCount = 0;
            ref int bucket = ref GetBucket(hashCode);
            int i = bucket - 1;
            while ((uint)i < (uint)entries.Length)
            {
                if (entries[i].hashCode == hashCode && _comparer.Equals(entries[i].key, key))
                {
                    if (behavior == InsertionBehavior.OverwriteExisting)
                    {
                        entries[i].value = value;
                        return true;
                    }
                    if (behavior == InsertionBehavior.ThrowOnExisting)
                        throw new ArgumentException("An item with the same key has already been added. Key: " + key.ToString());
                    return false;
                }
                i = entries[i].next;
                if (++collisionCount > (uint)entries.Length) ThrowConcurrent();
            }

            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = StartOfFreeList - entries[_freeList].next;
                _freeCount--;
            }
            else
            {
                int count = _count;
                if (count == entries.Length)
                {
                    Resize(HashHelpers.ExpandPrime(count));
                    bucket = ref GetBucket(hashCode);
                }
                index = count;
                _count = count + 1;
                entries = _entries;
            }

            ref Entry entry = ref entries[index];
            entry.hashCode = hashCode;
            entry.next = bucket - 1;
            entry.key = key;
            entry.value = value;
            bucket = index + 1;
            _version++;
            return true;
        }

        private void Resize(int newSize)
        {
            var entries = new Entry[newSize];
            int count = _count;
            Array.Copy(_entries, entries, count);
            _buckets = new int[newSize];
            for (int i = 0; i < count; i++)
            {
                if (entries[i].next >= -1)
                {
                    ref int bucket = ref GetBucket(entries[i].hashCode);
                    entries[i].next = bucket - 1;
                    bucket = i + 1;
                }
            }
            _entries = entries;
        }

        public bool Remove(TKey key) => Remove(key, out _);

        public bool Remove(TKey key, out TValue value)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (_buckets != null)
            {
                Entry[] entries = _entries;
                uint collisionCount = 0;
                uint hashCode = (uint)_comparer.GetHashCode(key);
                ref int bucket = ref GetBucket(hashCode);
                int last = -1;
                int i = bucket - 1;
                while (i >= 0)
                {
                    ref Entry entry = ref entries[i];
                    if (entry.hashCode == hashCode && _comparer.Equals(entry.key, key))
                    {
                        if (last < 0) bucket = entry.next + 1;
                        else entries[last].next = entry.next;
                        value = entry.value;
                        entry.next = StartOfFreeList - _freeList;
                        entry.key = default;
                        entry.value = default;
                        _freeList = i;
                        _freeCount++;
                        return true;
                    }
                    last = i;
                    i = entry.next;
                    if (++collisionCount > (uint)entries.Length) ThrowConcurrent();
                }
            }
            value = default;
            return false;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i >= 0)
            {
                value = _entries[i].value;
                return true;
            }
            value = default;
            return false;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            int currentCapacity = _entries == null ? 0 : _entries.Length;
            if (currentCapacity >= capacity) return currentCapacity;
            _version++;
            if (_buckets == null) return Initialize(capacity);
            int newSize = HashHelpers.GetPrime(capacity);
            Resize(newSize);
            return newSize;
        }

        public void TrimExcess() => TrimExcess(Count);

        public void TrimExcess(int capacity)
        {
            if (capacity < Count) throw new ArgumentOutOfRangeException("capacity");
            int newSize = HashHelpers.GetPrime(capacity);
            Entry[] oldEntries = _entries;
            int currentCapacity = oldEntries == null ? 0 : oldEntries.Length;
            if (newSize >= currentCapacity) return;
            int oldCount = _count;
            _version++;
            Initialize(newSize);
            int count = 0;
            for (int i = 0; i < oldCount; i++)
            {
                if (oldEntries[i].next >= -1)
                {
                    ref Entry entry = ref _entries[count];
                    entry = oldEntries[i];
                    ref int bucket = ref GetBucket(entry.hashCode);
                    entry.next = bucket - 1;
                    bucket = count + 1;
                    count++;
                }
            }
            _count = count;
            _freeCount = 0;
        }

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _dictionary._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                while ((uint)_index < (uint)_dictionary._count)
                {
                    ref Entry entry = ref _dictionary._entries[_index++];
                    if (entry.next >= -1)
                    {
                        _current = new KeyValuePair<TKey, TValue>(entry.key, entry.value);
                        return true;
                    }
                }
                _index = _dictionary._count + 1;
                _current = default;
                return false;
            }

            public KeyValuePair<TKey, TValue> Current => _current;

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _dictionary._count + 1) throw new InvalidOperationException("Enumeration operation could not be performed.");
                    return _current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _dictionary._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _index = 0;
                _current = default;
            }

            public void Dispose() { }
        }

        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public KeyCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) throw new ArgumentNullException("dictionary");
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;
            bool ICollection<TKey>.IsReadOnly => true;
            public bool Contains(TKey item) => _dictionary.ContainsKey(item);

            public void CopyTo(TKey[] array, int index)
            {
                if (array == null) throw new ArgumentNullException("array");
                if (index < 0 || index > array.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
                if (array.Length - index < _dictionary.Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < _dictionary._count; i++)
                    if (entries[i].next >= -1) array[index++] = entries[i].key;
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            void ICollection<TKey>.Add(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
            void ICollection<TKey>.Clear() => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
            bool ICollection<TKey>.Remove(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

            public struct Enumerator : IEnumerator<TKey>
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private int _index;
                private readonly int _version;
                private TKey _currentKey;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _currentKey = default;
                }

                public void Dispose() { }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                    while ((uint)_index < (uint)_dictionary._count)
                    {
                        ref Entry entry = ref _dictionary._entries[_index++];
                        if (entry.next >= -1)
                        {
                            _currentKey = entry.key;
                            return true;
                        }
                    }
                    _index = _dictionary._count + 1;
                    _currentKey = default;
                    return false;
                }

                public TKey Current => _currentKey;
                object IEnumerator.Current => _currentKey;

                void IEnumerator.Reset()
                {
                    _index = 0;
                    _currentKey = default;
                }
            }
        }

        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public ValueCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) throw new ArgumentNullException("dictionary");
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;
            bool ICollection<TValue>.IsReadOnly => true;
            bool ICollection<TValue>.Contains(TValue item) => _dictionary.ContainsValue(item);

            public void CopyTo(TValue[] array, int index)
            {
                if (array == null) throw new ArgumentNullException("array");
                if (index < 0 || index > array.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
                if (array.Length - index < _dictionary.Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < _dictionary._count; i++)
                    if (entries[i].next >= -1) array[index++] = entries[i].value;
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            void ICollection<TValue>.Add(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");
            void ICollection<TValue>.Clear() => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");
            bool ICollection<TValue>.Remove(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

            public struct Enumerator : IEnumerator<TValue>
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private int _index;
                private readonly int _version;
                private TValue _currentValue;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _currentValue = default;
                }

                public void Dispose() { }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                    while ((uint)_index < (uint)_dictionary._count)
                    {
                        ref Entry entry = ref _dictionary._entries[_index++];
                        if (entry.next >= -1)
                        {
                            _currentValue = entry.value;
                            return true;
                        }
                    }
                    _index = _dictionary._count + 1;
                    _currentValue = default;
                    return false;
                }

                public TValue Current => _currentValue;
                object IEnumerator.Current => _currentValue;

                void IEnumerator.Reset()
                {
                    _index = 0;
                    _currentValue = default;
                }
            }
        }
    }
}
