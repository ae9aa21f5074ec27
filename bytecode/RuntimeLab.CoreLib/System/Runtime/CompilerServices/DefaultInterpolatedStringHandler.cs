namespace System.Runtime.CompilerServices
{
    /// <summary>What the compiler lowers every <c>$"..."</c> to. Each instantiation of the generic
    /// AppendFormatted is its own code here, so testing T for IFormattable costs one box at most.</summary>
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        private char[] _chars;
        private int _pos;
        private readonly IFormatProvider _provider;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _chars = new char[literalLength + formattedCount * 11 + 1];
            _pos = 0;
            _provider = null;
        }

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider)
        {
            _chars = new char[literalLength + formattedCount * 11 + 1];
            _pos = 0;
            _provider = provider;
        }

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider, Span<char> initialBuffer)
            : this(literalLength, formattedCount, provider) { }

        public void AppendLiteral(string value) => AppendString(value);

        public void AppendFormatted<T>(T value) => AppendString(string.FormatArgument(value, null, _provider));
        public void AppendFormatted<T>(T value, string format) => AppendString(string.FormatArgument(value, format, _provider));
        public void AppendFormatted<T>(T value, int alignment) => AppendAligned(string.FormatArgument(value, null, _provider), alignment);
        public void AppendFormatted<T>(T value, int alignment, string format) => AppendAligned(string.FormatArgument(value, format, _provider), alignment);
        public void AppendFormatted(ReadOnlySpan<char> value)
        {
            Grow(value.Length);
            for (int i = 0; i < value.Length; i++) _chars[_pos++] = value[i];
        }
        public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string format = null) => AppendAligned(value.ToString(), alignment);
        public void AppendFormatted(string value) => AppendString(value);
        public void AppendFormatted(string value, int alignment = 0, string format = null) => AppendAligned(value, alignment);
        public void AppendFormatted(object value, int alignment = 0, string format = null) => AppendAligned(string.FormatArgument(value, format, _provider), alignment);

        public override string ToString() => new string(_chars, 0, _pos);

        public string ToStringAndClear()
        {
            string result = new string(_chars, 0, _pos);
            _chars = null;
            _pos = 0;
            return result;
        }

        public void Clear()
        {
            _chars = null;
            _pos = 0;
        }

        public ReadOnlySpan<char> Text => new ReadOnlySpan<char>(_chars, 0, _pos);

        private void AppendString(string s)
        {
            if (s == null) return;
            Grow(s.Length);
            for (int i = 0; i < s.Length; i++) _chars[_pos++] = s[i];
        }

        private void AppendAligned(string s, int alignment)
        {
            s ??= "";
            int pad = (alignment < 0 ? -alignment : alignment) - s.Length;
            if (alignment > 0 && pad > 0) AppendPadding(pad);
            AppendString(s);
            if (alignment < 0 && pad > 0) AppendPadding(pad);
        }

        private void AppendPadding(int count)
        {
            Grow(count);
            for (int i = 0; i < count; i++) _chars[_pos++] = ' ';
        }

        private void Grow(int additional)
        {
            _chars ??= new char[16];
            if (_pos + additional <= _chars.Length) return;
            int size = _chars.Length * 2;
            if (size < _pos + additional) size = _pos + additional;
            var bigger = new char[size];
            for (int i = 0; i < _pos; i++) bigger[i] = _chars[i];
            _chars = bigger;
        }
    }

    public static class FormattableStringFactory
    {
        public static FormattableString Create(string format, params object[] arguments)
        {
            if (format == null) throw new ArgumentNullException(nameof(format));
            if (arguments == null) throw new ArgumentNullException(nameof(arguments));
            return new ConcreteFormattableString(format, arguments);
        }

        private sealed class ConcreteFormattableString : FormattableString
        {
            private readonly string _format;
            private readonly object[] _arguments;
            internal ConcreteFormattableString(string format, object[] arguments) { _format = format; _arguments = arguments; }
            public override string Format => _format;
            public override object[] GetArguments() => _arguments;
            public override int ArgumentCount => _arguments.Length;
            public override object GetArgument(int index) => _arguments[index];
            public override string ToString(IFormatProvider formatProvider) => string.Format(formatProvider, _format, _arguments);
        }
    }

    public sealed class SwitchExpressionException : InvalidOperationException
    {
        public SwitchExpressionException() : base("Non-exhaustive switch expression failed to match its input.") { }
        public SwitchExpressionException(object unmatchedValue) : base("Non-exhaustive switch expression failed to match its input.") { UnmatchedValue = unmatchedValue; }
        public object UnmatchedValue { get; }
    }
}

namespace System
{
    public abstract class FormattableString : IFormattable
    {
        public abstract string Format { get; }
        public abstract object[] GetArguments();
        public abstract int ArgumentCount { get; }
        public abstract object GetArgument(int index);
        public abstract string ToString(IFormatProvider formatProvider);
        string IFormattable.ToString(string ignored, IFormatProvider formatProvider) => ToString(formatProvider);
        public override string ToString() => ToString(null);
        public static string Invariant(FormattableString formattable)
        {
            if (formattable == null) throw new ArgumentNullException(nameof(formattable));
            return formattable.ToString(Globalization.CultureInfo.InvariantCulture);
        }
        public static string CurrentCulture(FormattableString formattable) => formattable.ToString(null);
    }

    public class FormatException : SystemException
    {
        public FormatException() : base("One of the identified items was in an invalid format.") { }
        public FormatException(string message) : base(message) { }
        public FormatException(string message, Exception innerException) : base(message, innerException) { }
    }
}
