namespace System.Collections.Generic
{
    /// <summary>
    /// CoreCLR's HashSet algorithm (the Dictionary family): entries appended in order, removed entries
    /// reused first through the free list, so enumeration order after adds, removes and set operations
    /// matches CoreCLR's.
    /// </summary>
    public class HashSet<T> : ISet<T>, IReadOnlySet<T>
    {
        private const int StartOfFreeList = -3;
        private const int ShrinkThreshold = 3;

        private int[] _buckets;
        private Entry[] _entries;
        private int _count;
        private int _freeList;
        private int _freeCount;
        private int _version;
        private IEqualityComparer<T> _comparer;

        private struct Entry
        {
            public int HashCode;
            // 0-based index of the next entry in the chain: -1 ends it; ≤ -2 marks a free entry.
            public int Next;
            public T Value;
        }

        public HashSet() : this((IEqualityComparer<T>)null) { }

        public HashSet(IEqualityComparer<T> comparer)
        {
            _comparer = comparer ?? EqualityComparer<T>.Default;
        }

        public HashSet(int capacity) : this(capacity, null) { }

        public HashSet(int capacity, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (capacity > 0) Initialize(capacity);
        }

        public HashSet(IEnumerable<T> collection) : this(collection, null) { }

        public HashSet(IEnumerable<T> collection, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            if (collection is HashSet<T> otherAsHashSet && EqualityComparersAreEqual(this, otherAsHashSet))
            {
                ConstructFrom(otherAsHashSet);
            }
            else
            {
                if (collection is ICollection<T> coll)
                {
                    int count = coll.Count;
                    if (count > 0) Initialize(count);
                }
                UnionWith(collection);
                if (_count > 0 && _entries.Length / _count > ShrinkThreshold) TrimExcess();
            }
        }

        private void ConstructFrom(HashSet<T> source)
        {
            if (source.Count == 0) return;
            int capacity = source._buckets.Length;
            int threshold = HashHelpers.ExpandPrime(source.Count + 1);
            if (threshold >= capacity)
            {
                // A clone keeps the source's free list, so later adds reuse the same slots.
                _buckets = (int[])source._buckets.Clone();
                _entries = (Entry[])source._entries.Clone();
                _freeList = source._freeList;
                _freeCount = source._freeCount;
                _count = source._count;
            }
            else
            {
                Initialize(source.Count);
                Entry[] entries = source._entries;
                for (int i = 0; i < source._count; i++)
                {
                    ref Entry entry = ref entries[i];
                    if (entry.Next >= -1) AddIfNotPresent(entry.Value, out _);
                }
            }
        }

        public IEqualityComparer<T> Comparer => _comparer;
        public int Count => _count - _freeCount;
        public int Capacity => _entries == null ? 0 : _entries.Length;
        bool ICollection<T>.IsReadOnly => false;

        void ICollection<T>.Add(T item) => AddIfNotPresent(item, out _);
        public bool Add(T item) => AddIfNotPresent(item, out _);

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

        public bool Contains(T item) => FindItemIndex(item) >= 0;

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            int index = FindItemIndex(equalValue);
            if (index >= 0)
            {
                actualValue = _entries[index].Value;
                return true;
            }
            actualValue = default;
            return false;
        }

        private int FindItemIndex(T item)
        {
            if (_buckets == null) return -1;
            Entry[] entries = _entries;
            int hashCode = item == null ? 0 : _comparer.GetHashCode(item);
            int i = GetBucketRef(hashCode) - 1;
            uint collisionCount = 0;
            while (i >= 0)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && _comparer.Equals(entry.Value, item)) return i;
                i = entry.Next;
                if (++collisionCount > (uint)entries.Length) ThrowConcurrent();
            }
            return -1;
        }

        private static void ThrowConcurrent() =>
            throw new InvalidOperationException("Operations that change non-concurrent collections must have exclusive access. A concurrent update was performed on this collection and corrupted its state. The collection's state is no longer correct.");

        private ref int GetBucketRef(int hashCode)
        {
            int[] buckets = _buckets;
            return ref buckets[(uint)hashCode % (uint)buckets.Length];
        }

        public bool Remove(T item)
        {
            if (_buckets != null)
            {
                Entry[] entries = _entries;
                uint collisionCount = 0;
                int last = -1;
                int hashCode = item == null ? 0 : _comparer.GetHashCode(item);
                ref int bucket = ref GetBucketRef(hashCode);
                int i = bucket - 1;
                while (i >= 0)
                {
                    ref Entry entry = ref entries[i];
                    if (entry.HashCode == hashCode && _comparer.Equals(entry.Value, item))
                    {
                        if (last < 0) bucket = entry.Next + 1;
                        else entries[last].Next = entry.Next;
                        entry.Next = StartOfFreeList - _freeList;
                        entry.Value = default;
                        _freeList = i;
                        _freeCount++;
                        return true;
                    }
                    last = i;
                    i = entry.Next;
                    if (++collisionCount > (uint)entries.Length) ThrowConcurrent();
                }
            }
            return false;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        private int Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _buckets = new int[size];
            _entries = new Entry[size];
            _freeList = -1;
            return size;
        }

        private void Resize(int newSize)
        {
            var entries = new Entry[newSize];
            int count = _count;
            Array.Copy(_entries, entries, count);
            _buckets = new int[newSize];
            for (int i = 0; i < count; i++)
            {
                ref Entry entry = ref entries[i];
                if (entry.Next >= -1)
                {
                    ref int bucket = ref GetBucketRef(entry.HashCode);
                    entry.Next = bucket - 1;
                    bucket = i + 1;
                }
            }
            _entries = entries;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            int currentCapacity = _entries == null ? 0 : _entries.Length;
            if (currentCapacity >= capacity) return currentCapacity;
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
            Entry[] entries = _entries;
            int count = 0;
            for (int i = 0; i < oldCount; i++)
            {
                int hashCode = oldEntries[i].HashCode;
                if (oldEntries[i].Next >= -1)
                {
                    ref Entry entry = ref entries[count];
                    entry = oldEntries[i];
                    ref int bucket = ref GetBucketRef(hashCode);
                    entry.Next = bucket - 1;
                    bucket = count + 1;
                    count++;
                }
            }
            _count = count;
            _freeCount = 0;
        }

        private bool AddIfNotPresent(T value, out int location)
        {
            if (_buckets == null) Initialize(0);
            Entry[] entries = _entries;
            int hashCode = value == null ? 0 : _comparer.GetHashCode(value);
            uint collisionCount = 0;
            ref int bucket = ref GetBucketRef(hashCode);
            int i = bucket - 1;
            while (i >= 0)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && _comparer.Equals(entry.Value, value))
                {
                    location = i;
                    return false;
                }
                i = entry.Next;
                if (++collisionCount > (uint)entries.Length) ThrowConcurrent();
            }

            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeCount--;
                _freeList = StartOfFreeList - entries[_freeList].Next;
            }
            else
            {
                int count = _count;
                if (count == entries.Length)
                {
                    Resize(HashHelpers.ExpandPrime(count));
                    bucket = ref GetBucketRef(hashCode);
                }
                index = count;
                _count = count + 1;
                entries = _entries;
            }

            {
                ref Entry entry = ref entries[index];
                entry.HashCode = hashCode;
                entry.Next = bucket - 1;
                entry.Value = value;
                bucket = index + 1;
                _version++;
                location = index;
            }
            return true;
        }

        private static bool EqualityComparersAreEqual(HashSet<T> set1, HashSet<T> set2) => set1.Comparer.Equals(set2.Comparer);

        // ---- set operations ----

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in other) AddIfNotPresent(item, out _);
        }

        public void IntersectWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0 || other == this) return;
            if (other is ICollection<T> otherAsCollection)
            {
                if (otherAsCollection.Count == 0)
                {
                    Clear();
                    return;
                }
                if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
                {
                    IntersectWithHashSetWithSameComparer(otherAsSet);
                    return;
                }
            }
            IntersectWithEnumerable(other);
        }

        private void IntersectWithHashSetWithSameComparer(HashSet<T> other)
        {
            Entry[] entries = _entries;
            for (int i = 0; i < _count; i++)
            {
                ref Entry entry = ref entries[i];
                if (entry.Next >= -1)
                {
                    T item = entry.Value;
                    if (!other.Contains(item)) Remove(item);
                }
            }
        }

        private void IntersectWithEnumerable(IEnumerable<T> other)
        {
            int originalCount = _count;
            var marked = new bool[originalCount];
            foreach (T item in other)
            {
                int location = FindItemIndex(item);
                if (location >= 0) marked[location] = true;
            }
            for (int i = 0; i < originalCount; i++)
            {
                ref Entry entry = ref _entries[i];
                if (entry.Next >= -1 && !marked[i]) Remove(entry.Value);
            }
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0) return;
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T element in other) Remove(element);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0)
            {
                UnionWith(other);
                return;
            }
            if (other == this)
            {
                Clear();
                return;
            }
            if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
            {
                foreach (T item in otherAsSet)
                    if (!Remove(item)) AddIfNotPresent(item, out _);
            }
            else
            {
                // CoreCLR marks, then removes: items of this set seen in other are removed only at the end.
                int originalCount = _count;
                var itemsToRemove = new bool[originalCount];
                var itemsAddedFromOther = new bool[_entries.Length];
                foreach (T item in other)
                {
                    if (AddIfNotPresent(item, out int location))
                    {
                        if (location >= itemsAddedFromOther.Length) Array.Resize(ref itemsAddedFromOther, _entries.Length);
                        itemsAddedFromOther[location] = true;
                    }
                    else if (location < originalCount && !(location < itemsAddedFromOther.Length && itemsAddedFromOther[location]))
                    {
                        itemsToRemove[location] = true;
                    }
                }
                for (int i = 0; i < originalCount; i++)
                    if (itemsToRemove[i]) Remove(_entries[i].Value);
            }
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0 || other == this) return true;
            if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
            {
                if (Count > otherAsSet.Count) return false;
                return IsSubsetOfHashSetWithSameComparer(otherAsSet);
            }
            CheckUniqueAndUnfoundElements(other, false, out int uniqueCount, out int unfoundCount);
            return uniqueCount == Count && unfoundCount >= 0;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (other == this) return false;
            if (other is ICollection<T> otherAsCollection)
            {
                if (Count == 0) return otherAsCollection.Count > 0;
                if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
                {
                    if (Count >= otherAsSet.Count) return false;
                    return IsSubsetOfHashSetWithSameComparer(otherAsSet);
                }
            }
            CheckUniqueAndUnfoundElements(other, false, out int uniqueCount, out int unfoundCount);
            return uniqueCount == Count && unfoundCount > 0;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (other == this) return true;
            if (other is ICollection<T> otherAsCollection)
            {
                if (otherAsCollection.Count == 0) return true;
                if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet) && otherAsSet.Count > Count) return false;
            }
            foreach (T element in other)
                if (!Contains(element)) return false;
            return true;
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0 || other == this) return false;
            if (other is ICollection<T> otherAsCollection)
            {
                if (otherAsCollection.Count == 0) return true;
                if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
                {
                    if (otherAsSet.Count >= Count) return false;
                    foreach (T element in otherAsSet)
                        if (!Contains(element)) return false;
                    return true;
                }
            }
            CheckUniqueAndUnfoundElements(other, true, out int uniqueCount, out int unfoundCount);
            return uniqueCount < Count && unfoundCount == 0;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (Count == 0) return false;
            if (other == this) return true;
            foreach (T element in other)
                if (Contains(element)) return true;
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (other == this) return true;
            if (other is HashSet<T> otherAsSet && EqualityComparersAreEqual(this, otherAsSet))
            {
                if (Count != otherAsSet.Count) return false;
                return IsSubsetOfHashSetWithSameComparer(otherAsSet);
            }
            if (Count == 0 && other is ICollection<T> otherAsCollection && otherAsCollection.Count > 0) return false;
            CheckUniqueAndUnfoundElements(other, true, out int uniqueCount, out int unfoundCount);
            return uniqueCount == Count && unfoundCount == 0;
        }

        private bool IsSubsetOfHashSetWithSameComparer(HashSet<T> other)
        {
            foreach (T item in this)
                if (!other.Contains(item)) return false;
            return true;
        }

        private void CheckUniqueAndUnfoundElements(IEnumerable<T> other, bool returnIfUnfound, out int uniqueCount, out int unfoundCount)
        {
            if (_count == 0)
            {
                int numElementsInOther = 0;
                foreach (T item in other)
                {
                    numElementsInOther++;
                    break;
                }
                uniqueCount = 0;
                unfoundCount = numElementsInOther;
                return;
            }
            var seen = new bool[_count];
            unfoundCount = 0;
            uniqueCount = 0;
            foreach (T item in other)
            {
                int location = FindItemIndex(item);
                if (location >= 0)
                {
                    if (!seen[location])
                    {
                        seen[location] = true;
                        uniqueCount++;
                    }
                }
                else
                {
                    unfoundCount++;
                    if (returnIfUnfound) break;
                }
            }
        }

        public void CopyTo(T[] array) => CopyTo(array, 0, Count);
        public void CopyTo(T[] array, int arrayIndex) => CopyTo(array, arrayIndex, Count);

        public void CopyTo(T[] array, int arrayIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (arrayIndex < 0) throw new ArgumentOutOfRangeException("arrayIndex", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (arrayIndex > array.Length || count > array.Length - arrayIndex) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            Entry[] entries = _entries;
            for (int i = 0; i < _count && count != 0; i++)
            {
                ref Entry entry = ref entries[i];
                if (entry.Next >= -1)
                {
                    array[arrayIndex++] = entry.Value;
                    count--;
                }
            }
        }

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            Entry[] entries = _entries;
            int numRemoved = 0;
            for (int i = 0; i < _count; i++)
            {
                ref Entry entry = ref entries[i];
                if (entry.Next >= -1)
                {
                    T value = entry.Value;
                    if (match(value) && Remove(value)) numRemoved++;
                }
            }
            return numRemoved;
        }

        public struct Enumerator : IEnumerator<T>
        {
            private readonly HashSet<T> _hashSet;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(HashSet<T> hashSet)
            {
                _hashSet = hashSet;
                _version = hashSet._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _hashSet._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                while ((uint)_index < (uint)_hashSet._count)
                {
                    ref Entry entry = ref _hashSet._entries[_index++];
                    if (entry.Next >= -1)
                    {
                        _current = entry.Value;
                        return true;
                    }
                }
                _index = _hashSet._count + 1;
                _current = default;
                return false;
            }

            public T Current => _current;
            public void Dispose() { }

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _hashSet._count + 1) throw new InvalidOperationException("Enumeration operation could not be performed.");
                    return _current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _hashSet._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _index = 0;
                _current = default;
            }
        }
    }
}
