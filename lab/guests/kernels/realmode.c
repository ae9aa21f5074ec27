/* Real mode: realmode.S drops from protected mode through a 16-bit protected-mode code segment
   (base 0x1000) to real mode, runs 16-bit tests there (ALU and flags at 16-bit operand size,
   16-bit addressing and its wrap-around, push/pop/call/ret near and far, INT n and IRET through an
   IVT entry it installs, string instructions with SI/DI/CX, 0x66/0x67 prefixes, segment arithmetic,
   #DE through vector 0), and comes back. The results it recorded are printed here, one per line. */
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
