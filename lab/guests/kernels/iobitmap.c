/* The TSS I/O permission bitmap: ring-3 code with IOPL 0 may use exactly the ports whose bits are clear.
   It prints on COM1 itself (those ports are allowed); refused IN, OUT, INS and OUTS raise #GP(0), caught
   in ring 0 and resumed after. Every bit of a multi-byte access must be clear, also across a byte
   boundary; a port whose bitmap byte lies past the TSS limit is refused, and so is every port when the
   TSS is too short to hold the bitmap offset. IOPL 3 allows every port without the bitmap. */
#include "cpu.h"

#define IO_TSS_INDEX 6
#define SHORT_TSS_INDEX 7
#define BITMAP_BYTES 0x80   /* ports 0-0x3FF */

static struct {
    struct tss32 tss;
    u8 bitmap[BITMAP_BYTES];
    u8 end;                 /* all ones, as the SDM asks: the byte after the bitmap */
} __attribute__((packed)) io_tss;

static struct tss32 short_tss;
static u8 kernel_stack[8192] __attribute__((aligned(16)));
static u8 user_stack[4096] __attribute__((aligned(16)));

static void allow(u32 first, u32 last)
{
    for (u32 port = first; port <= last; port++) io_tss.bitmap[port >> 3] &= (u8)~(1 << (port & 7));
}

static void load_task_register(int index, u32 base, u32 limit)
{
    gdt_set_entry(index, base, limit, 0x89, 0x0);   /* available again, so LTR accepts it */
    __asm__ volatile("ltr %0" : : "r"((u16)GDT_SELECTOR(index, 0)));
}

static void on_syscall(struct frame *f)
{
    switch (f->eax) {
    case 1:   /* exit(code) */
        exit_machine(f->ebx);
    case 2:   /* use the TSS without room for a bitmap offset (ebx = 1) or the one with the bitmap */
        if (f->ebx) load_task_register(SHORT_TSS_INDEX, (u32)&short_tss, 0x65);
        else load_task_register(IO_TSS_INDEX, (u32)&io_tss, sizeof io_tss - 1);
        break;
    case 3:   /* report what the last probe caught: user code cannot print while on the short TSS */
        report_fault((const char *)f->ebx, "allowed");
        break;
    case 4:   /* IOPL 3 from now on */
        f->eflags |= 0x3000;
        break;
    }
}

static void syscall(u32 number, u32 argument)
{
    __asm__ volatile("int $0x80" : : "a"(number), "b"(argument) : "memory");
}

static void report(const char *what) { report_fault(what, "allowed"); }


static u8 buffer[8] = "abcdefg";

static void user_main(void)
{
    puts("iobitmap: ring 3 prints on com1 itself\n");
    PROBE("outb %%al, $0x80", "a"(0));
    report("outb 0x80");
    PROBE("inb $0x80, %%al", "a"(0));
    report("inb 0x80");
    PROBE("outb %%al, $0x81", "a"(0));
    report("outb 0x81");
    PROBE("outl %%eax, %%dx", "a"(0), "d"(0x100));
    report("outl 0x100 (0x100-0x103 allowed)");
    PROBE("outl %%eax, %%dx", "a"(0), "d"(0x101));
    report("outl 0x101 (0x104 refused)");
    PROBE("outw %%ax, %%dx", "a"(0), "d"(0x107));
    report("outw 0x107 (0x107-0x108 allowed, across a byte)");
    PROBE("outw %%ax, %%dx", "a"(0), "d"(0x10F));
    report("outw 0x10f (0x110 refused, across a byte)");
    PROBE("inw %%dx, %%ax", "a"(0), "d"(0x10F));
    report("inw 0x10f");
    PROBE("inb %%dx, %%al", "a"(0), "d"(0x3FF));
    report("inb 0x3ff (the last port the bitmap covers)");
    PROBE("inb %%dx, %%al", "a"(0), "d"(0x400));
    report("inb 0x400 (bitmap byte past the tss limit)");
    PROBE("inb %%dx, %%al", "a"(0), "d"(0xFFFF));
    report("inb 0xffff");
    PROBE("outsb", "S"(buffer), "d"(0x80));
    report("outsb 0x80");
    PROBE("rep outsb", "S"(buffer), "d"(0x80), "c"(3));
    report("rep outsb 0x80");
    PROBE("outsw", "S"(buffer), "d"(0x104));
    report("outsw 0x104");
    PROBE("insb", "D"(buffer), "d"(0x81));
    report("insb 0x81");
    PROBE("rep insb", "D"(buffer), "d"(0x3FF), "c"(2));
    report("rep insb 0x3ff");
    PROBE("cli", "i"(0));
    report("cli (IOPL 0)");

    syscall(2, 1);
    PROBE("outb %%al, $0x80", "a"(0));
    syscall(3, (u32)"outb 0x80 with a tss too short for the bitmap offset");
    syscall(2, 0);
    report("back on the bitmap tss, outb 0x80");
    syscall(4, 0);
    PROBE("inb %%dx, %%al", "a"(0), "d"(0x400));
    report("inb 0x400 with IOPL 3");
    PROBE("outw %%ax, %%dx", "a"(0), "d"(0x10F));
    report("outw 0x10f with IOPL 3");
    syscall(1, 0x31);
    for (;;) { }
}

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    set_handler(0x80, on_syscall);
    allow_from_user(0x80);
    recover_from(13);
    caught_vector = NO_FAULT;

    for (int k = 0; k < BITMAP_BYTES; k++) io_tss.bitmap[k] = 0xFF;
    io_tss.end = 0xFF;
    allow(0x3F8, 0x3FF);   /* COM1 */
    allow(0xE9, 0xE9);     /* the debug console lib.c also writes */
    allow(0x80, 0x80);
    allow(0x100, 0x103);
    allow(0x107, 0x108);
    allow(0x10F, 0x10F);
    io_tss.tss.ss0 = short_tss.ss0 = KERNEL_DATA;
    io_tss.tss.esp0 = short_tss.esp0 = (u32)kernel_stack + sizeof kernel_stack;
    io_tss.tss.iomap_base = sizeof io_tss.tss;
    short_tss.iomap_base = sizeof short_tss;
    load_task_register(IO_TSS_INDEX, (u32)&io_tss, sizeof io_tss - 1);

    puts("iobitmap: entering ring 3 with IOPL 0\n");
    __asm__ volatile(
        "mov $0x23, %%ax\n mov %%ax, %%ds\n mov %%ax, %%es\n mov %%ax, %%fs\n mov %%ax, %%gs\n"
        "push $0x23\n push %0\n push $0x202\n push $0x1B\n push %1\n iret"
        : : "r"((u32)user_stack + sizeof user_stack), "r"(user_main) : "eax", "memory");
    return 0x7E;
}
