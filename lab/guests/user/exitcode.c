/* An exit status from exit(), not from main. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    puts("exiting with 42");
    fflush(stdout);
    exit(42);
}
