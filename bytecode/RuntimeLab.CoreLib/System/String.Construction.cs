namespace System
{
    // `newobj string::.ctor(...)` is prepared as a call to the static Ctor with the same
    // parameters (Preparer.EmitCall): a string's size is only known from the arguments.
    public sealed partial class String
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        public extern String(char c, int count);
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        public extern String(char[] value);
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        public extern String(ReadOnlySpan<char> value);

        private static string Ctor(char c, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), "Count cannot be less than zero.");
            if (count == 0) return Empty;
            string s = FastAllocateString(count);
            for (int i = 0; i < count; i++) s.At(i) = c;
            return s;
        }

        private static string Ctor(char[] value)
        {
            if (value == null || value.Length == 0) return Empty;
            return Ctor(value, 0, value.Length);
        }

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), "StartIndex cannot be less than zero.");
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), "Length cannot be less than zero.");
            if (startIndex > value.Length - length) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index and length must refer to a location within the string.");
            if (length == 0) return Empty;
            string s = FastAllocateString(length);
            for (int i = 0; i < length; i++) s.At(i) = value[startIndex + i];
            return s;
        }

        private static string Ctor(ReadOnlySpan<char> value)
        {
            if (value.Length == 0) return Empty;
            string s = FastAllocateString(value.Length);
            for (int i = 0; i < value.Length; i++) s.At(i) = value[i];
            return s;
        }

    }
}
