/* The local descriptor table: LLDT's checks on the GDT descriptor it names (#GP for a wrong type or a
   TI = 1 selector, #NP when not present), SLDT, and selectors with TI = 1 loading data segments (with a
   base of their own), a code segment reached by far JMP, far CALL/RET and IRET, an interrupt taken
   while running in it, LAR/LSL/VERR/VERW on GDT and LDT selectors, and the faults of LDT selectors past the limit, not present, or after LLDT 0.
   (The LDT register a multiboot loader leaves behind is the reset one, base 0 and limit 0xFFFF: what a
   TI = 1 selector finds there depends on the BIOS, so nothing is tried before the first LLDT.) */
#include "cpu.h"

#define LDT_INDEX 6
#define LDT_SELECTOR GDT_SELECTOR(LDT_INDEX, 0)
#define NOT_PRESENT_LDT_SELECTOR GDT_SELECTOR(7, 0)
#define LDT_DATA 0x04      /* LDT entry 0, RPL 0 */
#define LDT_CODE 0x0C      /* LDT entry 1 */
#define LDT_ABSENT 0x14    /* LDT entry 2: not present */
#define LDT_USER_DATA 0x1F /* LDT entry 3, DPL 3, RPL 3 */
#define PAST_LDT 0x3C      /* LDT entry 7: beyond the limit of four entries */

static u32 ldt[4][2] __attribute__((aligned(8)));
static u32 marker[4] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444 };
extern void far_target(void);

/* A far CALL target: returns its CS in AX. */
__asm__(".globl far_target\nfar_target:\n mov %cs, %ax\n lret\n");

static void report(const char *what) { report_fault(what, "no fault"); }

/* PROBE, for instructions that write EAX. */
#define PROBE_EAX(insn, ...) \
    __asm__ volatile("movl $1f, recover_at\n" insn "\n1: movl $0, recover_at" : : __VA_ARGS__ : "eax", "memory")

/* LAR, LSL, VERR, VERW: ZF says whether the check passed; the destination keeps 0xDEAD0000 when not. */
static void check_selector(const char *what, u16 selector)
{
    u32 rights = 0xDEAD0000, limit = 0xDEAD0000;
    u8 lar_ok, lsl_ok, readable, writable;
    __asm__ volatile("lar %2, %0\n setz %1" : "+r"(rights), "=q"(lar_ok) : "r"((u32)selector) : "cc");
    __asm__ volatile("lsl %2, %0\n setz %1" : "+r"(limit), "=q"(lsl_ok) : "r"((u32)selector) : "cc");
    __asm__ volatile("verr %1\n setz %0" : "=q"(readable) : "r"(selector) : "cc");
    __asm__ volatile("verw %1\n setz %0" : "=q"(writable) : "r"(selector) : "cc");
    puts(what); puts(": lar "); put_dec(lar_ok); puts(" "); put_hex(rights);
    puts(" lsl "); put_dec(lsl_ok); puts(" "); put_hex(limit);
    puts(" verr "); put_dec(readable); puts(" verw "); put_dec(writable); puts("\n");
}

static u16 interrupted_cs;
static void on_breakpoint(struct frame *f) { interrupted_cs = (u16)f->cs; }

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    recover_from(11);
    recover_from(12);
    recover_from(13);
    set_handler(3, on_breakpoint);
    caught_vector = NO_FAULT;
    puts("ldt: start\n");

    u16 current;
    __asm__ volatile("sldt %0" : "=r"(current));
    puts("sldt at boot: "); put_hex(current); puts("\n");

    descriptor_set(ldt[0], (u32)&marker[1], sizeof marker - 4 - 1, 0x92, 0x4);
    descriptor_set(ldt[1], 0, 0xFFFFF, 0x9A, 0xC);
    descriptor_set(ldt[2], 0, 0xFFFFF, 0x12, 0xC);
    descriptor_set(ldt[3], 0, 0xFFFFF, 0xF2, 0xC);
    gdt_set_entry(LDT_INDEX, (u32)ldt, sizeof ldt - 1, 0x82, 0x0);
    gdt_set_entry(7, (u32)ldt, sizeof ldt - 1, 0x02, 0x0);

    PROBE_EAX("lldt %0", "r"((u16)KERNEL_DATA));
    report("lldt of a data segment");
    PROBE_EAX("lldt %0", "r"((u16)NOT_PRESENT_LDT_SELECTOR));
    report("lldt of a not-present ldt");
    PROBE_EAX("lldt %0", "r"((u16)(LDT_SELECTOR | 4)));
    report("lldt with ti set");
    PROBE_EAX("lldt %0", "r"((u16)GDT_SELECTOR(GDT_ENTRIES, 0)));
    report("lldt past the gdt");
    PROBE_EAX("lldt %0", "r"((u16)LDT_SELECTOR));
    report("lldt of the ldt");
    __asm__ volatile("sldt %0" : "=r"(current));
    puts("sldt: "); put_hex(current); puts("\n");
    u16 in_memory = 0xFFFF;
    __asm__ volatile("sldt %0" : "=m"(in_memory));
    puts("sldt to memory: "); put_hex(in_memory); puts("\n");

    PROBE_EAX("mov %0, %%fs", "r"((u16)LDT_DATA));
    report("fs from the ldt");
    u32 first, second;
    u16 fs;
    __asm__ volatile("mov %%fs:0, %0\n mov %%fs:4, %1\n mov %%fs, %2" : "=r"(first), "=r"(second), "=r"(fs));
    puts("fs:0 "); put_hex(first); puts(" fs:4 "); put_hex(second); puts(" fs "); put_hex(fs); puts("\n");

    check_selector("kernel code 0x08", KERNEL_CODE);
    check_selector("user data 0x23", USER_DATA);
    check_selector("tss 0x28 (busy)", TSS_SELECTOR);
    check_selector("ldt descriptor 0x30", LDT_SELECTOR);
    check_selector("null", 0);
    check_selector("ldt data 0x04", LDT_DATA);
    check_selector("ldt code 0x0c", LDT_CODE);
    check_selector("ldt not present 0x14", LDT_ABSENT);
    check_selector("ldt ring-3 data 0x1f", LDT_USER_DATA);
    check_selector("ldt data with rpl 3 0x07", LDT_DATA | 3);
    check_selector("past the ldt 0x3c", PAST_LDT);

    PROBE_EAX("mov %0, %%gs", "r"((u16)PAST_LDT));
    report("selector past the ldt limit");
    PROBE_EAX("mov %0, %%gs", "r"((u16)LDT_ABSENT));
    report("not-present ldt segment");
    PROBE_EAX("mov %0, %%ss", "r"((u16)LDT_USER_DATA));
    report("ring-3 ldt segment into ss");
    PROBE_EAX("mov %0, %%gs", "r"((u16)(LDT_CODE)));
    report("ldt code segment (readable) into gs");
    __asm__ volatile("mov %0, %%gs" : : "r"((u16)KERNEL_DATA));

    u16 cs_after_jump, cs_in_call, cs_after_return, cs_after_iret;
    __asm__ volatile(
        "ljmp $0x0C, $1f\n"
        "1: mov %%cs, %0\n"
        "lcall $0x0C, $far_target\n"
        "mov %%ax, %1\n"
        "ljmp $0x08, $2f\n"
        "2: mov %%cs, %2\n"
        : "=r"(cs_after_jump), "=r"(cs_in_call), "=r"(cs_after_return) : : "eax", "memory");
    puts("cs after ljmp: "); put_hex(cs_after_jump); puts("\n");
    puts("cs in lcall: "); put_hex(cs_in_call); puts("\n");
    puts("cs after ljmp back: "); put_hex(cs_after_return); puts("\n");

    __asm__ volatile(
        "pushf\n push $0x0C\n push $1f\n iret\n"
        "1: mov %%cs, %0\n"
        "int3\n"
        "lcall $0x0C, $far_target\n"
        "ljmp $0x08, $2f\n"
        "2:\n"
        : "=r"(cs_after_iret) : : "eax", "memory");
    puts("cs after iret: "); put_hex(cs_after_iret); puts("\n");
    puts("cs seen by int3 handler: "); put_hex(interrupted_cs); puts("\n");

    PROBE_EAX("ljmp $0x14, $1f", "i"(0));
    report("ljmp to a not-present ldt segment");
    PROBE_EAX("ljmp $0x3C, $1f", "i"(0));
    report("ljmp past the ldt limit");

    PROBE_EAX("lldt %0", "r"((u16)0));
    report("lldt null");
    __asm__ volatile("mov %%fs:0, %0\n mov %%fs, %1" : "=r"(first), "=r"(fs));
    puts("fs still cached: "); put_hex(first); puts(" fs "); put_hex(fs); puts("\n");
    /* The interrupt stubs save and reload FS: it must not hold an LDT selector when the probe below faults. */
    __asm__ volatile("mov %0, %%fs" : : "r"((u16)KERNEL_DATA));
    PROBE_EAX("mov %0, %%fs", "r"((u16)LDT_DATA));
    report("fs from the ldt after lldt null");
    __asm__ volatile("sldt %0" : "=r"(current));
    puts("sldt: "); put_hex(current); puts("\n");
    check_selector("ldt data 0x04 with no ldt", LDT_DATA);

    puts("ldt: done\n");
    exit_machine(0x21);
}
