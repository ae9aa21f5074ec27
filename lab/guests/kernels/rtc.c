/* The CMOS RTC's interrupts on IRQ 8 (the slave PIC, remapped to vector 0x28): periodic at 1024 Hz,
   update-ended once a second, and the alarm. The handler reads register C, without which the chip
   raises no further interrupt. Only facts that do not depend on how fast the host runs are printed
   (which flags were up, "at least N interrupts"), so the output is the same on every engine. */
#include "cpu.h"

#define REG_A 0x0A
#define REG_B 0x0B
#define REG_C 0x0C
#define PIE 0x40
#define AIE 0x20
#define UIE 0x10

static volatile u32 interrupts;
static volatile u8 flags_seen;

static u8 cmos(u8 index) { outb(0x70, index); return inb(0x71); }
static void cmos_write(u8 index, u8 value) { outb(0x70, index); outb(0x71, value); }

static void on_rtc(struct frame *f)
{
    flags_seen |= cmos(REG_C);
    interrupts++;
    outb(0xA0, 0x20);   /* EOI to the slave, then the master */
    outb(0x20, 0x20);
}

/* Waits, halted, for COUNT interrupts with the sources in ENABLE; returns the flags the handler saw. */
static u8 wait_for(u8 enable, u32 count)
{
    flags_seen = 0;
    interrupts = 0;
    cmos_write(REG_B, (u8)((cmos(REG_B) & ~(PIE | AIE | UIE)) | enable));
    while (interrupts < count) __asm__ volatile("sti; hlt; cli");
    cmos_write(REG_B, (u8)(cmos(REG_B) & ~(PIE | AIE | UIE)));
    (void)cmos(REG_C);
    return flags_seen;
}

int kmain(void)
{
    serial_init();
    gdt_init();
    idt_init();
    pic_remap();
    set_handler(0x28, on_rtc);
    outb(0x21, 0xFB);   /* the master lets the cascade (IRQ 2) through */
    outb(0xA1, 0xFE);   /* the slave lets IRQ 8 through */
    (void)cmos(REG_C);  /* whatever was flagged before */

    puts("rtc register b: "); put_hex(cmos(REG_B)); puts("\n");
    cmos_write(REG_A, (u8)((cmos(REG_A) & 0xF0) | 0x06));   /* 1024 Hz */
    u8 periodic = wait_for(PIE, 20);
    puts("periodic: >=20 interrupts, irqf+pf: "); puts((periodic & 0xC0) == 0xC0 ? "yes" : "no"); puts("\n");

    u8 update = wait_for(UIE, 2);
    puts("update-ended: 2 interrupts, irqf+uf: "); puts((update & 0x90) == 0x90 ? "yes" : "no"); puts("\n");

    /* An alarm two seconds ahead, minutes and hours "don't care". */
    u8 now = cmos(0x00);
    u8 seconds = (u8)(((now >> 4) * 10 + (now & 0x0F) + 2) % 60);
    cmos_write(0x01, (u8)(((seconds / 10) << 4) | (seconds % 10)));
    cmos_write(0x03, 0xC0);
    cmos_write(0x05, 0xC0);
    u8 alarm = wait_for(AIE, 1);
    u8 then = cmos(0x00);
    puts("alarm: fired, irqf+af: "); puts((alarm & 0xA0) == 0xA0 ? "yes" : "no");
    puts(", on its second: "); puts(then == cmos(0x01) ? "yes" : "no"); puts("\n");
    return 0x35;
}
