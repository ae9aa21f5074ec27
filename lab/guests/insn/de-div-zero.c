/*
 * #DE from "divl %ecx" (EAX=0, ECX=0): in user mode the guest dies of SIGFPE, exit 136.
 * The line before shows the program ran up to the fault; the line after must never print.
 */
#include <unistd.h>

int main(void) {
    write(1, "before\n", 7);
    unsigned eax = 0, ecx = 0, edx = (int)eax < 0 ? 0xffffffffu : 0;
    __asm__ volatile("divl %%ecx" : "+a"(eax), "+d"(edx) : "c"(ecx) : "cc");
    write(1, "after\n", 6);
    return (int)(eax + edx);
}
