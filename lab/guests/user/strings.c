/* libc string and formatting routines. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <stdlib.h>

int main(void) {
    char buffer[256];
    const char *text = "The quick brown fox jumps over the lazy dog";
    printf("strlen %zu\n", strlen(text));
    printf("strchr %s\n", strchr(text, 'f'));
    printf("strrchr %s\n", strrchr(text, 'o'));
    printf("strstr %s\n", strstr(text, "lazy"));
    strcpy(buffer, text);
    for (char *p = buffer; *p; p++) *p = (char)toupper((unsigned char)*p);
    printf("upper %s\n", buffer);
    memmove(buffer + 4, buffer, 20);
    buffer[24] = 0;
    printf("memmove %s\n", buffer);
    printf("memcmp %d %d\n", memcmp("abc", "abd", 3) < 0, memcmp("abc", "abc", 3));
    snprintf(buffer, sizeof buffer, "[%8.3s|%-6d|%06x|%o|%+d|%c|%%]", "truncate", 42, 0xbeef, 8, 7, 'z');
    printf("format %s\n", buffer);
    printf("strtol %ld %ld %lu\n", strtol("-12345", NULL, 10), strtol("ff", NULL, 16), strtoul("777", NULL, 8));
    char *tokens = strdup("a,bb,,ccc");
    for (char *token = strtok(tokens, ","); token; token = strtok(NULL, ",")) printf("token '%s'\n", token);
    free(tokens);
    return 0;
}
