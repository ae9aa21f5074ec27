/* qsort over records, string comparison, malloc and free. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record { char name[16]; int score; };

static int by_score_then_name(const void *a, const void *b) {
    const struct record *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return strcmp(x->name, y->name);
}

int main(void) {
    enum { N = 500 };
    struct record *records = malloc(N * sizeof *records);
    unsigned state = 12345;
    for (int i = 0; i < N; i++) {
        state = state * 1103515245u + 12345u;
        records[i].score = (int)((state >> 16) % 100);
        snprintf(records[i].name, sizeof records[i].name, "item-%04x", (state >> 8) & 0xffff);
    }
    qsort(records, N, sizeof *records, by_score_then_name);
    for (int i = 0; i < 8; i++) printf("%2d %-12s %3d\n", i, records[i].name, records[i].score);
    unsigned long checksum = 0;
    for (int i = 0; i < N; i++) checksum = checksum * 31 + (unsigned long)records[i].score + (unsigned char)records[i].name[5];
    printf("checksum %lu\n", checksum);
    free(records);
    return 0;
}
