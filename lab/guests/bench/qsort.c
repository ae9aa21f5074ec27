/* Library benchmark: qsort of N pseudo-random ints (argument 1), calls through a comparator. */
#include <stdio.h>
#include <stdlib.h>

static int compare(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 400000;
    int *values = malloc(n * sizeof *values);
    unsigned state = 2463534242u;
    for (unsigned i = 0; i < n; i++) {
        state ^= state << 13; state ^= state >> 17; state ^= state << 5;
        values[i] = (int)(state % 1000000);
    }
    qsort(values, n, sizeof *values, compare);
    unsigned long long checksum = 0;
    for (unsigned i = 0; i < n; i += 97) checksum = checksum * 1000003 + (unsigned)values[i];
    printf("sorted %u values, checksum %llu\n", n, checksum);
    free(values);
    return 0;
}
