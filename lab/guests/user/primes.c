/* Sieve of Eratosthenes: loops, byte arrays, division. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    const int n = 200000;
    unsigned char *composite = malloc(n);
    memset(composite, 0, n);
    int count = 0, last = 0;
    unsigned long sum = 0;
    for (int i = 2; i < n; i++) {
        if (composite[i]) continue;
        count++;
        last = i;
        sum += (unsigned long)i;
        if (i > n / i) continue; /* i*i would overflow a 32-bit long */
        for (long j = (long)i * i; j < n; j += i) composite[j] = 1;
    }
    printf("primes below %d: %d, largest %d, sum mod 2^32 %lu\n", n, count, last, sum);
    free(composite);
    return 0;
}
