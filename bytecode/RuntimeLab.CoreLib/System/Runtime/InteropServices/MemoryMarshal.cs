using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices
{
    /// <summary>Spans over raw references; the compiler's inline-array helpers call CreateSpan/CreateReadOnlySpan.</summary>
    public static class MemoryMarshal
    {
        public static ReadOnlySpan<T> CreateReadOnlySpan<T>(ref readonly T reference, int length) =>
            new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);
        public static Span<T> CreateSpan<T>(ref T reference, int length) => new Span<T>(ref reference, length);
        public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;
        public static ref T GetReference<T>(Span<T> span) => ref span._reference;
        public static ref T GetArrayDataReference<T>(T[] array) => ref Unsafe.As<byte, T>(ref Unsafe.As<RawArrayData>(array).Data);
    }

    internal sealed class RawArrayData
    {
        public int Length;
        public int Padding;
        public byte Data;
    }
}
