/* The smallest real program: arguments, stdio, and an exit status. */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("hello from i386, argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    return 3;
}
