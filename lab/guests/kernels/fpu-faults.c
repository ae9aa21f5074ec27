/* The x87's faults in system mode: an unmasked exception (a division by zero with ZM clear) is
   pending until FWAIT, which raises #MF when CR0.NE is set; FWAIT
   with CR0.MP and CR0.TS set raises #NM (lazy FPU switching), as does any x87 instruction with TS or
   EM set, and BOUND out of range raises #BR.
   Each handler fixes the cause, and the faulting instruction runs again. */
#include "cpu.h"

extern char fwait_mf[], fwait_nm[], fld_ts[], fld_em[], bound_at[];
static volatile u32 faults;

static void on_math_fault(struct frame *f)
{
    u16 status;
    __asm__ volatile("fnstsw %0" : "=m"(status));
    puts("#MF: vector "); put_dec(f->vector); puts(", at the fwait: "); puts(f->eip == (u32)fwait_mf ? "yes" : "no");
    puts(", status es+ze: "); puts((status & 0x84) == 0x84 ? "yes" : "no"); puts("\n");
    __asm__ volatile("fnclex");
    faults++;
}

static void on_no_device(struct frame *f)
{
    const char *at = f->eip == (u32)fwait_nm ? "the fwait" : f->eip == (u32)fld_ts ? "the fld1" : f->eip == (u32)fld_em ? "the fldz" : "elsewhere";
    puts("#NM: vector "); put_dec(f->vector); puts(", at "); puts(at); puts("\n");
    __asm__ volatile("clts");
    write_cr0(read_cr0() & ~0x04u);   /* and EM */
    faults++;
}

static void on_bound(struct frame *f)
{
    puts("#BR: vector "); put_dec(f->vector); puts(", at the bound: "); puts(f->eip == (u32)bound_at ? "yes" : "no");
    puts(", index "); put_dec(f->eax); puts(", clamped to 9\n");
    f->eax = 9;
    faults++;
}

static void divide_by_zero_unmasked(void)
{
    u16 control = 0x037B;   /* the default, with ZM (bit 2) clear */
    __asm__ volatile("fninit\n fldcw %0\n fld1\n fldz\n fdivrp\n fstp %%st(0)" : : "m"(control));
}

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    set_handler(5, on_bound);
    set_handler(7, on_no_device);
    set_handler(16, on_math_fault);
    puts("fpu-faults: cr0 ne: "); puts(read_cr0() & 0x20 ? "set" : "clear"); puts("\n");

    /* (FWAIT with an error pending and NE clear would assert FERR#: qemu-system-i386 7.2 aborts on it.) */
    write_cr0(read_cr0() | 0x20);   /* NE: x87 errors as #MF */
    divide_by_zero_unmasked();
    u16 status;
    __asm__ volatile("fnstsw %0" : "=m"(status));
    puts("pending until fwait: es "); puts(status & 0x80 ? "set" : "clear"); puts(", faults "); put_dec(faults); puts("\n");
    __asm__ volatile(".globl fwait_mf\n fwait_mf: fwait");
    puts("after #MF: faults "); put_dec(faults); puts("\n");

    write_cr0(read_cr0() | 0x0A);   /* MP and TS, as an OS leaves them after a task switch */
    __asm__ volatile(".globl fwait_nm\n fwait_nm: fwait");
    puts("after #NM: faults "); put_dec(faults); puts(", ts: "); puts(read_cr0() & 0x08 ? "set" : "clear"); puts("\n");

    /* Any x87 instruction with TS set (after a task switch), or with EM set (no FPU), is #NM. */
    write_cr0(read_cr0() | 0x08);
    __asm__ volatile(".globl fld_ts\n fld_ts: fld1\n fstp %%st(0)" : : : "memory");
    puts("fld1 after #NM: faults "); put_dec(faults); puts("\n");
    write_cr0((read_cr0() & ~0x02u) | 0x04);   /* EM, MP clear */
    __asm__ volatile("fwait");                 /* WAIT ignores EM */
    __asm__ volatile(".globl fld_em\n fld_em: fldz\n fstp %%st(0)" : : : "memory");
    puts("fldz after #NM: faults "); put_dec(faults); puts(", em: "); puts(read_cr0() & 0x04 ? "set" : "clear"); puts("\n");

    static const int bounds[2] = { 0, 9 };
    int index = 12;
    __asm__ volatile(".globl bound_at\n bound_at: bound %0, %1" : "+a"(index) : "m"(bounds));
    puts("after #BR: index "); put_dec((u32)index); puts(", faults "); put_dec(faults); puts("\n");
    return 0x37;
}
