namespace RuntimeLab.Lab.Harness;

/// <summary>
/// Reads a child's VmHWM (the kernel's own peak-RSS high-water mark) from /proc. The mark itself is exact, but
/// the harness can only read it while the child is alive, so growth after the last read is missed, and a child
/// that exits before the first read has no figure (null).
/// </summary>
internal static class PeakRssSampler
{
    public static long? Read(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    continue;
                var kibibytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]);
                // Read in the middle of exec, the new image has touched no pages yet: that is no peak.
                return kibibytes > 0 ? kibibytes * 1024 : null;
            }
        }
        catch (IOException)
        {
            // The child exited between samples; the last figure stands.
        }
        catch (UnauthorizedAccessException)
        {
            // Reaped and its pid reused by another user's process: not ours to read.
        }
        return null;
    }
}
