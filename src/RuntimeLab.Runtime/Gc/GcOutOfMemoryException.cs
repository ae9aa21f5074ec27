namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// An allocation did not fit even after a full collection: the heap limit (or the reserved address
/// space) is exhausted. The interpreter turns it into the managed OutOfMemoryException. The heap is
/// left consistent and usable: nothing was allocated.
/// </summary>
public sealed class GcOutOfMemoryException(long requestedBytes, long heapBytes, long limitBytes)
    : Exception($"GC heap exhausted: {requestedBytes} bytes requested, {heapBytes} in use, limit {(limitBytes > 0 ? limitBytes.ToString() : "none")}.")
{
    public long RequestedBytes { get; } = requestedBytes;
    public long HeapBytes { get; } = heapBytes;
    public long LimitBytes { get; } = limitBytes;
}
