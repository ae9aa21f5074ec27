/* Paging on: 0-4 MiB identity-mapped with 4 KiB pages, 4-8 MiB with one 4 MiB page (CR4.PSE), and
   an alias at 1 GiB. Page faults are taken on purpose and handled by mapping the page (or making it
   writable), after which the faulting access is retried: a not-present page, a write to a read-only
   page under CR0.WP, and a write straddling into a missing page, which must change nothing. */
#include "cpu.h"

#define PRESENT 1
#define WRITABLE 2
#define ACCESSED 0x20
#define DIRTY 0x40
#define LARGE 0x80

static u32 directory[1024] __attribute__((aligned(4096)));
static u32 low_table[1024] __attribute__((aligned(4096)));
static u32 extra_table[1024] __attribute__((aligned(4096)));
static u8 frames[2][4096] __attribute__((aligned(4096)));   /* physical frames the fault handler maps in */
static int next_frame;
static int faults;

#define MISSING ((volatile u32 *)0x00C00000)     /* 12 MiB: no page directory entry at first */
#define READ_ONLY_PAGE 0x00300000                 /* in the identity map, made read-only below */

static void on_page_fault(struct frame *f)
{
    u32 address = read_cr2();
    faults++;
    puts("#PF: cr2 "); put_hex(address); puts(" error "); put_hex(f->error); puts("\n");
    if ((f->error & 1) == 0) {
        /* Not present: give the 4 MiB region a page table, and the page a fresh frame. */
        u32 pde = address >> 22, pte = (address >> 12) & 0x3FF;
        if ((directory[pde] & PRESENT) == 0) directory[pde] = (u32)extra_table | PRESENT | WRITABLE;
        extra_table[pte] = (u32)frames[next_frame++] | PRESENT | WRITABLE;
    } else if (f->error & 2) {
        /* A write to a present, read-only page: make it writable. */
        low_table[(address >> 12) & 0x3FF] |= WRITABLE;
    }
    invlpg((void *)address);
}

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    set_handler(14, on_page_fault);

    for (u32 i = 0; i < 1024; i++) low_table[i] = (i << 12) | PRESENT | WRITABLE;
    low_table[READ_ONLY_PAGE >> 12] &= ~WRITABLE;
    directory[0] = (u32)low_table | PRESENT | WRITABLE;
    directory[1] = 0x00400000 | PRESENT | WRITABLE | LARGE;
    directory[256] = 0x00400000 | PRESENT | WRITABLE | LARGE;    /* 1 GiB -> 4 MiB */
    write_cr4(read_cr4() | 0x10);                                 /* PSE */
    write_cr3((u32)directory);
    write_cr0(read_cr0() | 0x80010000);                           /* PG | WP */
    puts("paging on\n");

    /* The 4 MiB page, written through its alias and read back through the identity map. */
    *(volatile u32 *)0x40001234 = 0xCAFEF00D;
    puts("alias read back: "); put_hex(*(volatile u32 *)0x00401234); puts("\n");
    puts("large page dirty: "); puts((directory[256] & DIRTY) ? "yes" : "no"); puts("\n");

    /* Not present: the handler maps a frame and the store is retried. */
    *MISSING = 0x12345678;
    puts("after retry: "); put_hex(*MISSING); puts(" faults "); put_dec(faults); puts("\n");
    puts("pte accessed and dirty: "); puts((extra_table[0] & (ACCESSED | DIRTY)) == (ACCESSED | DIRTY) ? "yes" : "no"); puts("\n");

    /* Read-only under CR0.WP: a supervisor write faults with error code 3 (present, write). */
    volatile u32 *readonly = (volatile u32 *)(READ_ONLY_PAGE + 0x10);
    u32 before = *readonly;
    puts("read-only page readable: "); puts(before == 0 ? "yes" : "no"); puts("\n");
    *readonly = 0xABCD;
    puts("read-only page written after fault: "); put_hex(*readonly); puts("\n");

    /* A dword store straddling the last mapped page and an unmapped one faults on the second page
       (CR2 is its first byte) and writes nothing, then succeeds once that page is mapped. */
    volatile u8 *edge = (volatile u8 *)0x00C00FFE;
    edge[0] = 0x11; edge[1] = 0x22;
    *(volatile u32 *)edge = 0xDDCCBBAA;
    puts("straddling store: "); put_hex(*(volatile u32 *)edge); puts(" faults "); put_dec(faults); puts("\n");

    /* A fresh mapping of an existing linear page: INVLPG must drop the old translation. */
    extra_table[0] = (u32)frames[1] | PRESENT | WRITABLE;
    invlpg((void *)MISSING);
    puts("remapped page reads the other frame: "); put_hex(*MISSING); puts("\n");
    return 0x42;
}
