/*
 * BOUND (32- and 16-bit): the signed index against the pair of bounds in memory, over the
 * boundary operands. In range, nothing happens; out of range, #BR, which Linux (and qemu-i386)
 * deliver as SIGSEGV. The handler prints the signal, its code and whether the saved EIP is the
 * BOUND itself (a fault: the instruction did not complete), then resumes after the case.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <ucontext.h>
#include "insn.h"

static sigjmp_buf resume;
static volatile uintptr_t expected_eip;

static void on_segv(int signal, siginfo_t *info, void *context)
{
    ucontext_t *uc = context;
    printf(" -> signal %d code %d at-bound %d\n", signal, info->si_code,
           (uintptr_t)uc->uc_mcontext.gregs[REG_EIP] == expected_eip);
    siglongjmp(resume, 1);
}

static const int32_t indexes[] = { (int32_t)0x80000000, -2, -1, 0, 1, 2, 9, 10, 11, 0x7fffffff };
static const int32_t bounds32[][2] = { { 0, 10 }, { -2, 1 }, { 5, 5 }, { (int32_t)0x80000000, 0x7fffffff }, { 3, -3 } };
static const int16_t bounds16[][2] = { { 0, 10 }, { -2, 1 }, { -32768, 32767 }, { 3, -3 } };

int main(void)
{
    struct sigaction action = { 0 };
    action.sa_sigaction = on_segv;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &action, 0);
    setvbuf(stdout, 0, _IONBF, 0);

    for (unsigned b = 0; b < COUNT(bounds32); b++)
        for (unsigned i = 0; i < COUNT(indexes); i++) {
            printf("bound32 [%d,%d] %d", bounds32[b][0], bounds32[b][1], indexes[i]);
            if (sigsetjmp(resume, 1) == 0) {
                uintptr_t at;
                __asm__ volatile("lea 1f, %0\n\tmov %0, %1" : "=&r"(at), "=m"(expected_eip));
                __asm__ volatile("1: bound %0, %1" : : "r"(indexes[i]), "m"(bounds32[b]));
                printf(" -> in range\n");
            }
        }
    for (unsigned b = 0; b < COUNT(bounds16); b++)
        for (unsigned i = 0; i < COUNT(indexes); i++) {
            int16_t index = (int16_t)indexes[i];
            printf("bound16 [%d,%d] %d", bounds16[b][0], bounds16[b][1], index);
            if (sigsetjmp(resume, 1) == 0) {
                uintptr_t at;
                __asm__ volatile("lea 1f, %0\n\tmov %0, %1" : "=&r"(at), "=m"(expected_eip));
                __asm__ volatile("1: boundw %0, %1" : : "r"(index), "m"(bounds16[b]));
                printf(" -> in range\n");
            }
        }
    return 0;
}
