using System.Collections;
using System.Collections.Generic;

namespace System
{
    /// <summary>A string is a sequence of its chars (foreach compiles to indexing; LINQ uses this).</summary>
    public sealed partial class String : IEnumerable<char>
    {
        public CharEnumerator GetEnumerator() => new CharEnumerator(this);
        IEnumerator<char> IEnumerable<char>.GetEnumerator() => new CharEnumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new CharEnumerator(this);
    }

    public sealed class CharEnumerator : IEnumerator<char>
    {
        private readonly string _text;
        private int _index = -1;
        internal CharEnumerator(string text) { _text = text; }
        public bool MoveNext() => ++_index < _text.Length;
        public char Current => _text[_index];
        object IEnumerator.Current => Current;
        public void Reset() => _index = -1;
        public void Dispose() { }
    }
}

namespace System
{
    public static class Activator
    {
        /// <summary>`new T()` in generic code: the runtime allocates a T and runs its parameterless constructor.</summary>
        [Runtime.CompilerServices.MethodImpl(Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        public static extern T CreateInstance<T>();
    }
}
