/*
 * Shared by the instruction-test guests (lab/guests/insn): the boundary operands per width,
 * the input flag sets, and the EFLAGS mask that every case prints. Each case is one line:
 * the case's name, its operands and input flags, "->", the result registers and the output flags.
 * qemu-i386 runs the same binary to make the reference (expected/insn/NAME.out).
 */
#include <stdint.h>
#include <stdio.h>

/* The arithmetic flags (CF PF AF ZF SF OF) and DF: what the cases compare. */
#define FLAG_MASK 0xcd5u
/* Input flag sets: all clear, and all arithmetic flags set, so that a flag an instruction leaves alone shows. */
static const uint32_t input_flags[] = { 0x002, 0x8d7 };
#define INPUT_FLAG_COUNT 2

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static const uint8_t ops8[] = { 0, 1, 0x7f, 0x80, 0xff, 0x5a, 0xc3 };
static const uint16_t ops16[] = { 0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x1234, 0xa5c3 };
static const uint32_t ops32[] = { 0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000,
                                  0xffffffff, 0x12345678, 0xa5c3e10f };
