// spectral-norm: the Computer Language Benchmarks Game program, single-threaded. Ten power-method rounds on
// the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1) cut to N×N; prints the spectral norm estimate to
// nine decimals (1.274224153 for N=5500; 1.274219991 for N=100).
// Usage: spectral-norm N. Conservative C# (C# 7.3): the same file is compiled by Mono's mcs.
using System;
using System.Globalization;

namespace RuntimeLab.Benchmarks
{
    internal static class SpectralNorm
    {
        private static int Main(string[] args)
        {
            int n = args.Length > 0 ? int.Parse(args[0]) : 100;
            Console.WriteLine(Approximate(n).ToString("F9", CultureInfo.InvariantCulture));
            return 0;
        }

        private static double Approximate(int n)
        {
            double[] u = new double[n];
            double[] v = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++)
                u[i] = 1.0;
            for (int i = 0; i < 10; i++)
            {
                MultiplyAtAv(n, u, v, t);
                MultiplyAtAv(n, v, u, t);
            }
            double vBv = 0, vv = 0;
            for (int i = 0; i < n; i++)
            {
                vBv += u[i] * v[i];
                vv += v[i] * v[i];
            }
            return Math.Sqrt(vBv / vv);
        }

        private static double A(int i, int j)
        {
            return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);
        }

        private static void MultiplyAv(int n, double[] v, double[] av)
        {
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                    sum += A(i, j) * v[j];
                av[i] = sum;
            }
        }

        private static void MultiplyAtv(int n, double[] v, double[] atv)
        {
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                    sum += A(j, i) * v[j];
                atv[i] = sum;
            }
        }

        private static void MultiplyAtAv(int n, double[] v, double[] atAv, double[] t)
        {
            MultiplyAv(n, v, t);
            MultiplyAtv(n, t, atAv);
        }
    }
}
