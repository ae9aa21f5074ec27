// fannkuch-redux: the Computer Language Benchmarks Game program, single-threaded. For every permutation of
// 1..N (in the benchmark's own order), count the prefix reversals ("flips") until 1 comes first; print the
// alternating-sign checksum of the flip counts and the largest count. Known: N=7 gives 228 and 16.
// Usage: fannkuch-redux N. Conservative C# (C# 7.3): the same file is compiled by Mono's mcs.
using System;

namespace RuntimeLab.Benchmarks
{
    internal static class FannkuchRedux
    {
        private static int Main(string[] args)
        {
            int n = args.Length > 0 ? int.Parse(args[0]) : 7;
            int checksum, maxFlips;
            Run(n, out checksum, out maxFlips);
            Console.WriteLine(checksum);
            Console.WriteLine("Pfannkuchen(" + n + ") = " + maxFlips);
            return 0;
        }

        private static void Run(int n, out int checksum, out int maxFlips)
        {
            int[] perm = new int[n];
            int[] perm1 = new int[n];
            int[] count = new int[n];
            for (int i = 0; i < n; i++)
                perm1[i] = i;
            checksum = 0;
            maxFlips = 0;
            int permutation = 0;
            int r = n;
            while (true)
            {
                while (r != 1)
                {
                    count[r - 1] = r;
                    r--;
                }

                Array.Copy(perm1, perm, n);
                int flips = 0;
                int k;
                while ((k = perm[0]) != 0)
                {
                    for (int i = 0, j = k; i < j; i++, j--)
                    {
                        int t = perm[i];
                        perm[i] = perm[j];
                        perm[j] = t;
                    }
                    flips++;
                }
                if (flips > maxFlips)
                    maxFlips = flips;
                checksum += (permutation & 1) == 0 ? flips : -flips;

                // The next permutation: rotate the first r+1 elements left until a counter is left non-zero.
                while (true)
                {
                    if (r == n)
                        return;
                    int first = perm1[0];
                    for (int i = 0; i < r; i++)
                        perm1[i] = perm1[i + 1];
                    perm1[r] = first;
                    count[r]--;
                    if (count[r] > 0)
                        break;
                    r++;
                }
                permutation++;
            }
        }
    }
}
