/*
 * The x87 transcendentals that qemu-i386 (7.2) computes in extended precision with its own
 * floatx80 algorithms (fpatan fyl2x fyl2xp1 f2xm1), over the special operands. RuntimeLab computes
 * them through the host's x87 with QEMU's rules for NaNs and exact results, which can differ in
 * the last bit of a result (see X87ExtendedInsnTests).
 */
#include "x87.h"

BINARY(fpatan, "fpatan\n\tfld1") BINARY(fyl2x, "fyl2x\n\tfld1") BINARY(fyl2xp1, "fyl2xp1\n\tfld1")
UNARY(f2xm1, "f2xm1")

int main(void) {
    fpatan(); fyl2x(); fyl2xp1(); f2xm1();
    return 0;
}
