/* Prints what the boot loader left where a kernel can see it: the multiboot magic and memory
   fields, the flat segments, EFLAGS and CR0, the PIC masks and the memory map. */
#include "lib.h"

struct mmap_entry { u32 size; u32 base_low, base_high, length_low, length_high, type; } __attribute__((packed));

static void field(const char *name, u32 value) { puts(name); puts("="); put_hex(value); puts("\n"); }

int kmain(u32 magic, struct multiboot_info *info)
{
    u32 eflags, cr0, cs, ds, ss, es;
    __asm__ volatile("pushf; pop %0" : "=r"(eflags));
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    __asm__ volatile("mov %%cs, %0; mov %%ds, %1; mov %%ss, %2; mov %%es, %3" : "=r"(cs), "=r"(ds), "=r"(ss), "=r"(es));
    serial_init();
    puts("entry-state\n");
    field("magic", magic);
    field("flags", info->flags);
    field("mem_lower", info->mem_lower);
    field("mem_upper", info->mem_upper);
    field("cs", cs & 0xFFFF);
    field("ds", ds & 0xFFFF);
    field("ss", ss & 0xFFFF);
    field("es", es & 0xFFFF);
    field("eflags", eflags);
    field("cr0", cr0);
    field("pic1_mask", inb(0x21));
    field("pic2_mask", inb(0xA1));
    field("a20_port92", inb(0x92));
    if (info->flags & (1 << 6)) {
        u32 at = info->mmap_addr, end = info->mmap_addr + info->mmap_length;
        while (at < end) {
            struct mmap_entry *e = (struct mmap_entry *)at;
            puts("mmap "); put_hex(e->base_low); puts(" "); put_hex(e->length_low); puts(" "); put_dec(e->type); puts("\n");
            at += e->size + 4;
        }
    }
    return 0;
}
