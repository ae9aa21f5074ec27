using System.Runtime.CompilerServices;

namespace System
{
    public static class Environment
    {
        /// <summary>Ends the program with <paramref name="exitCode"/>; no finally blocks run, as in CoreCLR.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Exit(int exitCode);

        public static string NewLine => "\n";

        /// <summary>Milliseconds since the host started, from the host's monotonic clock.</summary>
        public static extern long TickCount64
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }

        public static int TickCount => (int)TickCount64;

        public static int ProcessorCount => 1;

        /// <summary>Programs run on one thread; iterators compare this to know their creating thread.</summary>
        public static int CurrentManagedThreadId => 1;

        public static bool Is64BitProcess => true;
    }

    /// <summary>The collector's controls, as far as a program can see them.</summary>
    public static class GC
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Collect();

        public static void Collect(int generation) => Collect();

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long GetTotalMemory(bool forceFullCollection);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int CollectionCount(int generation);

        public static int GetGeneration(object obj)
        {
            if (obj is null) throw new ArgumentNullException(nameof(obj));
            return GenerationOf(obj);
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int GenerationOf(object obj);

        public static int MaxGeneration => 2;

        public static void KeepAlive(object obj) { }

        /// <summary>Nothing is finalized here, so nothing is ever pending.</summary>
        public static void WaitForPendingFinalizers() { }

        public static void SuppressFinalize(object obj) { }
    }
}

namespace System.Diagnostics
{
    /// <summary>Elapsed time from the host's high-resolution monotonic clock.</summary>
    public class Stopwatch
    {
        public static readonly long Frequency = GetFrequency();
        public static readonly bool IsHighResolution = true;
        private long _started;
        private long _elapsed;
        private bool _running;

        [Runtime.CompilerServices.MethodImpl(Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        public static extern long GetTimestamp();

        [Runtime.CompilerServices.MethodImpl(Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        private static extern long GetFrequency();

        public static Stopwatch StartNew()
        {
            var s = new Stopwatch();
            s.Start();
            return s;
        }

        public bool IsRunning => _running;

        public void Start()
        {
            if (_running) return;
            _started = GetTimestamp();
            _running = true;
        }

        public void Stop()
        {
            if (!_running) return;
            _elapsed += GetTimestamp() - _started;
            _running = false;
        }

        public void Reset()
        {
            _elapsed = 0;
            _running = false;
        }

        public void Restart()
        {
            _elapsed = 0;
            _started = GetTimestamp();
            _running = true;
        }

        public long ElapsedTicks => _running ? _elapsed + GetTimestamp() - _started : _elapsed;

        public long ElapsedMilliseconds => ElapsedTicks * 1000 / Frequency;

        public TimeSpan Elapsed => new TimeSpan((long)(ElapsedTicks * ((double)TimeSpan.TicksPerSecond / Frequency)));
    }
}
