namespace System.Collections.Generic
{
    /// <summary>
    /// CoreCLR's introspective sort (ArraySortHelper&lt;T&gt;): insertion sort for partitions of at most 16,
    /// heapsort past the depth limit, median-of-three pivot. It is not stable, so elements that compare
    /// equal must move exactly as CoreCLR moves them: the comparisons and swaps below follow it step by step.
    /// </summary>
    internal static class ArraySortHelper<T>
    {
        public static void Sort(T[] keys, int index, int length, IComparer<T> comparer)
        {
            comparer ??= Comparer<T>.Default;
            Sort(keys, index, length, comparer.Compare);
        }

        public static void Sort(T[] keys, int index, int length, Comparison<T> comparer)
        {
            try
            {
                if (length > 1) IntroSort(keys, index, index + length - 1, 2 * (Log2((uint)length) + 1), comparer);
            }
            catch (IndexOutOfRangeException)
            {
                throw new ArgumentException("Unable to sort because the IComparer.Compare() method returns inconsistent results. Either a value does not compare equal to itself, or one value repeatedly compared to another value yields different results. IComparer: '" + comparer + "'.");
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("Failed to compare two elements in the array.", e);
            }
        }

        internal static int Log2(uint value)
        {
            int r = 0;
            while ((value >>= 1) != 0) r++;
            return r;
        }

        public static int BinarySearch(T[] array, int index, int length, T value, IComparer<T> comparer)
        {
            try
            {
                int lo = index;
                int hi = index + length - 1;
                while (lo <= hi)
                {
                    int i = lo + ((hi - lo) >> 1);
                    int order = comparer.Compare(array[i], value);
                    if (order == 0) return i;
                    if (order < 0) lo = i + 1;
                    else hi = i - 1;
                }
                return ~lo;
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("Failed to compare two elements in the array.", e);
            }
        }

        private static void SwapIfGreater(T[] keys, Comparison<T> comparer, int i, int j)
        {
            if (comparer(keys[i], keys[j]) > 0)
            {
                T key = keys[i];
                keys[i] = keys[j];
                keys[j] = key;
            }
        }

        private static void Swap(T[] a, int i, int j)
        {
            T t = a[i];
            a[i] = a[j];
            a[j] = t;
        }

        private static void IntroSort(T[] keys, int lo, int hi, int depthLimit, Comparison<T> comparer)
        {
            while (hi > lo)
            {
                int partitionSize = hi - lo + 1;
                if (partitionSize <= Array.IntrosortSizeThreshold)
                {
                    if (partitionSize == 2)
                    {
                        SwapIfGreater(keys, comparer, lo, hi);
                        return;
                    }
                    if (partitionSize == 3)
                    {
                        SwapIfGreater(keys, comparer, lo, hi - 1);
                        SwapIfGreater(keys, comparer, lo, hi);
                        SwapIfGreater(keys, comparer, hi - 1, hi);
                        return;
                    }
                    InsertionSort(keys, lo, hi, comparer);
                    return;
                }
                if (depthLimit == 0)
                {
                    HeapSort(keys, lo, hi, comparer);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(keys, lo, hi, comparer);
                IntroSort(keys, p + 1, hi, depthLimit, comparer);
                hi = p - 1;
            }
        }

        private static int PickPivotAndPartition(T[] keys, int lo, int hi, Comparison<T> comparer)
        {
            int middle = lo + ((hi - lo) >> 1);
            SwapIfGreater(keys, comparer, lo, middle);
            SwapIfGreater(keys, comparer, lo, hi);
            SwapIfGreater(keys, comparer, middle, hi);
            T pivot = keys[middle];
            Swap(keys, middle, hi - 1);
            int left = lo, right = hi - 1;
            while (left < right)
            {
                while (comparer(keys[++left], pivot) < 0) { }
                while (comparer(pivot, keys[--right]) < 0) { }
                if (left >= right) break;
                Swap(keys, left, right);
            }
            if (left != hi - 1) Swap(keys, left, hi - 1);
            return left;
        }

        private static void HeapSort(T[] keys, int lo, int hi, Comparison<T> comparer)
        {
            int n = hi - lo + 1;
            for (int i = n >> 1; i >= 1; i--) DownHeap(keys, i, n, lo, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, lo, lo + i - 1);
                DownHeap(keys, 1, i - 1, lo, comparer);
            }
        }

        private static void DownHeap(T[] keys, int i, int n, int lo, Comparison<T> comparer)
        {
            T d = keys[lo + i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && comparer(keys[lo + child - 1], keys[lo + child]) < 0) child++;
                if (!(comparer(d, keys[lo + child - 1]) < 0)) break;
                keys[lo + i - 1] = keys[lo + child - 1];
                i = child;
            }
            keys[lo + i - 1] = d;
        }

        private static void InsertionSort(T[] keys, int lo, int hi, Comparison<T> comparer)
        {
            for (int i = lo; i < hi; i++)
            {
                int j = i;
                T t = keys[i + 1];
                while (j >= lo && comparer(t, keys[j]) < 0)
                {
                    keys[j + 1] = keys[j];
                    j--;
                }
                keys[j + 1] = t;
            }
        }
    }

    /// <summary>The keys/items variant: every move of a key moves its item.</summary>
    internal static class ArraySortHelper<TKey, TValue>
    {
        public static void Sort(TKey[] keys, TValue[] values, int index, int length, IComparer<TKey> comparer)
        {
            comparer ??= Comparer<TKey>.Default;
            try
            {
                if (length > 1) IntroSort(keys, values, index, index + length - 1, 2 * (ArraySortHelper<TKey>.Log2((uint)length) + 1), comparer);
            }
            catch (IndexOutOfRangeException)
            {
                throw new ArgumentException("Unable to sort because the IComparer.Compare() method returns inconsistent results. Either a value does not compare equal to itself, or one value repeatedly compared to another value yields different results. IComparer: '" + comparer + "'.");
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("Failed to compare two elements in the array.", e);
            }
        }

        private static void SwapIfGreaterWithValues(TKey[] keys, TValue[] values, IComparer<TKey> comparer, int i, int j)
        {
            if (comparer.Compare(keys[i], keys[j]) > 0)
            {
                TKey key = keys[i];
                keys[i] = keys[j];
                keys[j] = key;
                TValue value = values[i];
                values[i] = values[j];
                values[j] = value;
            }
        }

        private static void Swap(TKey[] keys, TValue[] values, int i, int j)
        {
            TKey k = keys[i];
            keys[i] = keys[j];
            keys[j] = k;
            TValue v = values[i];
            values[i] = values[j];
            values[j] = v;
        }

        private static void IntroSort(TKey[] keys, TValue[] values, int lo, int hi, int depthLimit, IComparer<TKey> comparer)
        {
            while (hi > lo)
            {
                int partitionSize = hi - lo + 1;
                if (partitionSize <= Array.IntrosortSizeThreshold)
                {
                    if (partitionSize == 2)
                    {
                        SwapIfGreaterWithValues(keys, values, comparer, lo, hi);
                        return;
                    }
                    if (partitionSize == 3)
                    {
                        SwapIfGreaterWithValues(keys, values, comparer, lo, hi - 1);
                        SwapIfGreaterWithValues(keys, values, comparer, lo, hi);
                        SwapIfGreaterWithValues(keys, values, comparer, hi - 1, hi);
                        return;
                    }
                    InsertionSort(keys, values, lo, hi, comparer);
                    return;
                }
                if (depthLimit == 0)
                {
                    HeapSort(keys, values, lo, hi, comparer);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(keys, values, lo, hi, comparer);
                IntroSort(keys, values, p + 1, hi, depthLimit, comparer);
                hi = p - 1;
            }
        }

        private static int PickPivotAndPartition(TKey[] keys, TValue[] values, int lo, int hi, IComparer<TKey> comparer)
        {
            int middle = lo + ((hi - lo) >> 1);
            SwapIfGreaterWithValues(keys, values, comparer, lo, middle);
            SwapIfGreaterWithValues(keys, values, comparer, lo, hi);
            SwapIfGreaterWithValues(keys, values, comparer, middle, hi);
            TKey pivot = keys[middle];
            Swap(keys, values, middle, hi - 1);
            int left = lo, right = hi - 1;
            while (left < right)
            {
                while (comparer.Compare(keys[++left], pivot) < 0) { }
                while (comparer.Compare(pivot, keys[--right]) < 0) { }
                if (left >= right) break;
                Swap(keys, values, left, right);
            }
            if (left != hi - 1) Swap(keys, values, left, hi - 1);
            return left;
        }

        private static void HeapSort(TKey[] keys, TValue[] values, int lo, int hi, IComparer<TKey> comparer)
        {
            int n = hi - lo + 1;
            for (int i = n >> 1; i >= 1; i--) DownHeap(keys, values, i, n, lo, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, values, lo, lo + i - 1);
                DownHeap(keys, values, 1, i - 1, lo, comparer);
            }
        }

        private static void DownHeap(TKey[] keys, TValue[] values, int i, int n, int lo, IComparer<TKey> comparer)
        {
            TKey d = keys[lo + i - 1];
            TValue dValue = values[lo + i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && comparer.Compare(keys[lo + child - 1], keys[lo + child]) < 0) child++;
                if (!(comparer.Compare(d, keys[lo + child - 1]) < 0)) break;
                keys[lo + i - 1] = keys[lo + child - 1];
                values[lo + i - 1] = values[lo + child - 1];
                i = child;
            }
            keys[lo + i - 1] = d;
            values[lo + i - 1] = dValue;
        }

        private static void InsertionSort(TKey[] keys, TValue[] values, int lo, int hi, IComparer<TKey> comparer)
        {
            for (int i = lo; i < hi; i++)
            {
                int j = i;
                TKey t = keys[i + 1];
                TValue tValue = values[i + 1];
                while (j >= lo && comparer.Compare(t, keys[j]) < 0)
                {
                    keys[j + 1] = keys[j];
                    values[j + 1] = values[j];
                    j--;
                }
                keys[j + 1] = t;
                values[j + 1] = tValue;
            }
        }
    }
}
