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

static inline u32 read_cr0(void) { u32 v; __asm__ volatile("mov %%cr0, %0" : "=r"(v)); return v; }
static inline u32 read_cr2(void) { u32 v; __asm__ volatile("mov %%cr2, %0" : "=r"(v)); return v; }
static inline void write_cr0(u32 v) { __asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory"); }
static inline void write_cr3(u32 v) { __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory"); }
static inline u32 read_cr4(void) { u32 v; __asm__ volatile("mov %%cr4, %0" : "=r"(v)); return v; }
static inline void write_cr4(u32 v) { __asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory"); }
static inline void invlpg(void *address) { __asm__ volatile("invlpg (%0)" : : "r"(address) : "memory"); }

#endif
