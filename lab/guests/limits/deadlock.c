/* Waits for itself: reads a pipe whose only writer is its own other end. Linux (and qemu-i386) would
   wait forever; RuntimeLab sees that no process can run and ends the run with 125. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int fds[2];
    pipe(fds);
    char byte;
    puts("waiting for a byte nobody will write");
    fflush(stdout);
    return (int)read(fds[0], &byte, 1);
}
