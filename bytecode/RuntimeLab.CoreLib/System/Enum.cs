using System.Runtime.CompilerServices;

namespace System
{
    public abstract partial class Enum : IFormattable
    {
        // Names and values are the enum type's metadata, which the runtime reads.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string HostFormat(object value, string format);

        public override string ToString() => HostFormat(this, null);
        public string ToString(string format) => HostFormat(this, CheckFormat(format));
        public string ToString(IFormatProvider provider) => HostFormat(this, null);
        public string ToString(string format, IFormatProvider provider) => HostFormat(this, CheckFormat(format));

        /// <summary>Whether every bit of <paramref name="flag"/> is set (compared through the underlying values).</summary>
        public bool HasFlag(Enum flag)
        {
            if (flag == null) throw new ArgumentNullException("flag");
            if (flag.GetType() != GetType()) throw new ArgumentException("The argument type, '" + flag.GetType().FullName + "', is not the same as the enum type '" + GetType().FullName + "'.");
            ulong bits = flag.Bits;
            return (Bits & bits) == bits;
        }

        private static string CheckFormat(string format)
        {
            if (string.IsNullOrEmpty(format)) return null;
            if (format.Length == 1)
            {
                char c = format[0];
                if (c == 'G' || c == 'g' || c == 'D' || c == 'd' || c == 'X' || c == 'x' || c == 'F' || c == 'f') return format;
            }
            throw new FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
        }
    }

    public enum ConsoleColor { Black, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray, DarkGray, Blue, Green, Cyan, Red, Magenta, Yellow, White }
    public enum DayOfWeek { Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday }
}
