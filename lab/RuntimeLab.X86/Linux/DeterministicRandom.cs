namespace RuntimeLab.X86.Linux;

/// <summary>
/// The guest's only source of randomness (AT_RANDOM, getrandom): SplitMix64 from a seed, so that a run
/// is reproducible across machines and .NET versions, unlike System.Random's unseeded or future algorithms.
/// </summary>
public sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextU64()
    {
        var z = _state += 0x9E37_79B9_7F4A_7C15;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }

    public void Fill(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i += 8)
        {
            var value = NextU64();
            for (var j = 0; j < 8 && i + j < destination.Length; j++) destination[i + j] = (byte)(value >> (8 * j));
        }
    }
}
