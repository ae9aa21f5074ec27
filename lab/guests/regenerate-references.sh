#!/usr/bin/env bash
# Regenerates expected/*.out and expected/*.exit from qemu-i386, the oracle for user mode,
# expected/insn/* (the instruction tests) from qemu-i386 too,
# and expected/kernels/* from qemu-system-i386, the oracle for the bare-metal machine.
# Run after adding or changing a guest program; commit what it writes. Needs qemu-user and gcc-multilib.
# With the argument `kernels` (or `insn`), only the kernel (or instruction-test) references are regenerated.
set -euo pipefail
cd "$(dirname "$0")"
only=${1:-all}
make -s
mkdir -p expected
regenerate_kernels() {
    command -v qemu-system-i386 >/dev/null || { echo "qemu-system-i386 not found: apt-get install -y qemu-system-x86" >&2; exit 3; }
    mkdir -p expected/kernels
    for kernel in build/kernels/*; do
        name=$(basename "$kernel")
        # COM1's input: kernels/NAME.stdin when the kernel reads any.
        input=/dev/null
        [[ -f "kernels/$name.stdin" ]] && input="kernels/$name.stdin"
        set +e
        timeout 60 qemu-system-i386 -m 128 -display none -vga none -monitor none -serial stdio -no-reboot \
            -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$kernel" < "$input" > "expected/kernels/$name.out"
        echo $? > "expected/kernels/$name.exit"
        set -e
        echo "kernel $name: exit $(cat "expected/kernels/$name.exit"), $(wc -c < "expected/kernels/$name.out") bytes"
    done
}
# Instruction tests (insn/NAME.c): one line per case; the fault programs end with SIGFPE (exit 136).
regenerate_insn() {
    ulimit -c 0  # the fault programs die of SIGFPE: no core files
    mkdir -p expected/insn
    for program in build/insn/*; do
        name=$(basename "$program")
        set +e
        (cd build/insn && qemu-i386 -0 "/$name" "./$name" > "../../expected/insn/$name.out") 2>/dev/null
        echo $? > "expected/insn/$name.exit"
        set -e
        echo "insn $name: exit $(cat "expected/insn/$name.exit"), $(wc -l < "expected/insn/$name.out") lines"
    done
}
if [[ $only == kernels ]]; then regenerate_kernels; exit 0; fi
command -v qemu-i386 >/dev/null || { echo "qemu-i386 not found: apt-get install -y qemu-user" >&2; exit 3; }
if [[ $only == insn ]]; then regenerate_insn; exit 0; fi
for program in build/user/*; do
    name=$(basename "$program")
    args=()
    [[ -f "user/$name.args" ]] && read -r -a args < "user/$name.args"
    set +e
    # argv[0] as the emulator will see it: the program's guest path inside the root.
    (cd build/user && qemu-i386 -0 "/$name" "./$name" "${args[@]}" > "../../expected/$name.out")
    echo $? > "expected/$name.exit"
    set -e
    echo "$name: exit $(cat "expected/$name.exit"), $(wc -c < "expected/$name.out") bytes"
done

regenerate_insn

# Multiboot kernels, against qemu-system-i386 (the bare-metal oracle): COM1's output and the exit status.
regenerate_kernels

# busybox applets: each case is busybox/cases/NAME.args (one argument per line) with an optional NAME.stdin,
# run with the guest root holding bin/busybox and busybox/files.
./fetch-busybox.sh
mkdir -p expected/busybox
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" && cp build/busybox/bin/busybox "$root/bin/" && cp -r busybox/files "$root/files"
for case_file in busybox/cases/*.args; do
    name=$(basename "$case_file" .args)
    mapfile -t args < "$case_file"
    stdin=/dev/null
    [[ -f "busybox/cases/$name.stdin" ]] && stdin="$PWD/busybox/cases/$name.stdin"
    set +e
    (cd "$root" && qemu-i386 -0 /bin/busybox ./bin/busybox "${args[@]}" < "$stdin" > "$OLDPWD/expected/busybox/$name.out")
    echo $? > "expected/busybox/$name.exit"
    set -e
    echo "busybox $name: exit $(cat "expected/busybox/$name.exit"), $(wc -c < "expected/busybox/$name.out") bytes"
done
