/* Guest processes: fork with a copied address space, wait statuses (exit codes and signals), a pipe
   between parent and child with end of file when the writer exits, execve of a program in the root,
   SIGCHLD, waitpid with WNOHANG, kill of a child, and SIGPIPE for a writer without readers. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t chld_count;
static void on_child(int signal) { (void)signal; chld_count++; }

static void report(const char *what, int status)
{
    if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) printf("%s: killed by signal %d\n", what, WTERMSIG(status));
    else printf("%s: status 0x%x\n", what, status);
}

static void copied_memory(void)
{
    static int shared_looking = 1;
    pid_t child = fork();
    if (child == 0) {
        shared_looking = 99;
        printf("child: sees %d, parent is the caller: %s\n", shared_looking, getppid() > 0 ? "yes" : "no");
        _exit(42);
    }
    int status;
    pid_t reaped = waitpid(child, &status, 0);
    printf("parent: reaped the child: %s, still sees %d, pids differ: %s\n", reaped == child ? "yes" : "no",
           shared_looking, child != getpid() ? "yes" : "no");
    report("fork", status);
}

static void pipe_between(void)
{
    int fds[2];
    pipe(fds);
    pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        for (int i = 0; i < 4000; i++) dprintf(fds[1], "line %d of the child's output\n", i);  /* more than a pipe holds */
        _exit(0);
    }
    close(fds[1]);
    char buffer[4096];
    long total = 0, lines = 0;
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) {
        total += n;
        for (ssize_t i = 0; i < n; i++) lines += buffer[i] == '\n';
    }
    close(fds[0]);
    int status;
    wait(&status);
    printf("pipe: %ld bytes, %ld lines, then end of file\n", total, lines);
    report("writer", status);
}

/* A relative path: qemu-i386 runs in the root folder but resolves absolute paths on the host. */
static void exec_program(const char *self)
{
    pid_t child = fork();
    if (child == 0) {
        char *argv[] = {(char *)self, "exec-child", "with", "arguments", NULL};
        char *envp[] = {"FROM_EXEC=yes", NULL};
        execve(self, argv, envp);
        perror("execve");
        _exit(127);
    }
    int status;
    waitpid(child, &status, 0);
    report("exec", status);
    if (fork() == 0) {
        execl("/no/such/program", "x", (char *)NULL);
        printf("exec of a missing file: %s\n", strerror(errno));
        _exit(3);
    }
    wait(&status);
    report("failed exec", status);
}

static void signals_between(void)
{
    signal(SIGCHLD, on_child);
    int ready[2];
    pipe(ready);
    pid_t child = fork();
    if (child == 0) {
        close(ready[0]);
        write(ready[1], "r", 1);
        for (;;) pause();
    }
    close(ready[1]);
    char byte;
    read(ready[0], &byte, 1);
    int status;
    printf("waitpid WNOHANG while it runs: %d\n", (int)waitpid(child, &status, WNOHANG));
    kill(child, SIGTERM);
    while (waitpid(child, &status, 0) < 0) {}
    report("killed child", status);
    printf("SIGCHLD seen: %s\n", chld_count > 0 ? "yes" : "no");
    signal(SIGCHLD, SIG_DFL);

    int fds[2];
    pipe(fds);
    if (fork() == 0) {
        close(fds[0]);
        write(fds[1], "x", 1);  /* no reader: SIGPIPE ends the child */
        _exit(0);
    }
    close(fds[0]);
    close(fds[1]);
    wait(&status);
    report("writer without a reader", status);
    printf("wait with no children: %d\n", (int)wait(&status));
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc > 1 && strcmp(argv[1], "exec-child") == 0) {
        printf("exec child: argc %d, %s %s, FROM_EXEC=%s\n", argc, argv[2], argv[3], getenv("FROM_EXEC"));
        return 5;
    }
    copied_memory();
    pipe_between();
    (void)argv;
    exec_program("processes");
    signals_between();
    return 0;
}
