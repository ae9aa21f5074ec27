namespace System.Collections.Generic
{
    /// <summary>As in CoreCLR: a sorted set of key/value pairs ordered by key alone.</summary>
    public class SortedDictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private readonly SortedSet<KeyValuePair<TKey, TValue>> _set;
        private readonly IComparer<TKey> _keyComparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        public SortedDictionary() : this((IComparer<TKey>)null) { }

        public SortedDictionary(IComparer<TKey> comparer)
        {
            _keyComparer = comparer ?? Comparer<TKey>.Default;
            _set = new SortedSet<KeyValuePair<TKey, TValue>>(new KeyValuePairComparer(_keyComparer));
        }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer) : this(comparer)
        {
            if (dictionary == null) throw new ArgumentNullException("dictionary");
            foreach (KeyValuePair<TKey, TValue> pair in dictionary) Add(pair.Key, pair.Value);
        }

        public IComparer<TKey> Comparer => _keyComparer;
        public int Count => _set.Count;
        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        public KeyCollection Keys => _keys ??= new KeyCollection(this);
        public ValueCollection Values => _values ??= new ValueCollection(this);
        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;
        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

        private SortedSet<KeyValuePair<TKey, TValue>>.Node FindKey(TKey key)
        {
            if (key == null) throw new ArgumentNullException("key");
            return _set.FindNode(new KeyValuePair<TKey, TValue>(key, default));
        }

        public TValue this[TKey key]
        {
            get
            {
                var node = FindKey(key);
                if (node == null) throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
                return node.Item.Value;
            }
            set
            {
                var node = FindKey(key);
                if (node == null) _set.Add(new KeyValuePair<TKey, TValue>(key, value));
                else
                {
                    node.Item = new KeyValuePair<TKey, TValue>(node.Item.Key, value);
                    _set.version++;
                }
            }
        }

        public void Add(TKey key, TValue value)
        {
            if (key == null) throw new ArgumentNullException("key");
            var pair = new KeyValuePair<TKey, TValue>(key, value);
            // CoreCLR reports the whole pair, not just the key.
            if (!_set.Add(pair)) throw new ArgumentException("An item with the same key has already been added. Key: " + pair.ToString());
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair) => Add(keyValuePair.Key, keyValuePair.Value);

        public void Clear() => _set.Clear();

        public bool ContainsKey(TKey key) => FindKey(key) != null;

        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> c = EqualityComparer<TValue>.Default;
            foreach (KeyValuePair<TKey, TValue> pair in _set)
                if (c.Equals(pair.Value, value)) return true;
            return false;
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
        {
            var node = FindKey(keyValuePair.Key);
            return node != null && EqualityComparer<TValue>.Default.Equals(node.Item.Value, keyValuePair.Value);
        }

        public bool Remove(TKey key)
        {
            if (key == null) throw new ArgumentNullException("key");
            return _set.Remove(new KeyValuePair<TKey, TValue>(key, default));
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
        {
            var node = FindKey(keyValuePair.Key);
            if (node != null && EqualityComparer<TValue>.Default.Equals(node.Item.Value, keyValuePair.Value))
            {
                _set.DeleteNode(node);
                return true;
            }
            return false;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            var node = FindKey(key);
            if (node == null)
            {
                value = default;
                return false;
            }
            value = node.Item.Value;
            return true;
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index) => _set.CopyTo(array, index);

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private SortedSet<KeyValuePair<TKey, TValue>>.Enumerator _inner;

            internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary._set.GetEnumerator(); }

            public bool MoveNext() => _inner.MoveNext();
            public void Dispose() => _inner.Dispose();
            public KeyValuePair<TKey, TValue> Current => _inner.Current;
            object IEnumerator.Current => ((IEnumerator)_inner).Current;
            void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();
        }

        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public KeyCollection(SortedDictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) throw new ArgumentNullException("dictionary");
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;
            bool ICollection<TKey>.IsReadOnly => true;
            bool ICollection<TKey>.Contains(TKey item) => _dictionary.ContainsKey(item);

            public void CopyTo(TKey[] array, int index)
            {
                if (array == null) throw new ArgumentNullException("array");
                if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
                if (array.Length - index < Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
                foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set) array[index++] = pair.Key;
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => GetEnumerator();
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            void ICollection<TKey>.Add(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
            void ICollection<TKey>.Clear() => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
            bool ICollection<TKey>.Remove(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

            public struct Enumerator : IEnumerator<TKey>
            {
                private SortedSet<KeyValuePair<TKey, TValue>>.Enumerator _inner;

                internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary._set.GetEnumerator(); }

                public bool MoveNext() => _inner.MoveNext();
                public void Dispose() => _inner.Dispose();
                public TKey Current => _inner.Current.Key;

                object IEnumerator.Current
                {
                    get
                    {
                        object current = ((IEnumerator)_inner).Current;
                        return Current;
                    }
                }

                void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();
            }
        }

        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public ValueCollection(SortedDictionary<TKey, TValue> dictionary)
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
                if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
                if (array.Length - index < Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
                foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set) array[index++] = pair.Value;
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => GetEnumerator();
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            void ICollection<TValue>.Add(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");
            void ICollection<TValue>.Clear() => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");
            bool ICollection<TValue>.Remove(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

            public struct Enumerator : IEnumerator<TValue>
            {
                private SortedSet<KeyValuePair<TKey, TValue>>.Enumerator _inner;

                internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary._set.GetEnumerator(); }

                public bool MoveNext() => _inner.MoveNext();
                public void Dispose() => _inner.Dispose();
                public TValue Current => _inner.Current.Value;

                object IEnumerator.Current
                {
                    get
                    {
                        object current = ((IEnumerator)_inner).Current;
                        return Current;
                    }
                }

                void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();
            }
        }

        /// <summary>Orders pairs by key; the value takes no part.</summary>
        public sealed class KeyValuePairComparer : Comparer<KeyValuePair<TKey, TValue>>
        {
            internal IComparer<TKey> keyComparer;

            public KeyValuePairComparer(IComparer<TKey> keyComparer) { this.keyComparer = keyComparer ?? Comparer<TKey>.Default; }

            public override int Compare(KeyValuePair<TKey, TValue> x, KeyValuePair<TKey, TValue> y) => keyComparer.Compare(x.Key, y.Key);
        }
    }
}
