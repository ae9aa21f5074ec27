/* Signals delivered to guest handlers: faults (SIGSEGV, SIGFPE, SIGILL, SIGTRAP) caught and left
   with siglongjmp, a SIGSEGV handler that fixes the cause and returns to re-execute the access,
   raise() with SA_SIGINFO and with signal(), a blocked signal left pending and delivered at unblock,
   SA_RESETHAND, SA_NODEFER, and a handler on an alternate stack. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf escape;
static volatile sig_atomic_t caught_signal, caught_code, depth, max_depth;
static void *volatile caught_address;
static volatile int caught_count;

static void escaping_handler(int signal, siginfo_t *info, void *context)
{
    (void)context;
    caught_signal = signal;
    caught_code = info->si_code;
    caught_address = info->si_addr;
    siglongjmp(escape, 1);
}

static void install(int signal, void (*handler)(int, siginfo_t *, void *), int flags)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&action.sa_mask);
    sigaction(signal, &action, NULL);
}

static int blocked(int signal)
{
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    return sigismember(&now, signal);
}

static void segv_with_longjmp(void)
{
    install(SIGSEGV, escaping_handler, 0);
    volatile int *bad = (volatile int *)0x1234;
    if (sigsetjmp(escape, 1) == 0) {
        *bad = 42;
        puts("segv: store did not fault");
    } else {
        printf("segv: signal %d code %d addr %p, mask restored: %s\n", caught_signal, caught_code, caught_address,
               blocked(SIGSEGV) ? "no" : "yes");
    }
    /* A read of a page mapped without PROT_READ: SEGV_ACCERR. */
    char *page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sigsetjmp(escape, 1) == 0) {
        volatile char c = page[100];
        (void)c;
        puts("segv: read did not fault");
    } else {
        printf("segv: protected page, code %d, offset %ld\n", caught_code, (long)((char *)caught_address - page));
    }
    munmap(page, 4096);
}

static char *fixable_page;
static void fixing_handler(int signal, siginfo_t *info, void *context)
{
    (void)context;
    caught_count++;
    printf("fix: signal %d at offset %ld, making the page writable\n", signal, (long)((char *)info->si_addr - fixable_page));
    mprotect(fixable_page, 4096, PROT_READ | PROT_WRITE);
}

static void segv_fixed_and_retried(void)
{
    install(SIGSEGV, fixing_handler, 0);
    fixable_page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    fixable_page[8] = 'x';  /* faults once; the handler returns and the store runs again */
    printf("fix: the store ran after %d fault(s), byte '%c'\n", caught_count, fixable_page[8]);
    munmap(fixable_page, 4096);
}

static volatile int zero = 0;
static void fpe_from_division(void)
{
    install(SIGFPE, escaping_handler, 0);
    if (sigsetjmp(escape, 1) == 0) {
        volatile int q = 7 / zero;
        printf("fpe: no fault, %d\n", q);
    } else {
        printf("fpe: signal %d code %d, address is the division: %s\n", caught_signal, caught_code,
               caught_address != NULL ? "yes" : "no");
    }
    if (sigsetjmp(escape, 1) == 0) {
        volatile int min = INT32_MIN, minus_one = -1;
        volatile int q = min / minus_one;
        printf("fpe: no fault, %d\n", q);
    } else {
        printf("fpe: INT_MIN / -1, signal %d code %d\n", caught_signal, caught_code);
    }
}

static void ill_and_trap(void)
{
    install(SIGILL, escaping_handler, 0);
    if (sigsetjmp(escape, 1) == 0) {
        __asm__ volatile("ud2");
        puts("ill: no fault");
    } else {
        printf("ill: signal %d code %d\n", caught_signal, caught_code);
    }
    install(SIGTRAP, escaping_handler, 0);
    if (sigsetjmp(escape, 1) == 0) {
        __asm__ volatile("int3");
        puts("trap: no fault");
    } else {
        printf("trap: signal %d code %d\n", caught_signal, caught_code);
    }
}

static volatile int usr1_count;
static volatile int usr1_code, usr1_pid_matches;
static void usr1_handler(int signal, siginfo_t *info, void *context)
{
    (void)context;
    (void)signal;
    usr1_count++;
    usr1_code = info->si_code;
    usr1_pid_matches = info->si_pid == getpid();
}

static volatile int usr2_count;
static void plain_handler(int signal)
{
    usr2_count++;
    printf("plain handler: signal %d, blocked inside: %s\n", signal, blocked(signal) ? "yes" : "no");
}

static void raise_and_mask(void)
{
    install(SIGUSR1, usr1_handler, 0);
    raise(SIGUSR1);
    printf("raise: handler ran %d time(s), code %d, pid matches %d\n", usr1_count, usr1_code, usr1_pid_matches);
    kill(getpid(), SIGUSR1);
    printf("kill: handler ran %d time(s), code %d\n", usr1_count, usr1_code);

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR1);
    raise(SIGUSR1);  /* a standard signal is pending at most once */
    sigset_t pending;
    sigpending(&pending);
    printf("blocked: handler ran %d time(s), pending %d\n", usr1_count, sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: handler ran %d time(s)\n", usr1_count);

    signal(SIGUSR2, plain_handler);
    raise(SIGUSR2);
    printf("signal(): handler ran %d time(s)\n", usr2_count);

    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    printf("ignored: handler ran %d time(s)\n", usr2_count);
}

static void nested_handler(int signal, siginfo_t *info, void *context)
{
    (void)info;
    (void)context;
    depth++;
    caught_count++;
    if (depth > max_depth) max_depth = depth;
    if (caught_count < 3) raise(signal);  /* with SA_NODEFER it nests, else it waits for this handler's return */
    depth--;
}

static void resethand_and_nodefer(void)
{
    caught_count = 0;
    install(SIGUSR1, nested_handler, SA_NODEFER);
    raise(SIGUSR1);
    printf("nodefer: %d runs, nesting depth %d\n", caught_count, max_depth);
    caught_count = max_depth = 0;
    install(SIGUSR1, nested_handler, 0);
    raise(SIGUSR1);
    printf("deferred: %d runs, nesting depth %d\n", caught_count, max_depth);

    install(SIGUSR2, usr1_handler, SA_RESETHAND);
    raise(SIGUSR2);
    struct sigaction now;
    sigaction(SIGUSR2, NULL, &now);
    printf("resethand: handler is now default: %s\n", now.sa_handler == SIG_DFL ? "yes" : "no");
}

static char alternate[65536];
static volatile int on_alternate;
static void stack_handler(int signal, siginfo_t *info, void *context)
{
    (void)signal;
    (void)info;
    (void)context;
    char here;
    on_alternate = &here >= alternate && &here < alternate + sizeof alternate;
    stack_t now;
    sigaltstack(NULL, &now);
    on_alternate += (now.ss_flags & SS_ONSTACK) ? 10 : 0;
}

static void alternate_stack(void)
{
    stack_t stack = {.ss_sp = alternate, .ss_size = sizeof alternate, .ss_flags = 0};
    sigaltstack(&stack, NULL);
    install(SIGUSR1, stack_handler, SA_ONSTACK);
    raise(SIGUSR1);
    printf("altstack: handler ran on the alternate stack %d (11 = yes, SS_ONSTACK set)\n", on_alternate);
    install(SIGUSR1, stack_handler, 0);
    raise(SIGUSR1);
    printf("altstack: without SA_ONSTACK %d\n", on_alternate);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    segv_with_longjmp();
    segv_fixed_and_retried();
    fpe_from_division();
    ill_and_trap();
    raise_and_mask();
    resethand_and_nodefer();
    alternate_stack();
    /* Last: an unhandled fault ends the process with 128 + SIGSEGV. */
    signal(SIGSEGV, SIG_DFL);
    puts("now an unhandled fault");
    volatile int *null_page = (volatile int *)(uintptr_t)zero;
    null_page[2] = 1;
    puts("not reached");
    return 0;
}
