namespace System
{
    public sealed partial class String
    {
        public static string Format(string format, object arg0) => FormatCore(null, format, new ReadOnlySpan<object>(new[] { arg0 }));
        public static string Format(string format, object arg0, object arg1) => FormatCore(null, format, new ReadOnlySpan<object>(new[] { arg0, arg1 }));
        public static string Format(string format, object arg0, object arg1, object arg2) => FormatCore(null, format, new ReadOnlySpan<object>(new[] { arg0, arg1, arg2 }));

        public static string Format(string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? nameof(format) : nameof(args));
            return FormatCore(null, format, args);
        }

        public static string Format(string format, params ReadOnlySpan<object> args) => FormatCore(null, format, args);
        public static string Format(IFormatProvider provider, string format, object arg0) => FormatCore(provider, format, new ReadOnlySpan<object>(new[] { arg0 }));
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1) => FormatCore(provider, format, new ReadOnlySpan<object>(new[] { arg0, arg1 }));
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1, object arg2) => FormatCore(provider, format, new ReadOnlySpan<object>(new[] { arg0, arg1, arg2 }));

        public static string Format(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? nameof(format) : nameof(args));
            return FormatCore(provider, format, args);
        }

        public static string Format(IFormatProvider provider, string format, params ReadOnlySpan<object> args) => FormatCore(provider, format, args);

        private static string FormatCore(IFormatProvider provider, string format, ReadOnlySpan<object> args)
        {
            if (format == null) throw new ArgumentNullException(nameof(format));
            return new Text.StringBuilder(format.Length + args.Length * 8).AppendFormat(provider, format, args).ToString();
        }

        /// <summary>One argument as a format item shows it: IFormattable with the item's format, else ToString.</summary>
        internal static string FormatArgument(object arg, string format, IFormatProvider provider)
        {
            if (arg == null) return Empty;
            if (arg is IFormattable formattable) return formattable.ToString(format, provider) ?? Empty;
            return arg.ToString() ?? Empty;
        }
    }
}
