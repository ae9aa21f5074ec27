/* The freestanding helpers every test kernel uses: port I/O, COM1 and debugcon output, exit. */
#ifndef KERNEL_LIB_H
#define KERNEL_LIB_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;

static inline void outb(u16 port, u8 value) { __asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port)); }
static inline void outl(u16 port, u32 value) { __asm__ volatile("outl %0, %1" : : "a"(value), "Nd"(port)); }
static inline u8 inb(u16 port) { u8 value; __asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port)); return value; }

/* Programs COM1 for 115200 8N1, no interrupts, FIFOs left off. */
void serial_init(void);
/* Writes to COM1 (waiting for the transmitter) and to the 0xE9 debug console. */
void putc(char c);
void puts(const char *text);
void put_hex(u32 value);
void put_dec(u32 value);
/* isa-debug-exit: QEMU ends with status (code << 1) | 1. */
void exit_machine(u32 code) __attribute__((noreturn));

struct multiboot_info {
    u32 flags, mem_lower, mem_upper, boot_device, cmdline, mods_count, mods_addr;
    u32 syms[4];
    u32 mmap_length, mmap_addr;
};

#endif
