using System.Runtime.CompilerServices;

namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// The card-marking write barrier. Every store of a reference into the heap dirties the card (one
/// byte per <see cref="CardSize"/> bytes) of the slot it wrote; a minor collection scans the old
/// objects on dirty cards for references to young objects, so it need not mark the old space.
/// <para>
/// What compiled code emits inline after <c>*slot = value</c>:
/// <code>
///   off = slot - ReservedBase              ; heap base and size are constants for a VM instance
///   if (off &lt;u ReservedBytes)             ; a byref may point at the stack or statics: no card then
///       CardTable[off &gt;&gt; CardShift] = 1    ; CardShift = 9
/// </code>
/// or, where the slot is known to be in a heap object (stfld on an object, stelem.ref),
/// <c>CardTableBiased[slot &gt;&gt; 9] = 1</c> with no check.
/// </para>
/// </summary>
public sealed unsafe partial class GcHeap
{
    /// <summary>Stores <paramref name="value"/> into a reference slot (in the heap or not) and records it for the collector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreRef(nint* slot, nint value)
    {
        *slot = value;
        nuint offset = (nuint)((nint)slot - _base);
        if (offset < _reserved)
            _cards[offset >> CardShift] = 1;
    }

    public BarrierLayout Barrier => new(_base, _reserved, (nint)_cards, CardShift);

    /// <summary>The barrier alone, for a reference already stored at <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBarrier(nint* slot)
    {
        nuint offset = (nuint)((nint)slot - _base);
        if (offset < _reserved)
            _cards[offset >> CardShift] = 1;
    }

    /// <summary>
    /// The barrier for a block copy that may contain references (Array.Copy of references or of structs
    /// with references, MemberwiseClone): dirties every card of the destination range.
    /// </summary>
    public void WriteBarrierRange(nint destination, nint bytes)
    {
        if (bytes <= 0)
            return;
        nuint offset = (nuint)(destination - _base);
        if (offset >= _reserved)
            return;
        nuint first = offset >> CardShift, last = (offset + (nuint)bytes - 1) >> CardShift;
        new Span<byte>(_cards + first, (int)(last - first + 1)).Fill(1);
    }

    /// <summary>Is the card of <paramref name="address"/> dirty? (For tests and diagnostics.)</summary>
    internal bool IsCardDirty(nint address) => IsInHeap(address) && _cards[(nuint)(address - _base) >> CardShift] != 0;
}

/// <summary>What compiled code needs to emit the card-marking barrier inline: the heap's reservation
/// and the card table, fixed for the heap's lifetime.</summary>
public readonly record struct BarrierLayout(nint HeapBase, nuint HeapBytes, nint Cards, int CardShift);
