/* Ring 3: the kernel drops to user mode with IRET through a frame it built, and user code calls back
   through a DPL-3 interrupt gate (int $0x80), which switches to the ring-0 stack named by the TSS.
   A privileged instruction in ring 3 raises #GP, and an INT to a DPL-0 gate raises #GP with the
   gate's error code; both are handled in ring 0 and the user code resumes after them. */
#include "cpu.h"

static u8 kernel_stack[8192] __attribute__((aligned(16)));
static u8 user_stack[4096] __attribute__((aligned(16)));
static u32 kernel_esp_seen;

static void on_syscall(struct frame *f)
{
    u32 esp;
    __asm__ volatile("mov %%esp, %0" : "=r"(esp));
    kernel_esp_seen = esp;
    switch (f->eax) {
    case 1:   /* write(string) */
        puts((const char *)f->ebx);
        break;
    case 2:   /* exit(code) */
        puts("exit from ring 3 with "); put_dec(f->ebx); puts("\n");
        puts("on the tss stack: ");
        puts(kernel_esp_seen > (u32)kernel_stack && kernel_esp_seen <= (u32)kernel_stack + sizeof kernel_stack ? "yes" : "no");
        puts("\n");
        exit_machine(f->ebx);
    case 3:   /* who am i: the caller's privilege level */
        f->eax = f->cs & 3;
        break;
    }
}

static void on_general_protection(struct frame *f)
{
    puts("#GP from ring "); put_dec(f->cs & 3); puts(", error "); put_hex(f->error); puts(", skipped\n");
    f->eip += f->error == 0 ? 1 : 2;   /* cli is one byte, int $n two */
}

static int syscall(u32 number, const void *argument)
{
    int result;
    __asm__ volatile("int $0x80" : "=a"(result) : "a"(number), "b"((u32)argument) : "memory");
    return result;
}

static void user_main(void)
{
    syscall(1, "hello from ring 3\n");
    int ring = syscall(3, 0);
    syscall(1, ring == 3 ? "the kernel saw cpl 3\n" : "the kernel saw another cpl\n");
    __asm__ volatile("cli");
    __asm__ volatile("int $0x20");   /* a DPL-0 gate: #GP with error (0x20 << 3) | 2 */
    u16 cs;
    __asm__ volatile("mov %%cs, %0" : "=r"(cs));
    syscall(1, (cs & 3) == 3 ? "still in ring 3\n" : "not in ring 3\n");
    u16 fs;
    __asm__ volatile("mov %%fs, %0" : "=r"(fs));
    syscall(1, fs == 0 ? "fs nulled by the return to ring 3\n" : "fs kept its kernel selector\n");
    syscall(2, (const void *)0x24);
    for (;;) { }
}

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    set_handler(0x80, on_syscall);
    set_handler(13, on_general_protection);
    allow_from_user(0x80);
    tss_set_kernel_stack((u32)kernel_stack + sizeof kernel_stack);
    puts("usermode: entering ring 3\n");
    __asm__ volatile(
        /* FS keeps the kernel's data segment: IRET to ring 3 must null it, as the outer level may not use it. */
        "mov $0x23, %%ax\n mov %%ax, %%ds\n mov %%ax, %%es\n mov %%ax, %%gs\n"
        "push $0x23\n"        /* SS */
        "push %0\n"           /* ESP */
        "push $0x202\n"       /* EFLAGS: IF set, IOPL 0 */
        "push $0x1B\n"        /* CS */
        "push %1\n"           /* EIP */
        "iret"
        : : "r"((u32)user_stack + sizeof user_stack), "r"(user_main) : "eax", "memory");
    return 0x7E;
}
