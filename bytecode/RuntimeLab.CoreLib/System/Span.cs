using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>A writable view of contiguous memory (an array, a stackalloc buffer, an inline array):
    /// a managed pointer and a length. The GC reports the reference field as an interior pointer.</summary>
    public readonly ref struct Span<T>
    {
        internal readonly ref T _reference;
        private readonly int _length;

        internal Span(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        public Span(ref T reference)
        {
            _reference = ref reference;
            _length = 1;
        }

        public Span(T[] array)
        {
            if (array == null || array.Length == 0) { this = default; return; }
            _reference = ref array[0];
            _length = array.Length;
        }

        public Span(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException();
                this = default;
                return;
            }
            if ((uint)start > (uint)array.Length || (uint)length > (uint)(array.Length - start)) throw new ArgumentOutOfRangeException();
            if (length == 0) { this = default; return; }
            _reference = ref array[start];
            _length = length;
        }

        /// <summary>Over unmanaged memory: stackalloc, fixed buffers.</summary>
        public unsafe Span(void* pointer, int length)
        {
            if (length < 0) throw new ArgumentOutOfRangeException();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        public int Length => _length;
        public bool IsEmpty => _length == 0;
        public static Span<T> Empty => default;

        public ref T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException();
                return ref Unsafe.Add(ref _reference, index);
            }
        }

        public ref T GetPinnableReference() => ref _reference;

        public Span<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) throw new ArgumentOutOfRangeException();
            return new Span<T>(ref Unsafe.Add(ref _reference, start), _length - start);
        }

        public Span<T> Slice(int start, int length)
        {
            if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start)) throw new ArgumentOutOfRangeException();
            return new Span<T>(ref Unsafe.Add(ref _reference, start), length);
        }

        public void Clear()
        {
            for (int i = 0; i < _length; i++) Unsafe.Add(ref _reference, i) = default;
        }

        public void Fill(T value)
        {
            for (int i = 0; i < _length; i++) Unsafe.Add(ref _reference, i) = value;
        }

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

        public T[] ToArray() => ((ReadOnlySpan<T>)this).ToArray();
        public override string ToString() => default(T) is char ? ((ReadOnlySpan<T>)this).ToString() : "System.Span<" + typeof(T).Name + ">[" + _length.ToString() + "]";

        public override bool Equals(object obj) => throw new NotSupportedException("Equals() on Span and ReadOnlySpan is not supported. Use operator== instead.");
        public override int GetHashCode() => throw new NotSupportedException("GetHashCode() on Span and ReadOnlySpan is not supported.");

        public static bool operator ==(Span<T> left, Span<T> right) => left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);
        public static bool operator !=(Span<T> left, Span<T> right) => !(left == right);

        public static implicit operator Span<T>(T[] array) => new Span<T>(array);
        public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

        public Enumerator GetEnumerator() => new Enumerator(this);

        public ref struct Enumerator
        {
            private readonly Span<T> _span;
            private int _index;
            internal Enumerator(Span<T> span) { _span = span; _index = -1; }
            public bool MoveNext()
            {
                int index = _index + 1;
                if (index < _span.Length) { _index = index; return true; }
                return false;
            }
            public ref T Current => ref _span[_index];
        }
    }

    internal static class SpanHelpers
    {
        /// <summary>memmove semantics: overlapping source and destination copy as if through a temporary.</summary>
        internal static void Copy<T>(ref T source, ref T destination, int length)
        {
            if (Unsafe.IsAddressGreaterThan(ref destination, ref source))
                for (int i = length - 1; i >= 0; i--) Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
            else
                for (int i = 0; i < length; i++) Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
        }
    }
}
