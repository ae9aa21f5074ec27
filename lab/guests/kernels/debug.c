/* The debug registers and #DB: DR6/DR7 as reset and with their fixed bits, DR4/DR5 as aliases, an
   instruction breakpoint (a fault before the instruction, resumed with RF, and hit again on the next
   pass), data breakpoints on writes and on reads or writes (traps after the access, by length and
   overlap), EFLAGS.TF single-stepping (a trap after each instruction, DR6.BS; POPF setting and clearing
   TF; INT n while stepping; REP by iteration; the shadow of MOV SS, POP SS and STI), INT3, and ICEBP (F1), which qemu-system-i386 7.2 treats as #UD. The #DB handler records each trap's EIP
   and DR6 and clears DR6, as a debugger does. */
#include "cpu.h"

#define MAX_TRAPS 16
#define TF 0x100
#define RF 0x10000

static volatile u32 trap_eip[MAX_TRAPS], trap_dr6[MAX_TRAPS], traps;
static volatile u32 resume_with_rf;
static volatile u32 watched, watched_rw[2], software_hits;
extern char shadow_at[], bp_target[], bp_loop[], write_at[], after_write[], read_at[], after_read[], step_start[], int_after[], icebp_after[], int3_after[], step_bp[], icebp_at[], rep_at[];

static u32 read_dr6(void) { u32 v; __asm__ volatile("mov %%db6, %0" : "=r"(v)); return v; }
static u32 read_dr7(void) { u32 v; __asm__ volatile("mov %%db7, %0" : "=r"(v)); return v; }
static void write_dr6(u32 v) { __asm__ volatile("mov %0, %%db6" : : "r"(v)); }
static void write_dr7(u32 v) { __asm__ volatile("mov %0, %%db7" : : "r"(v)); }

static void on_debug(struct frame *f)
{
    if (traps < MAX_TRAPS) {
        trap_eip[traps] = f->eip;
        trap_dr6[traps] = read_dr6();
    }
    traps++;
    write_dr6(0);
    if (resume_with_rf) f->eflags |= RF;
}

static void on_breakpoint(struct frame *f)
{
    puts("#BP: eip after int3: "); puts(f->eip == (u32)int3_after ? "yes" : "no");
    puts(", tf in the frame: "); put_dec((f->eflags >> 8) & 1); puts("\n");
}

static void on_software(struct frame *f) { software_hits++; }

static void on_invalid_opcode(struct frame *f)
{
    puts("#UD at icebp: "); puts(f->eip == (u32)icebp_at ? "yes" : "no"); puts(", skipped\n");
    f->eip += 1;
}

/* Names a trap's EIP by the labels it may be at. */
static void name_eip(u32 eip)
{
    static const struct { const char *name; char *at; } labels[] = {
        { "bp_target", bp_target }, { "after_write", after_write }, { "after_read", after_read },
        { "int_after", int_after }, { "icebp_after", icebp_after }, { "step_start", step_start }, { "step_bp", step_bp }, { "rep_at", rep_at },
    };
    for (u32 k = 0; k < sizeof labels / sizeof labels[0]; k++)
        if (eip == (u32)labels[k].at) { puts(labels[k].name); return; }
    if (eip > (u32)step_start && eip < (u32)step_start + 64) { puts("step_start+"); put_dec(eip - (u32)step_start); return; }
    if (eip > (u32)shadow_at && eip < (u32)shadow_at + 64) { puts("shadow_at+"); put_dec(eip - (u32)shadow_at); return; }
    put_hex(eip);
}

static void report(const char *what)
{
    puts(what); puts(": "); put_dec(traps); puts(" #DB\n");
    for (u32 k = 0; k < traps && k < MAX_TRAPS; k++) {
        puts("  at "); name_eip(trap_eip[k]); puts(" dr6 "); put_hex(trap_dr6[k]); puts("\n");
    }
    traps = 0;
}

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    set_handler(1, on_debug);
    set_handler(3, on_breakpoint);
    set_handler(0x80, on_software);
    set_handler(6, on_invalid_opcode);
    puts("debug: start\n");
    puts("dr6 "); put_hex(read_dr6()); puts(" dr7 "); put_hex(read_dr7()); puts("\n");
    write_dr6(0); write_dr7(0);
    puts("after writing 0: dr6 "); put_hex(read_dr6()); puts(" dr7 "); put_hex(read_dr7()); puts("\n");
    u32 dr0, dr3, dr4, dr5;
    __asm__ volatile("mov %2, %%db0\n mov %3, %%db3\n mov %%db0, %0\n mov %%db3, %1" : "=r"(dr0), "=r"(dr3) : "r"(0x12345678), "r"(0x87654321));
    __asm__ volatile("mov %2, %%db4\n mov %%db4, %0\n mov %%db5, %1" : "=r"(dr4), "=r"(dr5) : "r"(0x0000F00F));
    puts("dr0 "); put_hex(dr0); puts(" dr3 "); put_hex(dr3); puts(" dr4 (dr6) "); put_hex(dr4); puts(" dr5 (dr7) "); put_hex(dr5); puts("\n");
    write_dr6(0);

    /* An instruction breakpoint (DR0, L0, execute): the handler resumes with RF, so the instruction runs. */
    u32 counter = 0;
    __asm__ volatile("mov %0, %%db0" : : "r"(bp_target));
    write_dr7(0x1);
    resume_with_rf = 1;
    __asm__ volatile(
        "mov $2, %%ecx\n"
        "bp_loop:\n"
        ".globl bp_target\n bp_target: incl %0\n"
        "loop bp_loop\n"
        : "+m"(counter) : : "ecx", "memory");
    write_dr7(0);
    report("instruction breakpoint, two passes");
    puts("the instruction ran: "); put_dec(counter); puts(" times\n");

    /* Data breakpoints: DR1 on writes of 4 bytes (G1), DR2 on reads or writes of 2 bytes (L2). */
    __asm__ volatile("mov %0, %%db1" : : "r"(&watched));
    __asm__ volatile("mov %0, %%db2" : : "r"(&watched_rw[1]));
    write_dr7(0x8 | 0x10 | (0x1 << 20) | (0x3 << 22) | (0x3 << 24) | (0x1 << 26));
    resume_with_rf = 0;
    u32 value;
    __asm__ volatile(
        ".globl write_at\n write_at: movl $5, %1\n"
        ".globl after_write\n after_write: mov %1, %0\n"    /* a read: DR1 watches writes only */
        "movb $1, 3+%1\n"                                  /* the last byte of the watched doubleword */
        "movb $1, 4+%1\n"                                  /* the byte after it */
        : "=r"(value) : "m"(watched) : "memory");
    report("write breakpoint: write, read, last byte, byte after");
    __asm__ volatile(
        ".globl read_at\n read_at: mov %1, %0\n"
        ".globl after_read\n after_read: mov 2+%1, %0\n"   /* the high half of watched_rw[1]: outside the 2 bytes */
        "movw $7, %1\n"
        "mov -2+%1, %0\n"                                  /* a doubleword overlapping its low half */
        : "=r"(value) : "m"(watched_rw[1]) : "memory");
    report("read/write breakpoint: read, outside, write, overlap");
    write_dr7(0);

    /* Single-stepping: POPF sets TF (no trap after it), three instructions trap, POPF clearing TF traps too. */
    __asm__ volatile(
        "pushf\n orl $0x100, (%%esp)\n popf\n"
        ".globl step_start\n step_start: nop\n"
        "mov $1, %%eax\n"
        "add %%eax, %%eax\n"
        "pushf\n andl $~0x100, (%%esp)\n popf\n"
        "nop\n"
        : : : "eax", "memory", "cc");
    report("single-step");

    /* Stepping into INT n: the handler runs with TF clear; the trap comes after the return. */
    __asm__ volatile(
        "pushf\n orl $0x100, (%%esp)\n popf\n"
        "int $0x80\n"
        ".globl int_after\n int_after: nop\n"
        "pushf\n andl $~0x100, (%%esp)\n popf\n"
        : : : "memory", "cc");
    report("single-step over int 0x80");
    puts("int 0x80 handler ran: "); put_dec(software_hits); puts("\n");

    /* Stepping onto an address DR0 names, its breakpoint disabled: DR6 reports B0 with BS all the same. */
    __asm__ volatile("mov %0, %%db0" : : "r"(step_bp));
    write_dr7(0x400);
    __asm__ volatile(
        "pushf\n orl $0x100, (%%esp)\n popf\n"
        "jmp 1f\n .globl step_bp\n step_bp: 1: nop\n"
        "pushf\n andl $~0x100, (%%esp)\n popf\n"
        : : : "memory", "cc");
    report("single-step onto a disabled breakpoint's address");

    /* A REP instruction single-steps by iteration: EIP stays at it until the last one. */
    static u8 source[4] = "abc", destination[4];
    __asm__ volatile(
        "pushf\n orl $0x100, (%%esp)\n popf\n"
        "mov $3, %%ecx\n .globl rep_at\n rep_at: rep movsb\n nop\n"
        "pushf\n andl $~0x100, (%%esp)\n popf\n"
        : : "S"(source), "D"(destination) : "ecx", "memory", "cc");
    report("single-step over rep movsb of 3 bytes");
    puts("copied: "); puts((const char *)destination); puts("\n");

    /* MOV SS, POP SS and STI hold the single-step trap back until after the next instruction. */
    __asm__ volatile(
        "mov %%ss, %%ax\n"
        "pushf\n orl $0x100, (%%esp)\n popf\n"
        ".globl shadow_at\n shadow_at: mov %%ax, %%ss\n nop\n push %%ss\n pop %%ss\n nop\n sti\n nop\n cli\n nop\n"
        "mov %%ax, %%ss\n mov %%ax, %%ss\n nop\n"
        "pushf\n andl $~0x100, (%%esp)\n popf\n"
        : : : "eax", "memory", "cc");
    report("single-step over mov ss, pop ss, sti, and two mov ss");

    __asm__ volatile("int3\n .globl int3_after\n int3_after:");
    __asm__ volatile(".globl icebp_at\n icebp_at: .byte 0xf1\n .globl icebp_after\n icebp_after:");
    report("icebp");
    puts("dr6 at the end "); put_hex(read_dr6()); puts(" dr7 "); put_hex(read_dr7()); puts("\n");
    puts("debug: done\n");
    exit_machine(0x23);
}
