using System.Globalization;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Number formatting and parsing, and Math: the host's invariant-culture code and libm,
    /// so digits, rounding and last bits match CoreCLR on this machine.</summary>
    private void RegisterNumbers()
    {
        var inv = CultureInfo.InvariantCulture;
        Add("System.Number::FormatInteger", (vm, a) =>
        {
            var format = NullableString((nint)a[2]);
            var v = a[0];
            a[0] = vm.NewString((int)a[1] switch
            {
                0 => ((sbyte)v).ToString(format, inv),
                1 => ((byte)v).ToString(format, inv),
                2 => ((short)v).ToString(format, inv),
                3 => ((ushort)v).ToString(format, inv),
                4 => ((int)v).ToString(format, inv),
                5 => ((uint)v).ToString(format, inv),
                6 => v.ToString(format, inv),
                _ => ((ulong)v).ToString(format, inv),
            });
        });
        Add("System.Number::FormatDouble", (vm, a) => a[0] = vm.NewString((*(double*)a).ToString(NullableString((nint)a[1]), inv)));
        Add("System.Number::FormatSingle", (vm, a) => a[0] = vm.NewString((*(float*)a).ToString(NullableString((nint)a[1]), inv)));
        Add("System.Number::HostParseInteger", (vm, a) =>
        {
            var s = VirtualMachine.ReadString((nint)a[0]);
            var style = (NumberStyles)(int)a[1];
            try
            {
                *(long*)a[3] = (int)a[2] switch
                {
                    0 => sbyte.Parse(s, style, inv),
                    1 => byte.Parse(s, style, inv),
                    2 => short.Parse(s, style, inv),
                    3 => ushort.Parse(s, style, inv),
                    4 => int.Parse(s, style, inv),
                    5 => uint.Parse(s, style, inv),
                    6 => long.Parse(s, style, inv),
                    _ => (long)ulong.Parse(s, style, inv),
                };
                a[0] = 0;
            }
            catch (FormatException) { a[0] = 1; }
            catch (OverflowException) { a[0] = 2; }
        });
        Add("System.Number::HostParseFloat", (vm, a) =>
        {
            var s = VirtualMachine.ReadString((nint)a[0]);
            var style = (NumberStyles)(int)a[1];
            double value;
            bool ok;
            if ((int)a[2] != 0)
            {
                ok = float.TryParse(s, style, inv, out var single);
                value = single;
            }
            else ok = double.TryParse(s, style, inv, out value);
            *(double*)a[3] = value;
            a[0] = ok ? 0 : 1;
        });

        // Math and MathF: names overloaded with IL-bodied methods bind by full signature.
        foreach (var (name, fn) in new (string, Func<double, double>)[]
        {
            ("Sqrt", Math.Sqrt), ("Sin", Math.Sin), ("Cos", Math.Cos), ("Tan", Math.Tan), ("Asin", Math.Asin), ("Acos", Math.Acos),
            ("Atan", Math.Atan), ("Sinh", Math.Sinh), ("Cosh", Math.Cosh), ("Tanh", Math.Tanh), ("Asinh", Math.Asinh),
            ("Acosh", Math.Acosh), ("Atanh", Math.Atanh), ("Exp", Math.Exp), ("Log", Math.Log), ("Log10", Math.Log10),
            ("Log2", Math.Log2), ("Cbrt", Math.Cbrt), ("Floor", Math.Floor), ("Ceiling", Math.Ceiling), ("Truncate", Math.Truncate),
        })
        {
            Add($"System.Math::{name}(System.Double)", (vm, a) => *(double*)a = fn(*(double*)a));
        }
        foreach (var (name, fn) in new (string, Func<float, float>)[]
        {
            ("Sqrt", MathF.Sqrt), ("Sin", MathF.Sin), ("Cos", MathF.Cos), ("Tan", MathF.Tan), ("Asin", MathF.Asin), ("Acos", MathF.Acos),
            ("Atan", MathF.Atan), ("Sinh", MathF.Sinh), ("Cosh", MathF.Cosh), ("Tanh", MathF.Tanh), ("Asinh", MathF.Asinh),
            ("Acosh", MathF.Acosh), ("Atanh", MathF.Atanh), ("Exp", MathF.Exp), ("Log", MathF.Log), ("Log10", MathF.Log10),
            ("Log2", MathF.Log2), ("Cbrt", MathF.Cbrt), ("Floor", MathF.Floor), ("Ceiling", MathF.Ceiling), ("Truncate", MathF.Truncate),
        })
        {
            Add($"System.MathF::{name}(System.Single)", (vm, a) => SetSingle(a, fn(*(float*)a)));
        }
        Add("System.Math::Atan2", (vm, a) => *(double*)a = Math.Atan2(*(double*)a, *(double*)(a + 1)));
        Add("System.Math::Pow", (vm, a) => *(double*)a = Math.Pow(*(double*)a, *(double*)(a + 1)));
        Add("System.Math::IEEERemainder", (vm, a) => *(double*)a = Math.IEEERemainder(*(double*)a, *(double*)(a + 1)));
        Add("System.Math::FusedMultiplyAdd", (vm, a) => *(double*)a = Math.FusedMultiplyAdd(*(double*)a, *(double*)(a + 1), *(double*)(a + 2)));
        Add("System.Math::ScaleB", (vm, a) => *(double*)a = Math.ScaleB(*(double*)a, (int)a[1]));
        Add("System.Math::HostRound", (vm, a) => *(double*)a = Math.Round(*(double*)a, (int)a[1], (MidpointRounding)(int)a[2]));
        Add("System.MathF::Atan2", (vm, a) => SetSingle(a, MathF.Atan2(*(float*)a, *(float*)(a + 1))));
        Add("System.MathF::Pow", (vm, a) => SetSingle(a, MathF.Pow(*(float*)a, *(float*)(a + 1))));
        Add("System.MathF::IEEERemainder", (vm, a) => SetSingle(a, MathF.IEEERemainder(*(float*)a, *(float*)(a + 1))));
        Add("System.MathF::FusedMultiplyAdd", (vm, a) => SetSingle(a, MathF.FusedMultiplyAdd(*(float*)a, *(float*)(a + 1), *(float*)(a + 2))));
        Add("System.MathF::ScaleB", (vm, a) => SetSingle(a, MathF.ScaleB(*(float*)a, (int)a[1])));
        Add("System.MathF::HostRound", (vm, a) => SetSingle(a, MathF.Round(*(float*)a, (int)a[1], (MidpointRounding)(int)a[2])));
    }

    private static void SetSingle(long* a, float value)
    {
        a[0] = 0;
        *(float*)a = value;
    }

    private static string? NullableString(nint s) => s == 0 ? null : VirtualMachine.ReadString(s);
}
