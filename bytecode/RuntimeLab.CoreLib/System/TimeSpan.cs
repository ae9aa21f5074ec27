namespace System
{
    /// <summary>A time interval in 100-nanosecond ticks (what Stopwatch.Elapsed returns).</summary>
    public readonly struct TimeSpan : IComparable<TimeSpan>, IEquatable<TimeSpan>
    {
        public const long TicksPerMillisecond = 10_000;
        public const long TicksPerSecond = 10_000_000;
        public const long TicksPerMinute = 600_000_000;
        public const long TicksPerHour = 36_000_000_000;
        public const long TicksPerDay = 864_000_000_000;
        public static readonly TimeSpan Zero = new TimeSpan(0);

        private readonly long _ticks;

        public TimeSpan(long ticks) { _ticks = ticks; }

        public long Ticks => _ticks;
        public int Milliseconds => (int)(_ticks / TicksPerMillisecond % 1000);
        public int Seconds => (int)(_ticks / TicksPerSecond % 60);
        public int Minutes => (int)(_ticks / TicksPerMinute % 60);
        public int Hours => (int)(_ticks / TicksPerHour % 24);
        public int Days => (int)(_ticks / TicksPerDay);
        public double TotalMilliseconds => (double)_ticks / TicksPerMillisecond;
        public double TotalSeconds => (double)_ticks / TicksPerSecond;
        public double TotalMinutes => (double)_ticks / TicksPerMinute;

        public static TimeSpan FromMilliseconds(double value) => new TimeSpan((long)(value * TicksPerMillisecond));
        public static TimeSpan FromSeconds(double value) => new TimeSpan((long)(value * TicksPerSecond));
        public static TimeSpan FromTicks(long value) => new TimeSpan(value);

        public int CompareTo(TimeSpan other) => _ticks < other._ticks ? -1 : _ticks > other._ticks ? 1 : 0;
        public bool Equals(TimeSpan other) => _ticks == other._ticks;
        public override bool Equals(object obj) => obj is TimeSpan t && t._ticks == _ticks;
        public override int GetHashCode() => (int)_ticks ^ (int)(_ticks >> 32);

        public static TimeSpan operator +(TimeSpan a, TimeSpan b) => new TimeSpan(a._ticks + b._ticks);
        public static TimeSpan operator -(TimeSpan a, TimeSpan b) => new TimeSpan(a._ticks - b._ticks);
        public static bool operator ==(TimeSpan a, TimeSpan b) => a._ticks == b._ticks;
        public static bool operator !=(TimeSpan a, TimeSpan b) => a._ticks != b._ticks;
        public static bool operator <(TimeSpan a, TimeSpan b) => a._ticks < b._ticks;
        public static bool operator >(TimeSpan a, TimeSpan b) => a._ticks > b._ticks;
        public static bool operator <=(TimeSpan a, TimeSpan b) => a._ticks <= b._ticks;
        public static bool operator >=(TimeSpan a, TimeSpan b) => a._ticks >= b._ticks;
    }
}
