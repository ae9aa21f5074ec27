#include "lib.h"

#define COM1 0x3F8

void serial_init(void)
{
    outb(COM1 + 1, 0x00);   /* no interrupts */
    outb(COM1 + 3, 0x80);   /* DLAB on */
    outb(COM1 + 0, 0x01);   /* divisor 1: 115200 baud */
    outb(COM1 + 1, 0x00);
    outb(COM1 + 3, 0x03);   /* 8N1, DLAB off */
    /* FIFOs stay off: enabling them clears the receive FIFO, which would drop input that QEMU
       delivered before the kernel started (and RuntimeLab may not have yet), so echo.c's output
       would depend on timing. */
    outb(COM1 + 4, 0x0B);   /* DTR, RTS, OUT2 */
}

void putc(char c)
{
    while ((inb(COM1 + 5) & 0x20) == 0) { }
    outb(COM1, (u8)c);
    outb(0xE9, (u8)c);
}

void puts(const char *text)
{
    while (*text) putc(*text++);
}

void put_hex(u32 value)
{
    puts("0x");
    for (int shift = 28; shift >= 0; shift -= 4) putc("0123456789abcdef"[(value >> shift) & 0xF]);
}

void put_dec(u32 value)
{
    char digits[12];
    int n = 0;
    do { digits[n++] = (char)('0' + value % 10); value /= 10; } while (value != 0);
    while (n > 0) putc(digits[--n]);
}

void exit_machine(u32 code)
{
    /* Until the UART's shift register is empty (LSR.TEMT), the last byte is still on the wire. */
    while (!(inb(0x3FD) & 0x40)) {}
    outl(0xF4, code);
    /* Bochs has no isa-debug-exit: its shutdown port ends the run instead (QEMU has already exited). */
    for (const char *word = "Shutdown"; *word; word++) outb(0x8900, *word);
    for (;;) __asm__ volatile("cli; hlt");
}
