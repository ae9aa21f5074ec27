/* Real mode: realmode.S goes from protected mode through a 32-bit and then a 16-bit code segment
   based at 0x1000 down to real mode, runs 16-bit tests there and comes back: ALU and flags at 16-bit
   operand size, 16-bit addressing and its wrap-around, push/pop/call/ret near and far, LES and LSS,
   INT n and IRET through an IVT entry it installs (and through a table moved by LIDT), the PIT's
   IRQ 0 waking HLT, string instructions with SI/DI/CX, LOOP and JCXZ with CX, 0x66/0x67 prefixes,
   segment arithmetic, self-modifying code, #DE through vector 0. The results it recorded are
   printed here, one per line. */
#include "lib.h"

extern void realmode_run(void);
extern const char rm_names[];
extern const u32 rm_result_count, rm_results_offset;

#define RM_BASE 0x1000

int kmain(u32 magic, struct multiboot_info *info)
{
    (void)magic;
    (void)info;
    serial_init();
    puts("realmode: down to real mode and back\n");
    realmode_run();
    puts("realmode: back in 32-bit protected mode\n");
    const volatile u32 *results = (const volatile u32 *)(RM_BASE + rm_results_offset);
    const char *name = rm_names;
    for (u32 k = 0; k < rm_result_count; k++) {
        puts(name);
        puts(" = ");
        put_hex(results[k]);
        puts("\n");
        while (*name) name++;
        name++;
    }
    puts("realmode: done\n");
    return 0x10;
}
