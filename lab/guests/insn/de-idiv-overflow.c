/*
 * #DE from "idivl %ecx" (EAX=0x80000000, ECX=-1): in user mode the guest dies of SIGFPE, exit 136.
 * The line before shows the program ran up to the fault; the line after must never print.
 */
#include <unistd.h>

int main(void) {
    write(1, "before\n", 7);
    unsigned eax = 0x80000000, ecx = -1, edx = (int)eax < 0 ? 0xffffffffu : 0;
    __asm__ volatile("idivl %%ecx" : "+a"(eax), "+d"(edx) : "c"(ecx) : "cc");
    write(1, "after\n", 6);
    return (int)(eax + edx);
}
