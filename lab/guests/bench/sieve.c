/* Memory benchmark: primes below N (argument 1), sieve of Eratosthenes, repeated 5 times. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 4000000;
    unsigned char *composite = malloc(n);
    unsigned count = 0;
    for (int round = 0; round < 5; round++) {
        memset(composite, 0, n);
        count = 0;
        for (unsigned i = 2; i < n; i++) {
            if (composite[i]) continue;
            count++;
            if (i > n / i) continue;
            for (unsigned j = i * i; j < n; j += i) composite[j] = 1;
        }
    }
    printf("primes below %u: %u\n", n, count);
    free(composite);
    return 0;
}
