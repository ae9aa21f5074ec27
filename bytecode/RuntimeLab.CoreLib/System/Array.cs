using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System
{
    public delegate TOutput Converter<in TInput, out TOutput>(TInput input);

    /// <summary>The base of every array type. Shape and untyped element moves are internal calls (they need the
    /// element type); typed algorithms are generic C#. Sorts port CoreCLR's introsort so that elements that
    /// compare equal end in the same order.</summary>
    public abstract partial class Array : IList, ICollection, IEnumerable
    {
        internal const int IntrosortSizeThreshold = 16;
        public static int MaxLength => 0x7FFFFFC7;

        public extern int Length { [MethodImpl(MethodImplOptions.InternalCall)] get; }
        public long LongLength => Length;
        public extern int Rank { [MethodImpl(MethodImplOptions.InternalCall)] get; }
        [MethodImpl(MethodImplOptions.InternalCall)] public extern int GetLength(int dimension);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern int GetLowerBound(int dimension);
        public int GetUpperBound(int dimension) => GetLowerBound(dimension) + GetLength(dimension) - 1;
        public long GetLongLength(int dimension) => GetLength(dimension);

        [MethodImpl(MethodImplOptions.InternalCall)] private static extern bool HasSameElementType(Array a, Array b);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern void MoveElements(Array src, int srcIndex, Array dst, int dstIndex, int length);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern void ClearElements(Array array, int index, int length);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern object GetFlattened(Array array, int index);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern void SetFlattened(Array array, object value, int index);

        public object Clone() => MemberwiseClone();

        public bool IsFixedSize => true;
        public bool IsReadOnly => false;
        public bool IsSynchronized => false;
        public object SyncRoot => this;
        int ICollection.Count => Length;

        object IList.this[int index]
        {
            get => GetValue(index);
            set => SetValue(value, index);
        }
        int IList.Add(object value) => throw new NotSupportedException("Collection was of a fixed size.");
        bool IList.Contains(object value) => IndexOf(this, value) >= GetLowerBound(0);
        void IList.Clear() => Clear(this);
        int IList.IndexOf(object value) => IndexOf(this, value);
        void IList.Insert(int index, object value) => throw new NotSupportedException("Collection was of a fixed size.");
        void IList.Remove(object value) => throw new NotSupportedException("Collection was of a fixed size.");
        void IList.RemoveAt(int index) => throw new NotSupportedException("Collection was of a fixed size.");

        public IEnumerator GetEnumerator() => new ArrayEnumerator(this);

        // ---- element access by object ----

        private int FlatIndex(int index)
        {
            if (Rank != 1) throw new ArgumentException("Array was not a one-dimensional array.");
            int i = index - GetLowerBound(0);
            if ((uint)i >= (uint)Length) throw new IndexOutOfRangeException();
            return i;
        }

        private int FlatIndex(int[] indices)
        {
            if (indices.Length != Rank) throw new ArgumentException("Indices length does not match the array rank.");
            int flat = 0;
            for (int d = 0; d < indices.Length; d++)
            {
                int i = indices[d] - GetLowerBound(d);
                int len = GetLength(d);
                if ((uint)i >= (uint)len) throw new IndexOutOfRangeException();
                flat = flat * len + i;
            }
            return flat;
        }

        public object GetValue(int index) => GetFlattened(this, FlatIndex(index));
        public object GetValue(int index1, int index2) => GetFlattened(this, FlatIndex(new[] { index1, index2 }));
        public object GetValue(int index1, int index2, int index3) => GetFlattened(this, FlatIndex(new[] { index1, index2, index3 }));
        public object GetValue(params int[] indices) => GetFlattened(this, FlatIndex(indices));
        public object GetValue(long index) => GetValue((int)index);
        public void SetValue(object value, int index) => SetFlattened(this, value, FlatIndex(index));
        public void SetValue(object value, int index1, int index2) => SetFlattened(this, value, FlatIndex(new[] { index1, index2 }));
        public void SetValue(object value, int index1, int index2, int index3) => SetFlattened(this, value, FlatIndex(new[] { index1, index2, index3 }));
        public void SetValue(object value, params int[] indices) => SetFlattened(this, value, FlatIndex(indices));
        public void SetValue(object value, long index) => SetValue(value, (int)index);

        internal object InternalGetFlattened(int index) => GetFlattened(this, index);

        // ---- copying and clearing ----

        public static void Copy(Array sourceArray, Array destinationArray, int length)
        {
            if (sourceArray == null) throw new ArgumentNullException("sourceArray");
            if (destinationArray == null) throw new ArgumentNullException("destinationArray");
            Copy(sourceArray, sourceArray.GetLowerBound(0), destinationArray, destinationArray.GetLowerBound(0), length);
        }

        public static void Copy(Array sourceArray, Array destinationArray, long length) => Copy(sourceArray, destinationArray, (int)length);
        public static void Copy(Array sourceArray, long sourceIndex, Array destinationArray, long destinationIndex, long length) =>
            Copy(sourceArray, (int)sourceIndex, destinationArray, (int)destinationIndex, (int)length);

        public static void ConstrainedCopy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length) =>
            Copy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);

        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null) throw new ArgumentNullException("sourceArray");
            if (destinationArray == null) throw new ArgumentNullException("destinationArray");
            if (sourceArray.Rank != destinationArray.Rank) throw new RankException("Attempted to operate on an array with the incorrect number of dimensions.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
            int srcLb = sourceArray.GetLowerBound(0);
            if (sourceIndex < srcLb || sourceIndex - srcLb < 0) throw new ArgumentOutOfRangeException("sourceIndex", "Number was less than the array's lower bound in the first dimension.");
            sourceIndex -= srcLb;
            int dstLb = destinationArray.GetLowerBound(0);
            if (destinationIndex < dstLb || destinationIndex - dstLb < 0) throw new ArgumentOutOfRangeException("destinationIndex", "Number was less than the array's lower bound in the first dimension.");
            destinationIndex -= dstLb;
            if ((uint)(sourceIndex + length) > (uint)sourceArray.Length) throw new ArgumentException("Source array was not long enough. Check the source index, length, and the array's lower bounds.", "sourceArray");
            if ((uint)(destinationIndex + length) > (uint)destinationArray.Length) throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.", "destinationArray");
            if (HasSameElementType(sourceArray, destinationArray))
            {
                MoveElements(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
                return;
            }
            // Different element types: box, cast or widen each element (overlap is impossible here).
            for (int i = 0; i < length; i++)
                SetFlattened(destinationArray, GetFlattened(sourceArray, sourceIndex + i), destinationIndex + i);
        }

        public void CopyTo(Array array, int index)
        {
            if (array != null && array.Rank != 1) throw new ArgumentException("Only single dimensional arrays are supported for the requested action.", "array");
            Copy(this, GetLowerBound(0), array, index, Length);
        }

        public void CopyTo(Array array, long index) => CopyTo(array, (int)index);

        public static void Clear(Array array)
        {
            if (array == null) throw new ArgumentNullException("array");
            ClearElements(array, 0, array.Length);
        }

        public static void Clear(Array array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException("array");
            int lb = array.GetLowerBound(0);
            int offset = index - lb;
            if (index < lb || offset < 0 || length < 0 || (uint)(offset + length) > (uint)array.Length)
                throw new IndexOutOfRangeException();
            ClearElements(array, offset, length);
        }

        public static T[] Empty<T>() => EmptyArray<T>.Value;

        public static void Resize<T>(ref T[] array, int newSize)
        {
            if (newSize < 0) throw new ArgumentOutOfRangeException("newSize", "Non-negative number required.");
            T[] larray = array;
            if (larray == null)
            {
                array = new T[newSize];
                return;
            }
            if (larray.Length != newSize)
            {
                T[] newArray = new T[newSize];
                Copy(larray, newArray, larray.Length > newSize ? newSize : larray.Length);
                array = newArray;
            }
        }

        public static void Fill<T>(T[] array, T value)
        {
            if (array == null) throw new ArgumentNullException("array");
            for (int i = 0; i < array.Length; i++) array[i] = value;
        }

        public static void Fill<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if ((uint)count > (uint)(array.Length - startIndex)) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            for (int i = startIndex; i < startIndex + count; i++) array[i] = value;
        }

        // ---- searching ----

        public static int IndexOf(Array array, object value)
        {
            if (array == null) throw new ArgumentNullException("array");
            int lb = array.GetLowerBound(0);
            for (int i = 0; i < array.Length; i++)
                if (object.Equals(GetFlattened(array, i), value)) return i + lb;
            return lb - 1;
        }

        public static int IndexOf<T>(T[] array, T value)
        {
            if (array == null) throw new ArgumentNullException("array");
            return IndexOfCore(array, value, 0, array.Length);
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            return IndexOfCore(array, value, startIndex, array.Length - startIndex);
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if ((uint)count > (uint)(array.Length - startIndex)) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            return IndexOfCore(array, value, startIndex, count);
        }

        internal static int IndexOfCore<T>(T[] array, T value, int startIndex, int count)
        {
            var comparer = EqualityComparer<T>.Default;
            for (int i = startIndex; i < startIndex + count; i++)
                if (comparer.Equals(array[i], value)) return i;
            return -1;
        }

        public static int LastIndexOf<T>(T[] array, T value)
        {
            if (array == null) throw new ArgumentNullException("array");
            return LastIndexOf(array, value, array.Length - 1, array.Length);
        }

        public static int LastIndexOf<T>(T[] array, T value, int startIndex) => LastIndexOf(array, value, startIndex, array == null ? 0 : startIndex + 1);

        public static int LastIndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (array.Length == 0) return -1;
            if ((uint)startIndex >= (uint)array.Length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || startIndex - count + 1 < 0) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            return LastIndexOfCore(array, value, startIndex, count);
        }

        internal static int LastIndexOfCore<T>(T[] array, T value, int startIndex, int count)
        {
            var comparer = EqualityComparer<T>.Default;
            for (int i = startIndex; i > startIndex - count; i--)
                if (comparer.Equals(array[i], value)) return i;
            return -1;
        }

        public static bool Exists<T>(T[] array, Predicate<T> match) => FindIndex(array, match) != -1;

        public static T Find<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = 0; i < array.Length; i++)
                if (match(array[i])) return array[i];
            return default;
        }

        public static T FindLast<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = array.Length - 1; i >= 0; i--)
                if (match(array[i])) return array[i];
            return default;
        }

        public static T[] FindAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            var list = new List<T>();
            for (int i = 0; i < array.Length; i++)
                if (match(array[i])) list.Add(array[i]);
            return list.ToArray();
        }

        public static int FindIndex<T>(T[] array, Predicate<T> match) => FindIndex(array, 0, array == null ? 0 : array.Length, match);
        public static int FindIndex<T>(T[] array, int startIndex, Predicate<T> match) => FindIndex(array, startIndex, array == null ? 0 : array.Length - startIndex, match);

        public static int FindIndex<T>(T[] array, int startIndex, int count, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (startIndex < 0 || startIndex > array.Length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (count < 0 || startIndex > array.Length - count) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = startIndex; i < startIndex + count; i++)
                if (match(array[i])) return i;
            return -1;
        }

        public static int FindLastIndex<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = array.Length - 1; i >= 0; i--)
                if (match(array[i])) return i;
            return -1;
        }

        public static bool TrueForAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = 0; i < array.Length; i++)
                if (!match(array[i])) return false;
            return true;
        }

        public static void ForEach<T>(T[] array, Action<T> action)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (action == null) throw new ArgumentNullException("action");
            for (int i = 0; i < array.Length; i++) action(array[i]);
        }

        public static TOutput[] ConvertAll<TInput, TOutput>(TInput[] array, Converter<TInput, TOutput> converter)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (converter == null) throw new ArgumentNullException("converter");
            var result = new TOutput[array.Length];
            for (int i = 0; i < array.Length; i++) result[i] = converter(array[i]);
            return result;
        }

        public static System.Collections.ObjectModel.ReadOnlyCollection<T> AsReadOnly<T>(T[] array)
        {
            if (array == null) throw new ArgumentNullException("array");
            return new System.Collections.ObjectModel.ReadOnlyCollection<T>(array);
        }

        // ---- reversing ----

        public static void Reverse<T>(T[] array)
        {
            if (array == null) throw new ArgumentNullException("array");
            ReverseCore(array, 0, array.Length);
        }

        public static void Reverse<T>(T[] array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
            if (array.Length - index < length) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            ReverseCore(array, index, length);
        }

        internal static void ReverseCore<T>(T[] array, int index, int length)
        {
            int i = index, j = index + length - 1;
            while (i < j)
            {
                T t = array[i];
                array[i] = array[j];
                array[j] = t;
                i++;
                j--;
            }
        }

        public static void Reverse(Array array)
        {
            if (array == null) throw new ArgumentNullException("array");
            Reverse(array, array.GetLowerBound(0), array.Length);
        }

        public static void Reverse(Array array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException("array");
            int lb = array.GetLowerBound(0);
            if (index < lb) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
            if (array.Length - (index - lb) < length) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (array.Rank != 1) throw new RankException("Only single dimension arrays are supported here.");
            int i = index - lb, j = index - lb + length - 1;
            while (i < j)
            {
                object t = GetFlattened(array, i);
                SetFlattened(array, GetFlattened(array, j), i);
                SetFlattened(array, t, j);
                i++;
                j--;
            }
        }

        // ---- sorting and binary search ----

        public static void Sort<T>(T[] array)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (array.Length > 1) ArraySortHelper<T>.Sort(array, 0, array.Length, (IComparer<T>)null);
        }

        public static void Sort<T>(T[] array, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (array.Length > 1) ArraySortHelper<T>.Sort(array, 0, array.Length, comparer);
        }

        public static void Sort<T>(T[] array, int index, int length) => Sort(array, index, length, (IComparer<T>)null);

        public static void Sort<T>(T[] array, int index, int length, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            CheckRange(array.Length, index, length);
            if (length > 1) ArraySortHelper<T>.Sort(array, index, length, comparer);
        }

        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (comparison == null) throw new ArgumentNullException("comparison");
            if (array.Length > 1) ArraySortHelper<T>.Sort(array, 0, array.Length, comparison);
        }

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items) => Sort(keys, items, (IComparer<TKey>)null);

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, IComparer<TKey> comparer)
        {
            if (keys == null) throw new ArgumentNullException("keys");
            Sort(keys, items, 0, keys.Length, comparer);
        }

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length) => Sort(keys, items, index, length, null);

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length, IComparer<TKey> comparer)
        {
            if (keys == null) throw new ArgumentNullException("keys");
            CheckRange(keys.Length, index, length);
            if (items != null && index > items.Length - length) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (length > 1)
            {
                if (items == null) ArraySortHelper<TKey>.Sort(keys, index, length, comparer);
                else ArraySortHelper<TKey, TValue>.Sort(keys, items, index, length, comparer);
            }
        }

        public static void Sort(Array array) => Sort(array, null, array == null ? 0 : array.GetLowerBound(0), array == null ? 0 : array.Length, null);
        public static void Sort(Array array, IComparer comparer) => Sort(array, null, array == null ? 0 : array.GetLowerBound(0), array == null ? 0 : array.Length, comparer);
        public static void Sort(Array keys, Array items) => Sort(keys, items, keys == null ? 0 : keys.GetLowerBound(0), keys == null ? 0 : keys.Length, null);

        public static void Sort(Array keys, Array items, int index, int length, IComparer comparer)
        {
            if (keys == null) throw new ArgumentNullException("keys");
            if (length <= 1) return;
            // Untyped arrays sort as object[] copies: the comparisons and moves match the generic sort.
            int lb = keys.GetLowerBound(0);
            var k = new object[length];
            for (int i = 0; i < length; i++) k[i] = GetFlattened(keys, index - lb + i);
            IComparer<object> c = comparer == null ? null : new ComparisonComparer<object>(comparer.Compare);
            object[] it = null;
            if (items != null)
            {
                it = new object[length];
                for (int i = 0; i < length; i++) it[i] = GetFlattened(items, index - lb + i);
                ArraySortHelper<object, object>.Sort(k, it, 0, length, c);
            }
            else ArraySortHelper<object>.Sort(k, 0, length, c);
            for (int i = 0; i < length; i++)
            {
                SetFlattened(keys, k[i], index - lb + i);
                if (it != null) SetFlattened(items, it[i], index - lb + i);
            }
        }

        private static void CheckRange(int arrayLength, int index, int length)
        {
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
            if (arrayLength - index < length) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        }

        public static int BinarySearch<T>(T[] array, T value) => BinarySearch(array, 0, array == null ? 0 : array.Length, value, null);
        public static int BinarySearch<T>(T[] array, T value, IComparer<T> comparer) => BinarySearch(array, 0, array == null ? 0 : array.Length, value, comparer);
        public static int BinarySearch<T>(T[] array, int index, int length, T value) => BinarySearch(array, index, length, value, null);

        public static int BinarySearch<T>(T[] array, int index, int length, T value, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            CheckRange(array.Length, index, length);
            return ArraySortHelper<T>.BinarySearch(array, index, length, value, comparer ?? Comparer<T>.Default);
        }

        public static int BinarySearch(Array array, object value) => BinarySearch(array, value, null);

        public static int BinarySearch(Array array, object value, IComparer comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            comparer ??= Comparer.Default;
            int lb = array.GetLowerBound(0);
            int lo = 0, hi = array.Length - 1;
            while (lo <= hi)
            {
                int i = lo + ((hi - lo) >> 1);
                int c = comparer.Compare(GetFlattened(array, i), value);
                if (c == 0) return i + lb;
                if (c < 0) lo = i + 1; else hi = i - 1;
            }
            return ~lo + lb;
        }

        private sealed class ArrayEnumerator : IEnumerator
        {
            private readonly Array _array;
            private int _index = -1;
            public ArrayEnumerator(Array array) { _array = array; }
            public bool MoveNext()
            {
                if (_index < _array.Length) _index++;
                return _index < _array.Length;
            }
            public object Current
            {
                get
                {
                    if (_index < 0) throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                    if (_index >= _array.Length) throw new InvalidOperationException("Enumeration already finished.");
                    return GetFlattened(_array, _index);
                }
            }
            public void Reset() => _index = -1;
        }
    }

    internal static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }

    public class RankException : SystemException
    {
        public RankException() : base("Attempted to operate on an array with the incorrect number of dimensions.") { }
        public RankException(string message) : base(message) { }
    }
}
