/* A triple fault on purpose: with an IDT of limit 0, INT3 cannot be delivered (#GP), nor can the #GP
   (double fault), nor the double fault. QEMU resets, and with -no-reboot exits with status 0. */
#include "cpu.h"

int kmain(void)
{
    serial_init();
    puts("triple-fault: loading an empty idt\n");
    struct { u16 limit; u32 base; } __attribute__((packed)) empty = { 0, 0 };
    __asm__ volatile("lidt %0\n int3" : : "m"(empty));
    puts("still running?\n");
    return 0x7E;
}
