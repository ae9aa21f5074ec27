#!/usr/bin/env bash
# Runs a floppy image (build/bochs/NAME.img) on Bochs and prints what the guest wrote to COM1, so that
# its output compares with qemu-system-i386's -serial stdio. The exit status is Bochs's: 1 when the
# kernel ended through the Bochs shutdown port (lib.c's exit_machine), as qemu's isa-debug-exit gives 1
# for exit code 0. Debian's Bochs is built with its debugger, so it needs an rc file holding `c`, and
# it aborts while reading its configuration under some environments: it runs with a clean one.
set -euo pipefail
image=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/bochsrc" <<RC
megs: 128
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/seabios/vgabios-isavga.bin
floppya: 1_44=$image, status=inserted
boot: floppy
display_library: rfb, options="timeout=0"
com1: enabled=1, mode=file, dev=$work/serial.out
speaker: enabled=0
log: $work/bochs.log
panic: action=fatal
error: action=report
info: action=ignore
debug: action=ignore
clock: sync=none
RC
echo c > "$work/commands"
set +e
(cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" bochs -q -f bochsrc -rc commands < /dev/null > bochs.out 2>&1)
status=$?
set -e
cat "$work/serial.out" 2>/dev/null || true
exit $status
