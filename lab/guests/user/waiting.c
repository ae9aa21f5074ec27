/* Waiting for time and for signals: nanosleep, alarm with pause, sigsuspend woken by a child's
   kill, a sleep cut short by a handler (EINTR), and a parent sleeping while its child computes. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t alarms, usr1s;
static void on_alarm(int signal) { (void)signal; alarms++; }
static void on_usr1(int signal) { (void)signal; usr1s++; }

static long elapsed_ms(struct timespec since)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - since.tv_sec) * 1000 + (now.tv_nsec - since.tv_nsec) / 1000000;
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct timespec start, request = {0, 50 * 1000000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    int result = nanosleep(&request, NULL);
    printf("nanosleep: %d, slept at least 50 ms: %s\n", result, elapsed_ms(start) >= 49 ? "yes" : "no");

    signal(SIGALRM, on_alarm);
    alarm(1);
    printf("alarm: seconds left of an earlier alarm: %u\n", alarm(1));
    result = pause();
    printf("pause: %d (%s), alarms %d\n", result, strerror(errno), (int)alarms);

    struct sigaction action = {.sa_handler = on_alarm};  /* no SA_RESTART: the sleep ends early */
    sigaction(SIGALRM, &action, NULL);
    alarm(1);
    struct timespec long_sleep = {30, 0};
    clock_gettime(CLOCK_MONOTONIC, &start);
    result = nanosleep(&long_sleep, NULL);
    printf("interrupted sleep: %d (%s), took under 10 s: %s\n", result, strerror(errno), elapsed_ms(start) < 10000 ? "yes" : "no");

    sigset_t block, old, during;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    signal(SIGUSR1, on_usr1);
    pid_t child = fork();
    if (child == 0) {
        volatile unsigned sum = 0;
        for (unsigned i = 0; i < 3000000; i++) sum += i * i;  /* the parent sleeps meanwhile */
        kill(getppid(), SIGUSR1);
        _exit(sum == 0);
    }
    sigemptyset(&during);
    result = sigsuspend(&during);
    sigset_t after;
    sigprocmask(SIG_BLOCK, NULL, &after);
    printf("sigsuspend: %d (%s), usr1 %d, mask restored: %s\n", result, strerror(errno), (int)usr1s,
           sigismember(&after, SIGUSR1) ? "yes" : "no");
    int status;
    waitpid(child, &status, 0);
    printf("child: exited %d\n", WEXITSTATUS(status));
    return 0;
}
