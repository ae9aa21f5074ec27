// char classification and conversion: IsDigit/IsLetter/IsWhiteSpace/..., ToUpperInvariant, numeric value, arithmetic.
static class CharClassification
{
    public static int Run()
    {
        string sample = "aZ09 \t\n_-.,!é€\u00A0\u2028ǅ😀";
        foreach (char c in sample)
        {
            Console.WriteLine($"U+{(int)c:X4}: digit {B(char.IsDigit(c))} letter {B(char.IsLetter(c))} letterOrDigit {B(char.IsLetterOrDigit(c))} " +
                $"white {B(char.IsWhiteSpace(c))} upper {B(char.IsUpper(c))} lower {B(char.IsLower(c))} punct {B(char.IsPunctuation(c))} " +
                $"symbol {B(char.IsSymbol(c))} control {B(char.IsControl(c))} separator {B(char.IsSeparator(c))} surrogate {B(char.IsSurrogate(c))} " +
                $"upperInv U+{(int)char.ToUpperInvariant(c):X4} lowerInv U+{(int)char.ToLowerInvariant(c):X4} category {char.GetUnicodeCategory(c)}");
        }
        Console.WriteLine($"GetNumericValue: {char.GetNumericValue('7')} {char.GetNumericValue('x')} {char.GetNumericValue('\u00BD')}");
        Console.WriteLine($"arithmetic: {(char)('a' + 2)} {'z' - 'a'} {(int)'0'} {'7' - '0'}");
        Console.WriteLine($"IsAscii: {char.IsAscii('a')} {char.IsAscii('é')}, IsAsciiHexDigit: {char.IsAsciiHexDigit('F')} {char.IsAsciiHexDigit('g')}, IsAsciiLetter: {char.IsAsciiLetter('q')}");
        Console.WriteLine($"char.MinValue {(int)char.MinValue} MaxValue {(int)char.MaxValue}, ToString {'q'.ToString()} {char.ToString('r')}");
        Console.WriteLine($"char.Parse {char.Parse("x")}, TryParse {char.TryParse("xy", out var ch)} {(int)ch}");
        Console.WriteLine($"IsHighSurrogate {char.IsHighSurrogate("😀"[0])} ConvertToUtf32 {char.ConvertToUtf32("😀"[0], "😀"[1]):X} ConvertFromUtf32 {char.ConvertFromUtf32(0x41)}");
        Console.WriteLine($"CompareTo {'a'.CompareTo('b')} Equals {'a'.Equals('a')}");
        return 0;
    }

    static char B(bool b) => b ? '1' : '0';
}
