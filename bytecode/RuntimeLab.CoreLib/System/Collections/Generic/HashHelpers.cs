namespace System.Collections.Generic
{
    /// <summary>CoreCLR's bucket sizes for Dictionary and HashSet: the primes table, then odd primes not ≡ 1 mod 101.</summary>
    internal static class HashHelpers
    {
        public const int HashPrime = 101;
        public const int MaxPrimeArrayLength = 0x7FFFFFC3;

        // Kept as text: CoreLib avoids RVA-initialized arrays (their <PrivateImplementationDetails> fields).
        private const string PrimesText = "3,7,11,17,23,29,37,47,59,71,89,107,131,163,197,239,293,353,431,521,631,761,919,1103,1327,1597,1931,2333,2801,3371,4049,4861,5839,7013,8419,10103,12143,14591,17519,21023,25229,30293,36353,43627,52361,62851,75431,90523,108631,130363,156437,187751,225307,270371,324449,389357,467237,560689,672827,807403,968897,1162687,1395263,1674319,2009191,2411033,2893249,3471899,4166287,4999559,5999471,7199369";
        private static readonly int[] s_primes = ParsePrimes();

        private static int[] ParsePrimes()
        {
            var primes = new List<int>();
            int value = 0;
            string text = PrimesText;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ',')
                {
                    primes.Add(value);
                    value = 0;
                }
                else value = value * 10 + (c - '0');
            }
            primes.Add(value);
            return primes.ToArray();
        }

        public static bool IsPrime(int candidate)
        {
            if ((candidate & 1) != 0)
            {
                int limit = (int)Sqrt(candidate);
                for (int divisor = 3; divisor <= limit; divisor += 2)
                    if ((candidate % divisor) == 0) return false;
                return true;
            }
            return candidate == 2;
        }

        private static int Sqrt(int n)
        {
            int r = 0;
            while ((long)(r + 1) * (r + 1) <= n) r++;
            return r;
        }

        public static int GetPrime(int min)
        {
            if (min < 0) throw new ArgumentException("Hashtable's capacity overflowed and went negative. Check load factor, capacity and the current size of the table.");
            foreach (int prime in s_primes)
                if (prime >= min) return prime;
            for (int i = (min | 1); i < int.MaxValue; i += 2)
                if (IsPrime(i) && ((i - 1) % HashPrime != 0)) return i;
            return min;
        }

        public static int ExpandPrime(int oldSize)
        {
            int newSize = 2 * oldSize;
            if ((uint)newSize > MaxPrimeArrayLength && MaxPrimeArrayLength > oldSize) return MaxPrimeArrayLength;
            return GetPrime(newSize);
        }
    }
}
