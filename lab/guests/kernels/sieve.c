/* A CPU-bound kernel: the sieve of Eratosthenes over 4 MiB with paging on (identity-mapped 4 KiB
   pages, so every access goes through the soft MMU's TLB), repeated a few times. It prints the
   prime count, a fact every engine must agree on; `runtimelab x86 boot --stats` gives the MIPS. */
#include "cpu.h"

#define LIMIT (4u << 20)
#define ROUNDS 3

static u32 directory[1024] __attribute__((aligned(4096)));
static u32 tables[4][1024] __attribute__((aligned(4096)));   /* identity map of the first 16 MiB */
static u8 composite[LIMIT];

static u32 count_primes(void)
{
    for (u32 i = 0; i < LIMIT; i++) composite[i] = 0;
    u32 count = 0;
    for (u32 n = 2; n < LIMIT; n++) {
        if (composite[n]) continue;
        count++;
        for (u32 m = n * 2; m < LIMIT; m += n) composite[m] = 1;
    }
    return count;
}

int kmain(void)
{
    serial_init();
    for (u32 t = 0; t < 4; t++) {
        for (u32 i = 0; i < 1024; i++) tables[t][i] = ((t * 1024 + i) << 12) | 3;
        directory[t] = (u32)tables[t] | 3;
    }
    write_cr3((u32)directory);
    write_cr0(read_cr0() | 0x80000000);
    u32 count = 0;
    for (int round = 0; round < ROUNDS; round++) count = count_primes();
    puts("primes below 4194304: "); put_dec(count); puts("\n");
    return count == 295947 ? 0 : 1;
}
