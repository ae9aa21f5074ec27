/* Protected-mode setup shared by the test kernels: a flat GDT with ring-0 and ring-3 segments and
   a TSS, an IDT whose every vector goes through one assembly stub (isr.S) to a C handler. */
#ifndef KERNEL_CPU_H
#define KERNEL_CPU_H
#include "lib.h"

#define KERNEL_CODE 0x08
#define KERNEL_DATA 0x10
#define USER_CODE   0x1B   /* GDT entry 3, RPL 3 */
#define USER_DATA   0x23   /* GDT entry 4, RPL 3 */
#define TSS_SELECTOR 0x28
/* Entries 6 and up are free for the kernels' own descriptors (gdt_set_entry). */
#define GDT_ENTRIES 24
#define GDT_SELECTOR(index, rpl) (((index) << 3) | (rpl))

/* The 32-bit TSS (Intel SDM vol. 3, 8.2.1); the I/O permission bitmap, when there is one, follows at iomap_base. */
struct tss32 {
    u32 link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
    u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
    u32 es, cs, ss, ds, fs, gs, ldt;
    u16 trap, iomap_base;
} __attribute__((packed));

/* What isr.S pushes, lowest address first: segment registers, pusha, vector, error code, then the CPU's frame. */
struct frame {
    u32 gs, fs, es, ds;
    u32 edi, esi, ebp, esp_at_pusha, ebx, edx, ecx, eax;
    u32 vector, error;
    u32 eip, cs, eflags;
    u32 user_esp, user_ss;   /* only when the interrupt came from ring 3 */
};

typedef void (*handler_t)(struct frame *frame);

void gdt_init(void);
/* Installs gates for vectors 0-47 and 0x80 (interrupt gates, DPL 0) with the default handler. */
void idt_init(void);
void set_handler(int vector, handler_t handler);
/* Lets ring 3 raise the vector with INT n (gate DPL 3). */
void allow_from_user(int vector);
/* Remaps the PICs to vectors 0x20 and 0x28, all lines masked. */
void pic_remap(void);
void tss_set_kernel_stack(u32 esp0);
/* Fills one 8-byte descriptor of a GDT or LDT: access is the type byte (P, DPL, S, type), flags the high nibble (G, D/B). */
void descriptor_set(void *entry, u32 base, u32 limit, u8 access, u8 flags);
void gdt_set_entry(int index, u32 base, u32 limit, u8 access, u8 flags);
/* A task gate (type 5) at an IDT vector, naming a TSS selector. */
void idt_set_task_gate(int vector, u16 tss_selector);

/* Provoking faults on purpose: while recover_at is non-zero, a vector given to recover_from() records
   the fault in caught_vector/caught_error and resumes at recover_at (which it clears), with the faulting
   code's registers and stack: recover_at must be a label of the same asm statement. */
extern volatile u32 recover_at, caught_vector, caught_error;
void recover_from(int vector);
/* caught_vector when nothing faulted. */
#define NO_FAULT 0xFF
/* Prints "WHAT: " and the fault caught (vector and error code) or IF_NONE, and resets caught_vector. */
void report_fault(const char *what, const char *if_none);
/* Runs INSN (operands as for asm) with recover_at set to just after it. */
#define PROBE(insn, ...) \
    __asm__ volatile("movl $1f, recover_at\n" insn "\n1: movl $0, recover_at" : : __VA_ARGS__ : "memory")

static inline u32 read_cr0(void) { u32 v; __asm__ volatile("mov %%cr0, %0" : "=r"(v)); return v; }
static inline u32 read_cr2(void) { u32 v; __asm__ volatile("mov %%cr2, %0" : "=r"(v)); return v; }
static inline void write_cr0(u32 v) { __asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory"); }
static inline void write_cr3(u32 v) { __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory"); }
static inline u32 read_cr4(void) { u32 v; __asm__ volatile("mov %%cr4, %0" : "=r"(v)); return v; }
static inline void write_cr4(u32 v) { __asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory"); }
static inline void invlpg(void *address) { __asm__ volatile("invlpg (%0)" : : "r"(address) : "memory"); }

#endif
