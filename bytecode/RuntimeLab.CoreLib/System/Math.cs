using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Transcendental functions and rounding are the host's (the same libm CoreCLR calls on
    /// this machine); the exact ones are written here.</summary>
    public static partial class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;
        public const double Tau = 6.283185307179586476925;

        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Sqrt(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Sin(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Cos(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Tan(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Asin(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Acos(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Atan(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Sinh(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Cosh(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Tanh(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Asinh(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Acosh(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Atanh(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Exp(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Log(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Log10(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Log2(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Cbrt(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Floor(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Ceiling(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Truncate(double d);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Atan2(double y, double x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Pow(double x, double y);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double IEEERemainder(double x, double y);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double FusedMultiplyAdd(double x, double y, double z);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double ScaleB(double x, int n);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern double HostRound(double value, int digits, int mode);

        public static sbyte Abs(sbyte value)
        {
            if (value < 0)
            {
                value = (sbyte)(-value);
                if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            }
            return value;
        }

        public static short Abs(short value)
        {
            if (value < 0)
            {
                value = (short)(-value);
                if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            }
            return value;
        }

        public static int Abs(int value)
        {
            if (value < 0)
            {
                value = (int)(-value);
                if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            }
            return value;
        }

        public static long Abs(long value)
        {
            if (value < 0)
            {
                value = (long)(-value);
                if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            }
            return value;
        }

        public static nint Abs(nint value)
        {
            if (value < 0)
            {
                value = -value;
                if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            }
            return value;
        }

        public static sbyte Max(sbyte val1, sbyte val2) => val1 >= val2 ? val1 : val2;

        public static sbyte Min(sbyte val1, sbyte val2) => val1 <= val2 ? val1 : val2;

        public static sbyte Clamp(sbyte value, sbyte min, sbyte max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static byte Max(byte val1, byte val2) => val1 >= val2 ? val1 : val2;

        public static byte Min(byte val1, byte val2) => val1 <= val2 ? val1 : val2;

        public static byte Clamp(byte value, byte min, byte max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static short Max(short val1, short val2) => val1 >= val2 ? val1 : val2;

        public static short Min(short val1, short val2) => val1 <= val2 ? val1 : val2;

        public static short Clamp(short value, short min, short max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static ushort Max(ushort val1, ushort val2) => val1 >= val2 ? val1 : val2;

        public static ushort Min(ushort val1, ushort val2) => val1 <= val2 ? val1 : val2;

        public static ushort Clamp(ushort value, ushort min, ushort max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static int Max(int val1, int val2) => val1 >= val2 ? val1 : val2;

        public static int Min(int val1, int val2) => val1 <= val2 ? val1 : val2;

        public static int Clamp(int value, int min, int max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static uint Max(uint val1, uint val2) => val1 >= val2 ? val1 : val2;

        public static uint Min(uint val1, uint val2) => val1 <= val2 ? val1 : val2;

        public static uint Clamp(uint value, uint min, uint max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static long Max(long val1, long val2) => val1 >= val2 ? val1 : val2;

        public static long Min(long val1, long val2) => val1 <= val2 ? val1 : val2;

        public static long Clamp(long value, long min, long max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static ulong Max(ulong val1, ulong val2) => val1 >= val2 ? val1 : val2;

        public static ulong Min(ulong val1, ulong val2) => val1 <= val2 ? val1 : val2;

        public static ulong Clamp(ulong value, ulong min, ulong max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static nint Max(nint val1, nint val2) => val1 >= val2 ? val1 : val2;

        public static nint Min(nint val1, nint val2) => val1 <= val2 ? val1 : val2;

        public static nint Clamp(nint value, nint min, nint max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static nuint Max(nuint val1, nuint val2) => val1 >= val2 ? val1 : val2;

        public static nuint Min(nuint val1, nuint val2) => val1 <= val2 ? val1 : val2;

        public static nuint Clamp(nuint value, nuint min, nuint max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static int Sign(sbyte value) => value < 0 ? -1 : value > 0 ? 1 : 0;

        public static int Sign(short value) => value < 0 ? -1 : value > 0 ? 1 : 0;

        public static int Sign(int value) => value < 0 ? -1 : value > 0 ? 1 : 0;

        public static int Sign(long value) => value < 0 ? -1 : value > 0 ? 1 : 0;

        public static int Sign(nint value) => value < 0 ? -1 : value > 0 ? 1 : 0;

        public static double Abs(double value) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & 0x7FFFFFFFFFFFFFFFL);
        public static float Abs(float value) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) & 0x7FFFFFFF);

        public static double Max(double val1, double val2)
        {
            // NaN wins; +0 is greater than -0.
            if (val1 != val2) return double.IsNaN(val1) ? val1 : val2 < val1 ? val1 : val2;
            return double.IsNegative(val2) ? val1 : val2;
        }

        public static double Min(double val1, double val2)
        {
            if (val1 != val2) return double.IsNaN(val1) ? val1 : val1 < val2 ? val1 : val2;
            return double.IsNegative(val1) ? val1 : val2;
        }

        public static float Max(float val1, float val2)
        {
            if (val1 != val2) return float.IsNaN(val1) ? val1 : val2 < val1 ? val1 : val2;
            return float.IsNegative(val2) ? val1 : val2;
        }

        public static float Min(float val1, float val2)
        {
            if (val1 != val2) return float.IsNaN(val1) ? val1 : val1 < val2 ? val1 : val2;
            return float.IsNegative(val1) ? val1 : val2;
        }

        public static double Clamp(double value, double min, double max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static float Clamp(float value, float min, float max)
        {
            if (min > max) ThrowMinMaxException(min, max);
            return value < min ? min : value > max ? max : value;
        }

        private static void ThrowMinMaxException<T>(T min, T max) =>
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");

        public static int Sign(double value)
        {
            if (value < 0) return -1;
            if (value > 0) return 1;
            if (value == 0) return 0;
            throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        }

        public static int Sign(float value) => Sign((double)value);

        public static double Round(double a) => HostRound(a, 0, 0);
        public static double Round(double value, int digits) => Round(value, digits, MidpointRounding.ToEven);
        public static double Round(double value, MidpointRounding mode) => Round(value, 0, mode);

        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if ((uint)digits > 15) throw new ArgumentOutOfRangeException(nameof(digits), "Rounding digits must be between 0 and 15, inclusive.");
            if ((uint)mode > (uint)MidpointRounding.ToPositiveInfinity)
                throw new ArgumentException("The value '" + ((int)mode).ToString() + "' is not valid for this usage of the type MidpointRounding. (Parameter 'mode')");
            return HostRound(value, digits, (int)mode);
        }

        public static double CopySign(double x, double y) =>
            BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(x) & 0x7FFFFFFFFFFFFFFFL) | (BitConverter.DoubleToInt64Bits(y) & unchecked((long)0x8000000000000000UL)));

        public static double Log(double a, double newBase)
        {
            if (double.IsNaN(a)) return a;
            if (double.IsNaN(newBase)) return newBase;
            if (newBase == 1) return double.NaN;
            if (a != 1 && (newBase == 0 || double.IsPositiveInfinity(newBase))) return double.NaN;
            return Log(a) / Log(newBase);
        }

        public static double BitDecrement(double x) => x - double.Epsilon == x ? x : NextToward(x, false);
        public static double BitIncrement(double x) => NextToward(x, true);

        private static double NextToward(double x, bool up)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if (double.IsNaN(x) || (up ? x == double.PositiveInfinity : x == double.NegativeInfinity)) return x;
            if (x == 0) return up ? double.Epsilon : -double.Epsilon;
            bits += (bits < 0) == up ? -1 : 1;
            return BitConverter.Int64BitsToDouble(bits);
        }

        public static long BigMul(int a, int b) => (long)a * b;
        public static ulong BigMul(uint a, uint b) => (ulong)a * b;

        public static (int Quotient, int Remainder) DivRem(int left, int right)
        {
            int quotient = left / right;
            return (quotient, left - quotient * right);
        }

        public static (long Quotient, long Remainder) DivRem(long left, long right)
        {
            long quotient = left / right;
            return (quotient, left - quotient * right);
        }

        public static int DivRem(int a, int b, out int result)
        {
            int div = a / b;
            result = a - div * b;
            return div;
        }

        public static long DivRem(long a, long b, out long result)
        {
            long div = a / b;
            result = a - div * b;
            return div;
        }

        public static int ILogB(double x) => x == 0 ? int.MinValue : double.IsNaN(x) || double.IsInfinity(x) ? int.MaxValue : (int)Floor(Log2(Abs(x)));
    }

    public static partial class MathF
    {
        public const float PI = 3.14159265f;
        public const float E = 2.71828183f;
        public const float Tau = 6.28318548f;

        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Sqrt(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Sin(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Cos(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Tan(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Asin(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Acos(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Atan(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Sinh(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Cosh(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Tanh(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Asinh(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Acosh(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Atanh(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Exp(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Log(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Log10(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Log2(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Cbrt(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Floor(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Ceiling(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Truncate(float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Atan2(float y, float x);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float Pow(float x, float y);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float IEEERemainder(float x, float y);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float FusedMultiplyAdd(float x, float y, float z);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float ScaleB(float x, int n);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern float HostRound(float value, int digits, int mode);

        public static float Abs(float x) => Math.Abs(x);
        public static float Max(float x, float y) => Math.Max(x, y);
        public static float Min(float x, float y) => Math.Min(x, y);
        public static int Sign(float x) => Math.Sign(x);
        public static float CopySign(float x, float y) =>
            BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(x) & 0x7FFFFFFF) | (BitConverter.SingleToInt32Bits(y) & unchecked((int)0x80000000)));
        public static float Round(float x) => HostRound(x, 0, 0);
        public static float Round(float x, int digits) => HostRound(x, digits, 0);
        public static float Round(float x, MidpointRounding mode) => HostRound(x, 0, (int)mode);
        public static float Round(float x, int digits, MidpointRounding mode) => HostRound(x, digits, (int)mode);
        public static float Log(float x, float y) => (float)Math.Log(x, y);
    }
}
