/* Hardware task switching with 32-bit TSSes. JMP to a TSS (the new task loads its registers, its LDT
   and a segment from it, and jumps back), CALL to a TSS and through a task gate of the GDT (NT set, the
   back link, IRET returns), INT n through a task gate of the IDT, a ring-3 task (its system call on
   the ring-0 stack of its own TSS, IRET at CPL 3 back to ring 0), busy bits, CR0.TS and DR7 as the
   switches leave them, and the faults of bad switches: a busy TSS, one too short, one not present, a gate to
   a data segment, a TSS above the caller's privilege, IRET with NT and no busy task to go back to.
   Then with paging: a task with a CR3 of its own sees other memory at the same address, and a stack
   that runs into an unmapped page (a #PF the CPU cannot push) is a double fault, which a task gate
   hands to a task with a stack of its own; that task repairs the old one and IRET resumes it. */
#include "cpu.h"

#define MAIN_TSS   6
#define TASK_A     7
#define TASK_B     8
#define GATE_B     9    /* a task gate in the GDT, to task B */
#define TASK_C     10   /* INT $0x40 through the IDT */
#define TASK_D     11   /* its own CR3 */
#define DF_TASK    12
#define SHORT_TSS  13
#define ABSENT_TSS 14
#define BAD_GATE   15   /* a task gate naming a data segment */
#define LDT_INDEX  16
#define TASK_F     17   /* a ring-3 task */
#define SEL(index) GDT_SELECTOR(index, 0)
#define LDT_DATA   0x04

#define PRESENT 1
#define WRITABLE 2
#define LARGE 0x80

static struct tss32 main_tss, tss_a, tss_b, tss_c, tss_d, tss_df, tss_short;
static u8 stack_a[4096] __attribute__((aligned(16)));
static u8 stack_b[4096] __attribute__((aligned(16)));
static u8 stack_c[4096] __attribute__((aligned(16)));
static u8 stack_d[4096] __attribute__((aligned(16)));
static u8 stack_df[4096] __attribute__((aligned(16)));
static u8 stack_f[4096] __attribute__((aligned(16)));
static u8 stack_f0[4096] __attribute__((aligned(16)));
static struct tss32 tss_f;
static u32 ldt[2][2] __attribute__((aligned(8)));
static u32 ldt_words[2] = { 0xCAFEF00D, 0x600DF00D };
static u32 directory[1024] __attribute__((aligned(4096)));
static u32 other_directory[1024] __attribute__((aligned(4096)));

extern void task_a_entry(void), task_b_entry(void), task_c_entry(void), task_d_entry(void), df_entry(void), task_f_entry(void);
extern char df_push[];

/* What task A found in its registers when it started. */
struct snapshot { u32 eax, ebx, ecx, edx, esi, edi, ebp, eflags, fs_word; u16 fs, ldtr, tr, cs, ss, ds; };
volatile struct snapshot seen_a;
volatile u32 df_resume_at, b_runs, b_eflags, c_eflags, d_word, d_cr3, df_error, df_cr2, df_eip, df_esp, good_esp;
volatile u16 b_link, b_tr, c_link, f_cs, f_syscall_cpl;
volatile u32 f_syscall_esp, f_io_fault;

__asm__(
    ".globl task_a_entry\n"
    "task_a_entry:\n"
    " mov %eax, seen_a+0\n mov %ebx, seen_a+4\n mov %ecx, seen_a+8\n mov %edx, seen_a+12\n"
    " mov %esi, seen_a+16\n mov %edi, seen_a+20\n mov %ebp, seen_a+24\n"
    " pushf\n pop %eax\n mov %eax, seen_a+28\n"
    " mov %fs:0, %eax\n mov %eax, seen_a+32\n"
    " mov %fs, seen_a+36\n sldt seen_a+38\n str seen_a+40\n mov %cs, seen_a+42\n mov %ss, seen_a+44\n mov %ds, seen_a+46\n"
    " ljmp $0x30, $0\n"          /* back to the main task */
    " jmp task_a_entry\n"
    /* Task B: called, records its NT flag and back link, returns with IRET; the next call resumes after it. */
    ".globl task_b_entry\n"
    "task_b_entry:\n"
    " incl b_runs\n pushf\n pop %eax\n mov %eax, b_eflags\n"
    " mov tss_b, %eax\n mov %ax, b_link\n str b_tr\n"
    " iret\n"
    " jmp task_b_entry\n"
    ".globl task_c_entry\n"
    "task_c_entry:\n"
    " pushf\n pop %eax\n mov %eax, c_eflags\n mov tss_c, %eax\n mov %ax, c_link\n"
    " iret\n"
    " jmp task_c_entry\n"
    /* Task D runs with its own page directory: linear 4 MiB is other memory there. */
    ".globl task_d_entry\n"
    "task_d_entry:\n"
    " mov 0x400000, %eax\n mov %eax, d_word\n mov %cr3, %eax\n mov %eax, d_cr3\n"
    " iret\n"
    " jmp task_d_entry\n"
    /* Task F runs in ring 3: a system call goes to ring 0 on the stack its own TSS names, port I/O
       faults (IOPL 0, no bitmap), and IRET at CPL 3 returns to the ring-0 task that called it. */
    ".globl task_f_entry\n"
    "task_f_entry:\n"
    " mov %cs, f_cs\n"
    " int $0x80\n"
    " movl $1f, recover_at\n inb $0x80, %al\n 1: movl $0, recover_at\n"
    " mov caught_vector, %eax\n mov %eax, f_io_fault\n"
    " iret\n"
    " jmp task_f_entry\n"
    /* The double-fault task: its error code is on its stack; it repairs the faulting task and returns to it. */
    ".globl df_entry\n"
    "df_entry:\n"
    " pop %eax\n mov %eax, df_error\n"
    " call df_repair\n"
    " iret\n"
    " jmp df_entry\n");

void df_repair(void)
{
    df_cr2 = read_cr2();
    df_eip = main_tss.eip;
    df_esp = main_tss.esp;
    main_tss.eip = df_resume_at;
    main_tss.esp = good_esp;
}

static void report(const char *what) { report_fault(what, "no fault"); }


static u32 gdt_high(int index)
{
    struct { u16 limit; u32 base; } __attribute__((packed)) gdtr;
    __asm__ volatile("sgdt %0" : "=m"(gdtr));
    return ((volatile u32 *)gdtr.base)[index * 2 + 1];
}

static void print_busy(const char *name, int index)
{
    puts(name); puts(gdt_high(index) & 0x200 ? " busy" : " available");
}

static void task_init(struct tss32 *t, void (*entry)(void), u8 *stack, u32 size)
{
    t->eip = (u32)entry;
    t->esp = (u32)stack + size;
    t->eflags = 0x2;
    t->cs = KERNEL_CODE;
    t->ss = t->ds = t->es = t->fs = t->gs = KERNEL_DATA;
    t->iomap_base = sizeof *t;
}

static void tss_descriptor(int index, struct tss32 *t, u32 limit, u8 access)
{
    gdt_set_entry(index, (u32)t, limit, access, 0x0);
}

static void clts(void) { __asm__ volatile("clts"); }

static void on_syscall(struct frame *f)
{
    u32 esp;
    __asm__ volatile("mov %%esp, %0" : "=r"(esp));
    f_syscall_cpl = f->cs & 3;
    f_syscall_esp = esp;
}

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    recover_from(10);
    recover_from(11);
    recover_from(13);
    caught_vector = NO_FAULT;
    puts("tasks: start\n");

    main_tss.iomap_base = sizeof main_tss;
    tss_descriptor(MAIN_TSS, &main_tss, sizeof main_tss - 1, 0x89);
    __asm__ volatile("ltr %0" : : "r"((u16)SEL(MAIN_TSS)));

    descriptor_set(ldt[0], (u32)ldt_words, sizeof ldt_words - 1, 0x92, 0x4);
    gdt_set_entry(LDT_INDEX, (u32)ldt, sizeof ldt - 1, 0x82, 0x0);
    task_init(&tss_a, task_a_entry, stack_a, sizeof stack_a);
    tss_a.eax = 0xA0A0A0A0; tss_a.ebx = 0xB0B0B0B0; tss_a.ecx = 0xC0C0C0C0; tss_a.edx = 0xD0D0D0D0;
    tss_a.esi = 0x51515151; tss_a.edi = 0xD1D1D1D1; tss_a.ebp = 0xBBBB0000;
    tss_a.eflags = 0x2 | 0x1 | 0x40 | 0x400;   /* CF, ZF, DF */
    tss_a.ldt = SEL(LDT_INDEX);
    tss_a.fs = LDT_DATA;
    tss_descriptor(TASK_A, &tss_a, sizeof tss_a - 1, 0x89);
    task_init(&tss_b, task_b_entry, stack_b, sizeof stack_b);
    tss_descriptor(TASK_B, &tss_b, sizeof tss_b - 1, 0x89);
    gdt_set_entry(GATE_B, SEL(TASK_B), 0, 0x85, 0x0);
    task_init(&tss_c, task_c_entry, stack_c, sizeof stack_c);
    tss_descriptor(TASK_C, &tss_c, sizeof tss_c - 1, 0x89);
    idt_set_task_gate(0x40, SEL(TASK_C));
    tss_descriptor(SHORT_TSS, &tss_short, 0x60, 0x89);
    tss_descriptor(ABSENT_TSS, &tss_b, sizeof tss_b - 1, 0x09);
    gdt_set_entry(BAD_GATE, KERNEL_DATA, 0, 0x85, 0x0);

    /* JMP to task A, which jumps back: the main task resumes after its JMP with its registers. A task
       switch ends the old task's local breakpoints (DR7's L bits); global ones stay. */
    __asm__ volatile("mov %0, %%db0\n mov %0, %%db1\n mov %1, %%db7" : : "r"(0xFFFF0000), "r"(0x1 | 0x8));
    u32 kept;
    __asm__ volatile("mov $0x12344321, %%esi\n ljmp $0x38, $0\n mov %%esi, %0" : "=r"(kept) : : "esi", "memory");
    u32 dr7;
    __asm__ volatile("mov %%db7, %0\n mov %1, %%db7" : "=r"(dr7) : "r"(0));
    puts("dr7 after two switches, l0 and g1 set before: "); put_hex(dr7); puts("\n");
    puts("back from task a, esi kept: "); put_hex(kept); puts("\n");
    puts("task a: eax "); put_hex(seen_a.eax); puts(" ebx "); put_hex(seen_a.ebx); puts(" ecx "); put_hex(seen_a.ecx);
    puts(" edx "); put_hex(seen_a.edx); puts("\n        esi "); put_hex(seen_a.esi); puts(" edi "); put_hex(seen_a.edi);
    puts(" ebp "); put_hex(seen_a.ebp); puts(" eflags "); put_hex(seen_a.eflags); puts("\n");
    puts("task a: fs "); put_hex(seen_a.fs); puts(" fs:0 "); put_hex(seen_a.fs_word); puts(" ldtr "); put_hex(seen_a.ldtr);
    puts(" tr "); put_hex(seen_a.tr); puts(" cs "); put_hex(seen_a.cs); puts(" ss "); put_hex(seen_a.ss); puts(" ds "); put_hex(seen_a.ds); puts("\n");
    puts("task a saved: eip at entry+"); put_hex(tss_a.eip - (u32)task_a_entry); puts(" esi "); put_hex(tss_a.esi); puts(" fs "); put_hex(tss_a.fs); puts("\n");
    puts("main saved eflags "); put_hex(main_tss.eflags); puts("\n");
    puts("cr0.ts: "); put_dec((read_cr0() >> 3) & 1); puts("\n");
    clts();
    print_busy("main", MAIN_TSS); print_busy(", task a", TASK_A); puts("\n");
    u16 ldtr;
    __asm__ volatile("sldt %0" : "=r"(ldtr));
    puts("main ldtr after the return: "); put_hex(ldtr); puts("\n");

    /* CALL: task B runs nested, with NT and a back link, and returns with IRET. */
    __asm__ volatile("lcall $0x40, $0" : : : "memory");
    puts("task b: runs "); put_dec(b_runs); puts(" nt "); put_dec((b_eflags >> 14) & 1);
    puts(" link "); put_hex(b_link); puts(" tr "); put_hex(b_tr); puts("\n");
    print_busy("after iret: main", MAIN_TSS); print_busy(", task b", TASK_B); puts("\n");
    u32 eflags;
    __asm__ volatile("pushf\n pop %0" : "=r"(eflags));
    puts("main nt: "); put_dec((eflags >> 14) & 1); puts(", cr0.ts: "); put_dec((read_cr0() >> 3) & 1); puts("\n");
    clts();
    __asm__ volatile("lcall $0x48, $0" : : : "memory");
    puts("through the gdt task gate, task b runs "); put_dec(b_runs); puts("\n");
    __asm__ volatile("int $0x40" : : : "memory");
    puts("int 0x40 through the idt task gate: nt "); put_dec((c_eflags >> 14) & 1); puts(" link "); put_hex(c_link); puts("\n");
    print_busy("main", MAIN_TSS); print_busy(", task c", TASK_C); puts("\n");

    /* CALL to a ring-3 task. */
    task_init(&tss_f, task_f_entry, stack_f, sizeof stack_f);
    tss_f.cs = USER_CODE;
    tss_f.ss = tss_f.ds = tss_f.es = tss_f.fs = tss_f.gs = USER_DATA;
    tss_f.ss0 = KERNEL_DATA;
    tss_f.esp0 = (u32)stack_f0 + sizeof stack_f0;
    tss_descriptor(TASK_F, &tss_f, sizeof tss_f - 1, 0x89);
    set_handler(0x80, on_syscall);
    allow_from_user(0x80);
    caught_vector = NO_FAULT;
    __asm__ volatile("lcall $0x88, $0" : : : "memory");
    puts("task f: cs "); put_hex(f_cs); puts(", its system call came from ring "); put_dec(f_syscall_cpl);
    puts(" onto its tss's ring-0 stack: ");
    puts(f_syscall_esp > (u32)stack_f0 && f_syscall_esp <= (u32)stack_f0 + sizeof stack_f0 ? "yes" : "no");
    puts(", inb 0x80 raised vector "); put_dec(f_io_fault); puts("\n");
    u16 cs;
    __asm__ volatile("mov %%cs, %0" : "=r"(cs));
    puts("main back in ring "); put_dec(cs & 3); print_busy(", task f", TASK_F); puts("\n");
    caught_vector = NO_FAULT;

    PROBE("ljmp $0x30, $0", "i"(0));
    report("jmp to the busy main tss");
    PROBE("lcall $0x68, $0", "i"(0));
    report("call to a tss with limit 0x60");
    PROBE("lcall $0x70, $0", "i"(0));
    report("call to a not-present tss");
    PROBE("lcall $0x78, $0", "i"(0));
    report("call through a gate to a data segment");
    PROBE("lcall $0x43, $0", "i"(0));
    report("call to a dpl-0 tss with rpl 3");
    tss_descriptor(TASK_B, &tss_b, sizeof tss_b - 1, 0x8B);
    PROBE("lcall $0x48, $0", "i"(0));
    report("call through a gate to a busy tss");
    tss_descriptor(TASK_B, &tss_b, sizeof tss_b - 1, 0x89);
    PROBE("pushf\n orl $0x4000, (%%esp)\n popf\n iret", "i"(0));
    report("iret with nt and a null back link");
    __asm__ volatile("pushf\n andl $~0x4000, (%%esp)\n popf" : : : "memory", "cc");
    main_tss.link = SEL(TASK_B);
    PROBE("pushf\n orl $0x4000, (%%esp)\n popf\n iret", "i"(0));
    report("iret with nt and a back link to an available tss");
    __asm__ volatile("pushf\n andl $~0x4000, (%%esp)\n popf" : : : "memory", "cc");
    main_tss.link = 0;

    /* Paging: the identity map in 4 MiB pages; the other directory maps 4 MiB to physical 8 MiB. */
    directory[0] = 0x000000 | PRESENT | WRITABLE | LARGE;
    directory[1] = 0x400000 | PRESENT | WRITABLE | LARGE;
    directory[2] = 0x800000 | PRESENT | WRITABLE | LARGE;
    for (int k = 0; k < 3; k++) other_directory[k] = directory[k];
    other_directory[1] = 0x800000 | PRESENT | WRITABLE | LARGE;
    main_tss.cr3 = (u32)directory;
    write_cr4(read_cr4() | 0x10);
    write_cr3((u32)directory);
    write_cr0(read_cr0() | 0x80000000);
    *(volatile u32 *)0x400000 = 0x44444444;
    *(volatile u32 *)0x800000 = 0x88888888;
    task_init(&tss_d, task_d_entry, stack_d, sizeof stack_d);
    tss_d.cr3 = (u32)other_directory;
    tss_descriptor(TASK_D, &tss_d, sizeof tss_d - 1, 0x89);
    __asm__ volatile("lcall $0x58, $0" : : : "memory");
    u32 cr3;
    __asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
    puts("task d read "); put_hex(d_word); puts(", its cr3 is the other directory: "); puts(d_cr3 == (u32)other_directory ? "yes" : "no");
    puts("\nmain reads "); put_hex(*(volatile u32 *)0x400000); puts(", cr3 back: "); puts(cr3 == (u32)directory ? "yes" : "no"); puts("\n");

    task_init(&tss_df, df_entry, stack_df, sizeof stack_df);
    tss_df.cr3 = (u32)directory;
    tss_descriptor(DF_TASK, &tss_df, sizeof tss_df - 1, 0x89);
    idt_set_task_gate(8, SEL(DF_TASK));
    __asm__ volatile(
        "movl $1f, df_resume_at\n"
        "mov %%esp, good_esp\n"
        "mov $0x1000000, %%esp\n"
        ".globl df_push\n df_push: push $0\n"
        "1:\n"
        : : : "memory");
    puts("survived a double fault: error "); put_hex(df_error); puts(" cr2 "); put_hex(df_cr2);
    puts(" at the push: "); puts(df_eip == (u32)df_push ? "yes" : "no"); puts(" esp "); put_hex(df_esp); puts("\n");
    print_busy("main", MAIN_TSS); print_busy(", double-fault task", DF_TASK); puts("\n");
    __asm__ volatile("movl $1f, df_resume_at\n mov %%esp, good_esp\n mov $0x1000000, %%esp\n push $0\n 1:" : : : "memory");
    puts("and a second one: esp "); put_hex(df_esp); puts("\n");

    puts("tasks: done\n");
    exit_machine(0x22);
}
