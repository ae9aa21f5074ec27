using System.IO;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>The program's console: stdout, stderr and stdin are the VM's (AppIo), reached through
    /// internal calls; Out and Error are TextWriters over them.</summary>
    public static class Console
    {
        // 1: stdout, 2: stderr.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void WriteToStream(int stream, string value);
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void FlushStream(int stream);
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string ReadLineFromStdin();

        private static TextWriter s_out, s_error;

        public static TextWriter Out => s_out ??= new ConsoleStreamWriter(1);
        public static TextWriter Error => s_error ??= new ConsoleStreamWriter(2);

        public static string ReadLine() => ReadLineFromStdin();

        public static void Write(string value) => Out.Write(value);
        public static void Write(object value) => Out.Write(value);
        public static void Write(char[] buffer) => Out.Write(buffer);
        public static void Write(char[] buffer, int index, int count) => Out.Write(buffer, index, count);
        public static void Write(string format, object arg0) => Out.Write(format, arg0);
        public static void Write(string format, object arg0, object arg1) => Out.Write(format, arg0, arg1);
        public static void Write(string format, object arg0, object arg1, object arg2) => Out.Write(format, arg0, arg1, arg2);
        public static void Write(string format, params object[] arg) => Out.Write(format, arg);
        public static void Write(string format, params ReadOnlySpan<object> arg) => Out.Write(string.Format(format, arg));
        public static void WriteLine() => Out.WriteLine();
        public static void WriteLine(string value) => Out.WriteLine(value);
        public static void WriteLine(object value) => Out.WriteLine(value);
        public static void WriteLine(char[] buffer) => Out.WriteLine(buffer);
        public static void WriteLine(char[] buffer, int index, int count) => Out.WriteLine(buffer, index, count);
        public static void WriteLine(string format, object arg0) => Out.WriteLine(format, arg0);
        public static void WriteLine(string format, object arg0, object arg1) => Out.WriteLine(format, arg0, arg1);
        public static void WriteLine(string format, object arg0, object arg1, object arg2) => Out.WriteLine(format, arg0, arg1, arg2);
        public static void WriteLine(string format, params object[] arg) => Out.WriteLine(format, arg);
        public static void WriteLine(string format, params ReadOnlySpan<object> arg) => Out.WriteLine(string.Format(format, arg));
        public static void Write(bool value) => Out.Write(value);
        public static void WriteLine(bool value) => Out.WriteLine(value);
        public static void Write(char value) => Out.Write(value);
        public static void WriteLine(char value) => Out.WriteLine(value);
        public static void Write(int value) => Out.Write(value);
        public static void WriteLine(int value) => Out.WriteLine(value);
        public static void Write(uint value) => Out.Write(value);
        public static void WriteLine(uint value) => Out.WriteLine(value);
        public static void Write(long value) => Out.Write(value);
        public static void WriteLine(long value) => Out.WriteLine(value);
        public static void Write(ulong value) => Out.Write(value);
        public static void WriteLine(ulong value) => Out.WriteLine(value);
        public static void Write(float value) => Out.Write(value);
        public static void WriteLine(float value) => Out.WriteLine(value);
        public static void Write(double value) => Out.Write(value);
        public static void WriteLine(double value) => Out.WriteLine(value);

        private sealed class ConsoleStreamWriter : TextWriter
        {
            private readonly int _stream;
            internal ConsoleStreamWriter(int stream) { _stream = stream; }
            public override void Write(char value) => WriteToStream(_stream, string.FromChar(value));
            public override void Write(string value) { if (value != null) WriteToStream(_stream, value); }
            public override void WriteLine(string value) => WriteToStream(_stream, value == null ? "\n" : string.Concat(value, "\n"));
            public override void Flush() => FlushStream(_stream);
        }
    }
}
