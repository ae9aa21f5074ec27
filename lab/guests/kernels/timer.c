/* Timer interrupts: the PIT's channel 0 (left by the BIOS at ~18.2 Hz, then reprogrammed to 100 Hz)
   through the PIC remapped to vector 0x20, counted while the CPU HLTs with interrupts enabled. Also
   the counter latch, channel 2 gated by port 0x61 in mode 0, and the CMOS. Only facts that do not depend
   on how fast the host runs are printed ("at least 3 ticks"), so the output is the same on every engine. */
#include "cpu.h"

static volatile u32 ticks;

static void on_timer(struct frame *f)
{
    ticks++;
    outb(0x20, 0x20);   /* EOI */
}

static u16 read_counter0(void)
{
    outb(0x43, 0x00);   /* latch channel 0 */
    u8 low = inb(0x40);
    return (u16)(low | (inb(0x40) << 8));
}

static u8 cmos(u8 index) { outb(0x70, index); return inb(0x71); }

static void wait_ticks(u32 count)
{
    u32 start = ticks;
    while (ticks - start < count) __asm__ volatile("sti; hlt; cli");
}

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    pic_remap();
    set_handler(0x20, on_timer);
    puts("timer: pic remapped to 0x20\n");

    /* The BIOS rate first: the counter counts down between two latches. */
    u16 first = read_counter0();
    for (volatile int i = 0; i < 20000; i++) { }
    u16 second = read_counter0();
    puts("counter moves: "); puts(first != second ? "yes" : "no"); puts("\n");

    outb(0x21, 0xFE);   /* unmask IRQ 0 only */
    wait_ticks(3);
    puts("bios rate: ticks>=3\n");

    outb(0x43, 0x34);   /* channel 0, lobyte/hibyte, mode 2 */
    outb(0x40, 11932 & 0xFF);
    outb(0x40, 11932 >> 8);
    wait_ticks(10);
    puts("100 Hz: ticks>=10\n");
    outb(0x21, 0xFF);

    /* Channel 2, gated by port 0x61 bit 0, in mode 0: its output (bit 5) rises at terminal count. */
    outb(0x61, (u8)(inb(0x61) & ~0x03));
    outb(0x43, 0xB0);   /* channel 2, lobyte/hibyte, mode 0 */
    outb(0x42, 0x00);
    outb(0x42, 0x10);   /* 4096 counts, about 3.4 ms */
    outb(0x61, (u8)((inb(0x61) & ~0x02) | 0x01));
    u32 polls = 0;
    while ((inb(0x61) & 0x20) == 0 && polls < 100000000) polls++;
    puts("channel 2 reached terminal count: "); puts((inb(0x61) & 0x20) ? "yes" : "no"); puts("\n");

    puts("cmos status d: "); put_hex(cmos(0x0D)); puts("\n");
    puts("cmos base memory: "); put_dec(cmos(0x15) | (cmos(0x16) << 8)); puts(" KiB\n");
    puts("cmos extended memory: "); put_dec(cmos(0x17) | (cmos(0x18) << 8)); puts(" KiB\n");
    puts("cmos memory above 16 MiB: "); put_dec(cmos(0x34) | (cmos(0x35) << 8)); puts(" x 64 KiB\n");
    return 0x33;
}
