// Floating-point arithmetic: division by zero, infinities, signed zero, float staying float.
static class FloatArithmetic
{
    public static int Run()
    {
        double zero = 0.0, one = 1.0, negZero = -0.0;
        Console.WriteLine("1.0 / 0.0 = " + (one / zero));
        Console.WriteLine("-1.0 / 0.0 = " + (-one / zero));
        Console.WriteLine("0.0 / 0.0 = " + (zero / zero));
        Console.WriteLine("1.0 / -0.0 = " + (one / negZero));
        Console.WriteLine("-0.0 == 0.0: " + (negZero == zero));
        Console.WriteLine("-0.0 prints as: " + negZero);
        Console.WriteLine("IsNegative(-0.0): " + double.IsNegative(negZero));
        Console.WriteLine("5.5 % 2 = " + (5.5 % 2.0));
        Console.WriteLine("-5.5 % 2 = " + (-5.5 % 2.0));
        Console.WriteLine("5.0 % 0.0 = " + (5.0 % zero));
        Console.WriteLine("inf - inf = " + (double.PositiveInfinity - double.PositiveInfinity));
        Console.WriteLine("inf * 0 = " + (double.PositiveInfinity * zero));
        Console.WriteLine("max * 2 = " + (double.MaxValue * 2));
        Console.WriteLine("epsilon / 2 = " + (double.Epsilon / 2));

        // float arithmetic is rounded to float at every step (ECMA allows wider internal precision,
        // but a store to a float local or an explicit cast must narrow).
        float f = 16777216f;
        float g = f + 1f;
        Console.WriteLine("16777216f + 1f = " + g.ToString("R"));
        float third = 1f / 3f;
        Console.WriteLine("1f/3f = " + third + ", as double = " + (double)third);
        double dthird = 1.0 / 3.0;
        Console.WriteLine("1.0/3.0 = " + dthird);
        Console.WriteLine("(float)(1.0/3.0) == 1f/3f: " + ((float)dthird == third));
        float sum = 0f;
        for (int i = 0; i < 10; i++) sum += 0.1f;
        Console.WriteLine("sum of ten 0.1f = " + sum);
        double dsum = 0;
        for (int i = 0; i < 10; i++) dsum += 0.1;
        Console.WriteLine("sum of ten 0.1 = " + dsum);
        Console.WriteLine("0.1f + 0.2f = " + (0.1f + 0.2f));
        Console.WriteLine("(double)0.1f = " + (double)0.1f);
        Console.WriteLine("float max * 2 = " + (float.MaxValue * 2f));
        Console.WriteLine("(float)1e40 = " + (float)1e40);
        Console.WriteLine("(float)1e-50 = " + (float)1e-50);
        Console.WriteLine("int to float 16777217: " + (float)16777217);
        Console.WriteLine("long to double 2^63-1: " + (double)long.MaxValue);
        Console.WriteLine("ulong to double max: " + (double)ulong.MaxValue);
        Console.WriteLine("ulong to float 2^63+1: " + (float)9223372036854775809ul);
        Console.WriteLine("uint to double: " + (double)uint.MaxValue);
        Console.WriteLine("fused? 0.1*3 - 0.3 = " + (0.1 * 3 - 0.3));
        return 0;
    }
}
