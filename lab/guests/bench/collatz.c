/* Integer benchmark: the longest Collatz chain below N (argument 1). Branchy integer code. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 300000;
    unsigned best = 0, best_start = 0;
    for (unsigned i = 1; i < n; i++) {
        unsigned long long x = i;
        unsigned steps = 0;
        while (x != 1) {
            x = (x & 1) ? 3 * x + 1 : x >> 1;
            steps++;
        }
        if (steps > best) { best = steps; best_start = i; }
    }
    printf("longest chain below %u starts at %u: %u steps\n", n, best_start, best);
    return 0;
}
