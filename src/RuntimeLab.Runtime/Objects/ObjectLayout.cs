namespace RuntimeLab.Runtime.Objects;

/// <summary>
/// The layout of objects in RuntimeLab's heap. An object reference points at the object's
/// MethodTable pointer; one header word precedes it for the GC (mark bit, age) and the hash code.
/// <code>
///   -8  header word     ObjectHeader bits
///    0  MethodTable*
///    8  fields …                               (objects: in declaration order, each aligned to its size)
///    8  int32 Length, 4 bytes padding          (arrays)
///   16  elements …                             (SZ arrays)
///   16  int32 lengths[rank], int32 lowerBounds[rank], then elements at 16 + 8·rank  (MD arrays)
///    8  int32 Length, UTF-16 chars at 12, a terminating NUL   (strings)
/// </code>
/// Every allocation is a multiple of 8 bytes, header included. Value types, unboxed, hold their fields
/// from offset 0; boxed, from offset 8.
/// </summary>
public static class ObjectLayout
{
    public const int HeaderSize = 8;
    public const int MethodTableOffset = 0;
    public const int FirstFieldOffset = 8;
    public const int ArrayLengthOffset = 8;
    public const int SzArrayDataOffset = 16;
    public const int StringLengthOffset = 8;
    public const int StringCharsOffset = 12;
    /// <summary>Fixed part of a string from the object pointer: MT, length, and the terminating NUL.</summary>
    public const int StringBaseSize = StringCharsOffset + 2;

    public static int MdArrayDataOffset(int rank) => SzArrayDataOffset + 8 * rank;
}

/// <summary>Bits of the header word at object − 8.</summary>
[Flags]
public enum ObjectHeader : ulong
{
    None = 0,
    Marked = 1,
    /// <summary>Survived a collection: old generation (bits 1–2 hold the age).</summary>
    AgeMask = 0b110,
    AgeShift = 1,
    /// <summary>Bits 32–63: the identity hash code once one is asked for (bit 31 says it is set).</summary>
    HasHashCode = 1UL << 31,
}
