using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>A read-only view of contiguous memory: a managed pointer and a length. The GC reports
    /// the reference field as an interior pointer.</summary>
    public readonly ref struct ReadOnlySpan<T>
    {
        internal readonly ref T _reference;
        private readonly int _length;

        internal ReadOnlySpan(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        public ReadOnlySpan(T[] array)
        {
            if (array == null || array.Length == 0) { this = default; return; }
            _reference = ref array[0];
            _length = array.Length;
        }

        public ReadOnlySpan(T[] array, int start, int length)
        {
            if (array == null) { this = default; return; }
            if ((uint)start > (uint)array.Length || (uint)length > (uint)(array.Length - start)) throw new ArgumentOutOfRangeException();
            if (length == 0) { this = default; return; }
            _reference = ref array[start];
            _length = length;
        }

        /// <summary>Over unmanaged memory: stackalloc, fixed buffers.</summary>
        public unsafe ReadOnlySpan(void* pointer, int length)
        {
            if (length < 0) throw new ArgumentOutOfRangeException();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        public ReadOnlySpan(ref readonly T reference)
        {
            _reference = ref Unsafe.AsRef(in reference);
            _length = 1;
        }

        public int Length => _length;
        public bool IsEmpty => _length == 0;
        public static ReadOnlySpan<T> Empty => default;

        public ref readonly T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException();
                return ref Unsafe.Add(ref _reference, index);
            }
        }

        public ReadOnlySpan<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) throw new ArgumentOutOfRangeException();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), _length - start);
        }

        public ReadOnlySpan<T> Slice(int start, int length)
        {
            if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start)) throw new ArgumentOutOfRangeException();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), length);
        }

        public ref readonly T GetPinnableReference() => ref _reference;

        public void CopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length) throw new ArgumentException("Destination is too short.", "destination");
            SpanHelpers.Copy(ref _reference, ref destination._reference, _length);
        }

        public bool TryCopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length) return false;
            SpanHelpers.Copy(ref _reference, ref destination._reference, _length);
            return true;
        }

        public override bool Equals(object obj) => throw new NotSupportedException("Equals() on Span and ReadOnlySpan is not supported. Use operator== instead.");
        public override int GetHashCode() => throw new NotSupportedException("GetHashCode() on Span and ReadOnlySpan is not supported.");

        public static bool operator ==(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);
        public static bool operator !=(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => !(left == right);

        public T[] ToArray()
        {
            var result = new T[_length];
            for (int i = 0; i < _length; i++) result[i] = Unsafe.Add(ref _reference, i);
            return result;
        }

        public override string ToString()
        {
            if (default(T) is char)
            {
                string s = string.FastAllocateString(_length);
                ref char dst = ref s.GetRawData();
                ref char src = ref Unsafe.As<T, char>(ref _reference);
                for (int i = 0; i < _length; i++) Unsafe.Add(ref dst, i) = Unsafe.Add(ref src, i);
                return s;
            }
            return "System.ReadOnlySpan<" + typeof(T).Name + ">[" + _length.ToString() + "]";
        }

        public static implicit operator ReadOnlySpan<T>(T[] array) => new ReadOnlySpan<T>(array);

        public Enumerator GetEnumerator() => new Enumerator(this);

        public ref struct Enumerator
        {
            private readonly ReadOnlySpan<T> _span;
            private int _index;
            internal Enumerator(ReadOnlySpan<T> span) { _span = span; _index = -1; }
            public bool MoveNext()
            {
                int index = _index + 1;
                if (index < _span.Length) { _index = index; return true; }
                return false;
            }
            public ref readonly T Current => ref _span[_index];
        }
    }
}
