/* Floating-point benchmark: the spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1),
   cut to N x N (argument 1), by ten rounds of the power method on A'A. Double multiply-adds, a division per
   element and a square root: plain gcc -m32 compiles them to x87 code, the x86-64 build to SSE2. The power
   method converges, so the nine printed digits do not depend on x87's wider intermediates. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double element(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

/* out = A v */
static void times(int n, const double *v, double *out) {
    for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) sum += element(i, j) * v[j];
        out[i] = sum;
    }
}

/* out = A' v */
static void times_transposed(int n, const double *v, double *out) {
    for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) sum += element(j, i) * v[j];
        out[i] = sum;
    }
}

/* out = A'A v, through scratch */
static void times_normal(int n, const double *v, double *out, double *scratch) {
    times(n, v, scratch);
    times_transposed(n, scratch, out);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100;
    if (n < 1) { fprintf(stderr, "spectral-norm: N must be at least 1\n"); return 2; }
    double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *scratch = malloc(n * sizeof *scratch);
    if (!u || !v || !scratch) { fprintf(stderr, "spectral-norm: out of memory\n"); return 1; }
    for (int i = 0; i < n; i++) u[i] = 1;
    for (int round = 0; round < 10; round++) {
        times_normal(n, u, v, scratch);
        times_normal(n, v, u, scratch);
    }
    double uv = 0, vv = 0;
    for (int i = 0; i < n; i++) { uv += u[i] * v[i]; vv += v[i] * v[i]; }
    printf("spectral norm of the %d x %d matrix: %.9f\n", n, n, sqrt(uv / vv));
    free(u); free(v); free(scratch);
    return 0;
}
