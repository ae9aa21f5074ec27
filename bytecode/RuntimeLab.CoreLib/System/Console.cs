using System.Runtime.CompilerServices;

namespace System
{
    public static class Console
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void WriteString(string value);

        public static void Write(string value) => WriteString(value);
        public static void Write(object value) => WriteString(value?.ToString());
        public static void Write(int value) => WriteString(value.ToString());
        public static void Write(char value) => WriteString(value.ToString());
        public static void WriteLine() => WriteString("\n");
        public static void WriteLine(string value) { WriteString(value); WriteString("\n"); }
        public static void WriteLine(object value) => WriteLine(value?.ToString());
        public static void WriteLine(int value) => WriteLine(value.ToString());
        public static void WriteLine(long value) => WriteLine(value.ToString());
        public static void WriteLine(double value) => WriteLine(value.ToString());
        public static void WriteLine(bool value) => WriteLine(value.ToString());
        public static void WriteLine(char value) => WriteLine(value.ToString());
    }
}
