namespace System.IO
{
    /// <summary>A writer of characters. Subclasses override Write(char); the rest funnels into it
    /// (or into Write(string) where a subclass writes strings faster).</summary>
    public abstract class TextWriter : IDisposable
    {
        public static readonly TextWriter Null = new NullTextWriter();

        protected TextWriter() { }

        public virtual string NewLine { get => "\n"; set { } }
        public virtual IFormatProvider FormatProvider => null;

        public abstract void Write(char value);

        public virtual void Write(string value)
        {
            if (value == null) return;
            for (int i = 0; i < value.Length; i++) Write(value[i]);
        }

        public virtual void Write(char[] buffer)
        {
            if (buffer != null) Write(new string(buffer));
        }

        public virtual void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
        public virtual void Write(object value)
        {
            if (value != null) Write(value is IFormattable f ? f.ToString(null, FormatProvider) : value.ToString());
        }
        public virtual void Write(bool value) => Write(value.ToString());
        public virtual void WriteLine(bool value) => WriteLine(value.ToString());
        public virtual void Write(int value) => Write(value.ToString());
        public virtual void WriteLine(int value) => WriteLine(value.ToString());
        public virtual void Write(uint value) => Write(value.ToString());
        public virtual void WriteLine(uint value) => WriteLine(value.ToString());
        public virtual void Write(long value) => Write(value.ToString());
        public virtual void WriteLine(long value) => WriteLine(value.ToString());
        public virtual void Write(ulong value) => Write(value.ToString());
        public virtual void WriteLine(ulong value) => WriteLine(value.ToString());
        public virtual void Write(float value) => Write(value.ToString());
        public virtual void WriteLine(float value) => WriteLine(value.ToString());
        public virtual void Write(double value) => Write(value.ToString());
        public virtual void WriteLine(double value) => WriteLine(value.ToString());
        public virtual void Write(string format, object arg0) => Write(string.Format(format, arg0));
        public virtual void Write(string format, object arg0, object arg1) => Write(string.Format(format, arg0, arg1));
        public virtual void Write(string format, object arg0, object arg1, object arg2) => Write(string.Format(format, arg0, arg1, arg2));
        public virtual void Write(string format, params object[] arg) => Write(string.Format(format, arg));

        public virtual void WriteLine() => Write('\n');
        public virtual void WriteLine(string value) { Write(value); Write('\n'); }
        public virtual void WriteLine(char value) { Write(value); Write('\n'); }
        public virtual void WriteLine(char[] buffer) { Write(buffer); Write('\n'); }
        public virtual void WriteLine(char[] buffer, int index, int count) { Write(buffer, index, count); Write('\n'); }
        public virtual void WriteLine(object value)
        {
            if (value == null) WriteLine();
            else WriteLine(value is IFormattable f ? f.ToString(null, FormatProvider) : value.ToString());
        }
        public virtual void WriteLine(string format, object arg0) => WriteLine(string.Format(format, arg0));
        public virtual void WriteLine(string format, object arg0, object arg1) => WriteLine(string.Format(format, arg0, arg1));
        public virtual void WriteLine(string format, object arg0, object arg1, object arg2) => WriteLine(string.Format(format, arg0, arg1, arg2));
        public virtual void WriteLine(string format, params object[] arg) => WriteLine(string.Format(format, arg));

        public virtual void Flush() { }
        public virtual void Close() => Dispose(true);
        public void Dispose() => Dispose(true);
        protected virtual void Dispose(bool disposing) { }

        private sealed class NullTextWriter : TextWriter
        {
            public override void Write(char value) { }
            public override void Write(string value) { }
        }
    }

    public abstract class TextReader : IDisposable
    {
        public abstract string ReadLine();
        public void Dispose() { }
    }
}
