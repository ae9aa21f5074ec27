#include "cpu.h"

struct gdt_entry { u16 limit_low, base_low; u8 base_mid, access, flags_limit, base_high; } __attribute__((packed));
struct idt_entry { u16 offset_low, selector; u8 zero, type; u16 offset_high; } __attribute__((packed));
struct table_register { u16 limit; u32 base; } __attribute__((packed));

/* The 32-bit TSS: only the ring-0 stack is used (for interrupts from ring 3). */
static struct { u32 link, esp0, ss0, rest[23]; } __attribute__((packed)) tss;

static struct gdt_entry gdt[GDT_ENTRIES];
static struct idt_entry idt[256];
static handler_t handlers[256];
extern u32 isr_stubs[];   /* isr.S: the address of each vector's stub */
extern void isr_stub_0x80(void);

void descriptor_set(void *entry, u32 base, u32 limit, u8 access, u8 flags)
{
    struct gdt_entry *e = entry;
    e->limit_low = limit & 0xFFFF;
    e->base_low = base & 0xFFFF;
    e->base_mid = (base >> 16) & 0xFF;
    e->access = access;
    e->flags_limit = (u8)((flags << 4) | ((limit >> 16) & 0xF));
    e->base_high = (base >> 24) & 0xFF;
}

static void gdt_set(int index, u32 base, u32 limit, u8 access, u8 flags) { descriptor_set(&gdt[index], base, limit, access, flags); }

void gdt_set_entry(int index, u32 base, u32 limit, u8 access, u8 flags) { gdt_set(index, base, limit, access, flags); }

void gdt_init(void)
{
    gdt_set(1, 0, 0xFFFFF, 0x9A, 0xC);   /* ring-0 code */
    gdt_set(2, 0, 0xFFFFF, 0x92, 0xC);   /* ring-0 data */
    gdt_set(3, 0, 0xFFFFF, 0xFA, 0xC);   /* ring-3 code */
    gdt_set(4, 0, 0xFFFFF, 0xF2, 0xC);   /* ring-3 data */
    tss.ss0 = KERNEL_DATA;
    gdt_set(5, (u32)&tss, sizeof tss - 1, 0x89, 0x0);
    struct table_register gdtr = { sizeof gdt - 1, (u32)gdt };
    __asm__ volatile(
        "lgdt %0\n"
        "ljmp $0x08, $1f\n"
        "1: mov $0x10, %%ax\n"
        "mov %%ax, %%ds\n mov %%ax, %%es\n mov %%ax, %%fs\n mov %%ax, %%gs\n mov %%ax, %%ss\n"
        "mov $0x28, %%ax\n ltr %%ax\n"
        : : "m"(gdtr) : "eax", "memory");
}

void tss_set_kernel_stack(u32 esp0) { tss.esp0 = esp0; }

static void idt_set(int vector, u32 offset, u8 type)
{
    idt[vector].offset_low = offset & 0xFFFF;
    idt[vector].selector = KERNEL_CODE;
    idt[vector].zero = 0;
    idt[vector].type = type;
    idt[vector].offset_high = offset >> 16;
}

static void unhandled(struct frame *f)
{
    puts("unhandled vector "); put_dec(f->vector);
    puts(" error "); put_hex(f->error);
    puts(" eip "); put_hex(f->eip); puts("\n");
    exit_machine(0x7F);
}

void idt_init(void)
{
    for (int v = 0; v < 48; v++) { idt_set(v, isr_stubs[v], 0x8E); handlers[v] = unhandled; }
    idt_set(0x80, (u32)isr_stub_0x80, 0x8E);
    handlers[0x80] = unhandled;
    struct table_register idtr = { sizeof idt - 1, (u32)idt };
    __asm__ volatile("lidt %0" : : "m"(idtr));
}

void set_handler(int vector, handler_t handler) { handlers[vector] = handler; }

void idt_set_task_gate(int vector, u16 tss_selector)
{
    idt[vector].offset_low = 0;
    idt[vector].selector = tss_selector;
    idt[vector].zero = 0;
    idt[vector].type = 0x85;
    idt[vector].offset_high = 0;
}

volatile u32 recover_at, caught_vector, caught_error;

static void recover(struct frame *f)
{
    if (!recover_at) unhandled(f);
    caught_vector = f->vector;
    caught_error = f->error;
    f->eip = recover_at;
    recover_at = 0;
}

void recover_from(int vector) { handlers[vector] = recover; }

void report_fault(const char *what, const char *if_none)
{
    puts(what); puts(": ");
    if (caught_vector == NO_FAULT) puts(if_none);
    else { puts("vector "); put_dec(caught_vector); puts(" error "); put_hex(caught_error); }
    puts("\n");
    caught_vector = NO_FAULT;
}

void allow_from_user(int vector) { idt[vector].type = 0xEE; }

/* Called by isr.S with the frame it built. */
void interrupt_dispatch(struct frame *frame) { handlers[frame->vector](frame); }

void pic_remap(void)
{
    outb(0x20, 0x11); outb(0xA0, 0x11);   /* ICW1: edge, cascade, ICW4 follows */
    outb(0x21, 0x20); outb(0xA1, 0x28);   /* ICW2: vector bases */
    outb(0x21, 0x04); outb(0xA1, 0x02);   /* ICW3: slave on line 2 */
    outb(0x21, 0x01); outb(0xA1, 0x01);   /* ICW4: 8086 mode */
    outb(0x21, 0xFF); outb(0xA1, 0xFF);   /* everything masked */
}
