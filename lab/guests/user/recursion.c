/* Recursion, function pointers, setjmp/longjmp. */
#include <stdio.h>
#include <setjmp.h>

static jmp_buf escape;

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static int ackermann(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static int dive(int depth) {
    if (depth < 0) return 0;
    if (depth == 0) longjmp(escape, 42);
    return dive(depth - 1) + 1;
}

int main(void) {
    int (*functions[])(int) = { fib };
    printf("fib(24) = %d\n", functions[0](24));
    printf("ackermann(2, 9) = %d\n", ackermann(2, 9));
    int value = setjmp(escape);
    if (value == 0) {
        (void)dive(1000);
        printf("not reached\n");
    }
    printf("longjmp returned %d\n", value);
    return 0;
}
