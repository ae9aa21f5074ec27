namespace System.Text
{
    /// <summary>A mutable string: one growable char buffer (CoreCLR chains chunks; nothing observable differs).</summary>
    public sealed partial class StringBuilder
    {
        private char[] _chars;
        private int _length;
        private readonly int _maxCapacity = int.MaxValue;

        public StringBuilder() : this(16) { }

        public StringBuilder(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), "'capacity' must be greater than zero.");
            _chars = new char[capacity == 0 ? 16 : capacity];
        }

        public StringBuilder(string value) : this(value, 16) { }

        public StringBuilder(string value, int capacity) : this(Math.Max(capacity, value?.Length ?? 0))
        {
            Append(value);
        }

        public StringBuilder(int capacity, int maxCapacity) : this(capacity) { _maxCapacity = maxCapacity; }

        public StringBuilder(string value, int startIndex, int length, int capacity) : this(Math.Max(capacity, length))
        {
            Append(value, startIndex, length);
        }

        public int Length
        {
            get => _length;
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "Length cannot be less than zero.");
                EnsureCapacity(value);
                for (int i = _length; i < value; i++) _chars[i] = '\0';
                _length = value;
            }
        }

        public int Capacity
        {
            get => _chars.Length;
            set
            {
                if (value < _length) throw new ArgumentOutOfRangeException(nameof(value), "capacity was less than the current size.");
                if (value != _chars.Length) Resize(value);
            }
        }

        public int MaxCapacity => _maxCapacity;

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException();
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
                _chars[index] = value;
            }
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            if (capacity > _chars.Length)
            {
                int grown = _chars.Length * 2;
                Resize(grown > capacity ? grown : capacity);
            }
            return _chars.Length;
        }

        private void Resize(int capacity)
        {
            var bigger = new char[capacity];
            for (int i = 0; i < _length; i++) bigger[i] = _chars[i];
            _chars = bigger;
        }

        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        public override string ToString() => new string(_chars, 0, _length);

        public string ToString(int startIndex, int length)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), "StartIndex cannot be less than zero.");
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), "Length cannot be less than zero.");
            if (startIndex > _length - length) throw new ArgumentOutOfRangeException(nameof(length), "Index and length must refer to a location within the string.");
            return new string(_chars, startIndex, length);
        }

        public bool Equals(StringBuilder sb)
        {
            if (sb == null || sb._length != _length) return false;
            for (int i = 0; i < _length; i++) if (_chars[i] != sb._chars[i]) return false;
            return true;
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (sourceIndex < 0 || count < 0 || sourceIndex > _length - count) throw new ArgumentOutOfRangeException(nameof(sourceIndex));
            for (int i = 0; i < count; i++) destination[destinationIndex + i] = _chars[sourceIndex + i];
        }
    }
}
