/* A GDT and an IDT of our own, then exceptions raised on purpose, handled, and resumed:
   #DE (retried with a fixed divisor), #UD (skipped), INT3 and INTO (traps: resume after them),
   #GP from a bad segment load (with its error code), and a software interrupt that returns a value. */
#include "cpu.h"

extern char ud2_at[], int3_after[], bad_load_at[];

static void on_divide(struct frame *f)
{
    puts("#DE: vector "); put_dec(f->vector); puts(", retrying with divisor 7\n");
    f->ecx = 7;                       /* the faulting DIV runs again with the new divisor */
}

static void on_invalid_opcode(struct frame *f)
{
    puts("#UD: at ud2: "); puts(f->eip == (u32)ud2_at ? "yes" : "no"); puts(", skipping it\n");
    f->eip += 2;
}

static void on_breakpoint(struct frame *f)
{
    puts("#BP: a trap, eip after int3: "); puts(f->eip == (u32)int3_after ? "yes" : "no"); puts("\n");
}

static void on_overflow(struct frame *f) { puts("#OF: vector "); put_dec(f->vector); puts("\n"); }

static void on_general_protection(struct frame *f)
{
    puts("#GP: error code "); put_hex(f->error);
    puts(", at the load: "); puts(f->eip == (u32)bad_load_at ? "yes" : "no"); puts("\n");
    f->eip += 2;                      /* mov %ax, %ds is two bytes */
}

static void on_software(struct frame *f)
{
    puts("int $0x80: eax "); put_dec(f->eax); puts("\n");
    f->eax *= 3;
}

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    set_handler(0, on_divide);
    set_handler(3, on_breakpoint);
    set_handler(4, on_overflow);
    set_handler(6, on_invalid_opcode);
    set_handler(13, on_general_protection);
    set_handler(0x80, on_software);
    puts("exceptions: gdt and idt loaded\n");

    u32 quotient, remainder;
    __asm__ volatile("xor %%edx, %%edx\n div %%ecx" : "=a"(quotient), "=d"(remainder) : "a"(100), "c"(0));
    puts("100 / 7 = "); put_dec(quotient); puts(" remainder "); put_dec(remainder); puts("\n");

    __asm__ volatile(".globl ud2_at\n ud2_at: ud2");
    puts("after ud2\n");

    __asm__ volatile("int3\n .globl int3_after\n int3_after:");
    __asm__ volatile("mov $0x7fffffff, %%eax\n add $1, %%eax\n into" : : : "eax");
    __asm__ volatile("mov $0x1234, %%ax\n .globl bad_load_at\n bad_load_at: mov %%ax, %%ds" : : : "eax");

    u32 value;
    __asm__ volatile("int $0x80" : "=a"(value) : "a"(14));
    puts("int $0x80 returned "); put_dec(value); puts("\n");

    u16 cs, ds;
    __asm__ volatile("mov %%cs, %0\n mov %%ds, %1" : "=r"(cs), "=r"(ds));
    puts("cs "); put_hex(cs); puts(" ds "); put_hex(ds); puts("\n");
    return 0x21;
}
