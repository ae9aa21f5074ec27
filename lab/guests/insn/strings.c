/*
 * String instructions (movs stos lods scas cmps at 8/16/32 bits) plain and with rep/repe/repne,
 * with DF clear and set, counts 0 to 100, overlapping moves, and source segment overrides: %gs (glibc's TLS
 * segment) and %fs (a second TLS segment from set_thread_area over the source buffer). Each case
 * prints ESI and EDI as offsets into their buffers, ECX, EAX, the flags and a hash of the
 * destination buffer.
 */
#include "insn.h"
#include <string.h>
#include <asm/ldt.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BUFFER 512
static uint8_t source[BUFFER], destination[BUFFER];
static const uint32_t counts[] = { 0, 1, 3, 8, 100 };
static uint32_t gs_base, fs_base;

/* Both buffers hold 'A' except for a few bytes, so repe/repne stop at known places. */
static void fill(void) {
    memset(source, 'A', BUFFER); memset(destination, 'A', BUFFER);
    destination[18] = 'B'; destination[19] = 0; source[22] = 'C';
    destination[470] = 'B'; destination[471] = 0; source[466] = 'C';
}

static uint32_t hash(const uint8_t *bytes, unsigned length) {
    uint32_t h = 2166136261u;
    for (unsigned i = 0; i < length; i++) h = (h ^ bytes[i]) * 16777619u;
    return h;
}

/* BASE: the segment base the source offset is relative to (0 for the flat %ds). */
#define STRING(name, insn, base)                                                                     \
    static void name(void) {                                                                         \
        for (unsigned down = 0; down < 2; down++)                                                    \
            for (unsigned c = 0; c < COUNT(counts); c++)                                             \
                for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {                                    \
                    fill();                                                                          \
                    uint32_t start = down ? 480 : 8, f = input_flags[k] | (down ? 0x400 : 0);        \
                    uint32_t esi = (uint32_t)(uintptr_t)(source + start) - (base);                   \
                    uint32_t edi = (uint32_t)(uintptr_t)(destination + start), ecx = counts[c], eax = 0x41414141; \
                    __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn "\n\tpushfl\n\tpopl %[f]\n\tcld"   \
                                     : "+S"(esi), "+D"(edi), "+c"(ecx), "+a"(eax), [f] "+r"(f) : : "cc", "memory"); \
                    printf(#name " df=%u n=%u %03x -> si %+d di %+d cx %u ax %08x %03x dst %08x\n", down, \
                           counts[c], input_flags[k], (int)(esi + (base) - (uint32_t)(uintptr_t)source) - (int)start, \
                           (int)(edi - (uint32_t)(uintptr_t)destination) - (int)start, ecx, eax, f & FLAG_MASK, \
                           hash(destination, BUFFER));                                               \
                }                                                                                    \
    }

#define THREE_WIDTHS(name, prefix, op, base)                                                         \
    STRING(name##b, prefix #op "b", base) STRING(name##w, prefix #op "w", base) STRING(name##l, prefix #op "l", base)
THREE_WIDTHS(movs, "", movs, 0) THREE_WIDTHS(rep_movs, "rep ", movs, 0)
THREE_WIDTHS(stos, "", stos, 0) THREE_WIDTHS(rep_stos, "rep ", stos, 0)
THREE_WIDTHS(lods, "", lods, 0) THREE_WIDTHS(rep_lods, "rep ", lods, 0)
THREE_WIDTHS(scas, "", scas, 0) THREE_WIDTHS(repe_scas, "repe ", scas, 0) THREE_WIDTHS(repne_scas, "repne ", scas, 0)
THREE_WIDTHS(cmps, "", cmps, 0) THREE_WIDTHS(repe_cmps, "repe ", cmps, 0) THREE_WIDTHS(repne_cmps, "repne ", cmps, 0)
/* Source overrides: only DS:ESI can be overridden; ES:EDI cannot. */
STRING(rep_movsl_gs, "rep movsl %%gs:(%%esi), %%es:(%%edi)", gs_base)
STRING(rep_movsb_fs, "rep movsb %%fs:(%%esi), %%es:(%%edi)", fs_base)
STRING(lodsw_fs, "lodsw %%fs:(%%esi), %%ax", fs_base)
STRING(repe_cmpsb_gs, "repe cmpsb %%es:(%%edi), %%gs:(%%esi)", gs_base)
STRING(repne_cmpsl_fs, "repne cmpsl %%es:(%%edi), %%fs:(%%esi)", fs_base)

/*
 * Overlapping moves within one buffer, which the hardware does element by element: a forward move
 * onto a destination just above the source replicates the first elements (a block copy would not).
 */
#define OVERLAP(name, insn, source_offset, destination_offset, count, down)                         \
    static void name(void) {                                                                         \
        for (unsigned b = 0; b < BUFFER; b++) destination[b] = (uint8_t)(b * 7 + 1);                \
        uint32_t esi = (uint32_t)(uintptr_t)(destination + (source_offset));                         \
        uint32_t edi = (uint32_t)(uintptr_t)(destination + (destination_offset)), ecx = (count), f = (down) ? 0x402 : 0x002; \
        __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn "\n\tcld" : "+S"(esi), "+D"(edi), "+c"(ecx) : [f] "r"(f) : "cc", "memory"); \
        printf(#name " -> si %+d di %+d cx %u dst %08x\n", (int)(esi - (uint32_t)(uintptr_t)destination), \
               (int)(edi - (uint32_t)(uintptr_t)destination), ecx, hash(destination, BUFFER));        \
    }
OVERLAP(overlap_movsb_up1, "rep movsb", 16, 17, 200, 0) OVERLAP(overlap_movsl_up2, "rep movsl", 16, 18, 50, 0)
OVERLAP(overlap_movsw_up4, "rep movsw", 16, 20, 90, 0) OVERLAP(overlap_movsb_down1, "rep movsb", 300, 299, 200, 1)
OVERLAP(overlap_movsl_down3, "rep movsl", 300, 297, 50, 1) OVERLAP(overlap_movsb_down_up1, "rep movsb", 300, 301, 200, 1)
OVERLAP(overlap_movsl_same, "rep movsl", 64, 64, 40, 0)

/* A second TLS segment whose base is the source buffer, loaded into %fs. */
static void set_up_fs(void) {
    struct user_desc descriptor = { .entry_number = -1, .base_addr = (uintptr_t)source, .limit = 0xfffff,
                                    .seg_32bit = 1, .limit_in_pages = 1, .useable = 1 };
    if (syscall(SYS_set_thread_area, &descriptor) != 0) { printf("set_thread_area failed\n"); return; }
    uint16_t selector = (uint16_t)(descriptor.entry_number << 3 | 3);
    __asm__ volatile("movw %0, %%fs" : : "r"(selector));
    fs_base = (uint32_t)(uintptr_t)source;
    __asm__ volatile("movl %%gs:0, %0" : "=r"(gs_base));
    /* The entry number is not printed: qemu-i386 hands out GDT entries 6-8, a 64-bit kernel (and RuntimeLab) 12-14. */
    printf("fs loaded\n");
}

#define RUN3(name) name##b(); name##w(); name##l();
int main(void) {
    set_up_fs();
    RUN3(movs) RUN3(rep_movs) RUN3(stos) RUN3(rep_stos) RUN3(lods) RUN3(rep_lods)
    RUN3(scas) RUN3(repe_scas) RUN3(repne_scas) RUN3(cmps) RUN3(repe_cmps) RUN3(repne_cmps)
    rep_movsl_gs(); rep_movsb_fs(); lodsw_fs(); repe_cmpsb_gs(); repne_cmpsl_fs();
    overlap_movsb_up1(); overlap_movsl_up2(); overlap_movsw_up4(); overlap_movsb_down1(); overlap_movsl_down3();
    overlap_movsb_down_up1(); overlap_movsl_same();
    return 0;
}
