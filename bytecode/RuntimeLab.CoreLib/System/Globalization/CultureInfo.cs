namespace System.Globalization
{
    /// <summary>Only the invariant culture exists: programs run with it (as CoreCLR does in invariant
    /// mode), and every formatting leaf uses the host's invariant culture.</summary>
    public class CultureInfo : IFormatProvider
    {
        private static readonly CultureInfo s_invariant = new CultureInfo();

        private CultureInfo() { }

        public static CultureInfo InvariantCulture => s_invariant;
        public static CultureInfo CurrentCulture { get => s_invariant; set { } }
        public static CultureInfo CurrentUICulture { get => s_invariant; set { } }
        public string Name => "";
        public virtual object GetFormat(Type formatType) => null;
        public NumberFormatInfo NumberFormat => NumberFormatInfo.InvariantInfo;
        public override string ToString() => "";
    }

    public sealed class NumberFormatInfo : IFormatProvider
    {
        private static readonly NumberFormatInfo s_invariant = new NumberFormatInfo();
        public static NumberFormatInfo InvariantInfo => s_invariant;
        public static NumberFormatInfo CurrentInfo => s_invariant;
        public string NumberDecimalSeparator => ".";
        public string NumberGroupSeparator => ",";
        public string NegativeSign => "-";
        public string PositiveSign => "+";
        public object GetFormat(Type formatType) => null;
    }

    [Flags]
    public enum NumberStyles
    {
        None = 0, AllowLeadingWhite = 1, AllowTrailingWhite = 2, AllowLeadingSign = 4, AllowTrailingSign = 8,
        AllowParentheses = 16, AllowDecimalPoint = 32, AllowThousands = 64, AllowExponent = 128, AllowCurrencySymbol = 256,
        AllowHexSpecifier = 512, AllowBinarySpecifier = 1024,
        Integer = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign,
        HexNumber = AllowLeadingWhite | AllowTrailingWhite | AllowHexSpecifier,
        BinaryNumber = AllowLeadingWhite | AllowTrailingWhite | AllowBinarySpecifier,
        Number = Integer | AllowTrailingSign | AllowDecimalPoint | AllowThousands,
        Float = Integer | AllowDecimalPoint | AllowExponent,
        Currency = Number | AllowParentheses | AllowCurrencySymbol,
        Any = Currency | AllowExponent,
    }

    public enum UnicodeCategory
    {
        UppercaseLetter, LowercaseLetter, TitlecaseLetter, ModifierLetter, OtherLetter, NonSpacingMark, SpacingCombiningMark,
        EnclosingMark, DecimalDigitNumber, LetterNumber, OtherNumber, SpaceSeparator, LineSeparator, ParagraphSeparator, Control,
        Format, Surrogate, PrivateUse, ConnectorPunctuation, DashPunctuation, OpenPunctuation, ClosePunctuation,
        InitialQuotePunctuation, FinalQuotePunctuation, OtherPunctuation, MathSymbol, CurrencySymbol, ModifierSymbol, OtherSymbol,
        OtherNotAssigned,
    }
}

namespace System
{
    public enum MidpointRounding { ToEven = 0, AwayFromZero = 1, ToZero = 2, ToNegativeInfinity = 3, ToPositiveInfinity = 4 }
}
