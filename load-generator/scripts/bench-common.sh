# Sourced by the benchmark scripts (not run by itself): the load generator as docs/benchmarks.md's
# figures were taken, the lines of its output they show, and a process's CPU.
GEN=$(realpath "$(dirname "${BASH_SOURCE[0]}")/../target/samverka-load.jar")
# The generator runs with C1 only: its JIT compiling otherwise took a third of its CPU, taken
# from the service it measures (same latencies, 10 s instead of 16 s of CPU at W1 N = 2,000),
# and with the serial collector: G1's refinement thread was 15 % of its CPU (8.7 s instead of
# 10.2 s at W1 N = 2,000, four alternating runs).
generator() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$GEN" "$@"; }
SHOWN='votes:|every-screen|first-screen|command answered|read-model|baseline|ratio|generator|pushes per screen'
# utime + stime of process $1, in seconds (clock ticks of 1/100 s).
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }
load() { echo "load $(cut -d' ' -f1 /proc/loadavg) at $(date -u +%H:%M)"; }
