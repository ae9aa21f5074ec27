/* The smallest test kernel: a greeting over COM1 (and debugcon), then isa-debug-exit with 0x10. */
#include "lib.h"

int kmain(u32 magic, struct multiboot_info *info)
{
    serial_init();
    puts("hello from a multiboot kernel\n");
    puts(magic == 0x2BADB002 ? "multiboot magic ok\n" : "bad multiboot magic\n");
    puts("mem_upper="); put_dec(info->mem_upper); puts(" KiB\n");
    return 0x10;
}
