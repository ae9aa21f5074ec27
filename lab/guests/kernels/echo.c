/* COM1 input: polls LSR for received bytes and echoes each line back in upper case until a line
   that is just ".", then exits. Under QEMU and RuntimeLab the input comes from kernels/echo.stdin. */
#include "lib.h"

static char read_char(void)
{
    while ((inb(0x3F8 + 5) & 0x01) == 0) { }
    return (char)inb(0x3F8);
}

int kmain(void)
{
    serial_init();
    puts("echo: type lines, '.' ends\n");
    char line[128];
    for (;;) {
        int n = 0;
        char c;
        while ((c = read_char()) != '\n' && c != '\r')
            if (n < (int)sizeof line - 1) line[n++] = c;
        line[n] = 0;
        if (n == 1 && line[0] == '.') break;
        for (int i = 0; i < n; i++) putc(line[i] >= 'a' && line[i] <= 'z' ? (char)(line[i] - 32) : line[i]);
        putc('\n');
    }
    puts("echo: done\n");
    return 0x05;
}
