/* Forks until fork fails. Each child waits for a signal, so all stay alive: RuntimeLab's limit of
   processes per run makes fork fail with EAGAIN, as RLIMIT_NPROC would, instead of exhausting the host. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    int made = 0;
    for (;;) {
        pid_t child = fork();
        if (child == 0) { pause(); _exit(0); }
        if (child < 0) { printf("fork failed after %d children: %s\n", made, strerror(errno)); return 0; }
        made++;
    }
}
