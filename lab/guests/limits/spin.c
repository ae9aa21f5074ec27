/* Never ends: --max-instructions must stop it (status 124). */
int main(void)
{
    for (volatile unsigned i = 0;; i++) {}
}
