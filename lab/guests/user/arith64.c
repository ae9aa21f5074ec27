/* 64-bit arithmetic on a 32-bit CPU: libgcc's division helpers, shifts, carries, signed edges. */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>

int main(void) {
    uint64_t a = 0x123456789abcdefULL, b = 0xfedcba987ULL;
    int64_t s = -0x7123456789abcdeLL;
    uint64_t acc = 0;
    for (int i = 0; i < 2000; i++) {
        a = a * 6364136223846793005ULL + 1442695040888963407ULL;
        acc ^= a / (b | 1);
        acc += a % 1000003;
        acc = (acc << 7) | (acc >> 57);
        s = s / 3 - (int64_t)(a >> 40);
    }
    printf("acc %llu s %lld\n", (unsigned long long)acc, (long long)s);
    printf("edges %lld %lld %llu\n", LLONG_MIN / 7, LLONG_MAX % 1000, ULLONG_MAX / 10);
    int x = INT_MIN;
    printf("int edges %d %d %u %d\n", x / 3, x % 7, (unsigned)x >> 31, (x >> 31));
    return 0;
}
