using System.Runtime.CompilerServices;

namespace System
{
    public abstract partial class Array
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern Array HostCreateMultiDim(RuntimeType elementType, int[] lengths, int[] lowerBounds);

        /// <summary>An array of any rank and lower bounds: always a multi-dimensional array type (T[*] for rank 1), as in CoreCLR.</summary>
        public static Array CreateInstance(Type elementType, int[] lengths, int[] lowerBounds)
        {
            if (elementType == null) throw new ArgumentNullException("elementType");
            if (lengths == null) throw new ArgumentNullException("lengths");
            if (lowerBounds == null) throw new ArgumentNullException("lowerBounds");
            if (lengths.Length != lowerBounds.Length) throw new ArgumentException("The arrays must have the same number of elements.");
            if (lengths.Length == 0) throw new ArgumentException("Must provide at least one rank.");
            for (int i = 0; i < lengths.Length; i++)
                if (lengths[i] < 0) throw new ArgumentOutOfRangeException("lengths[" + i.ToString() + "]", "Non-negative number required.");
            return HostCreateMultiDim((RuntimeType)elementType, lengths, lowerBounds);
        }
    }
}
