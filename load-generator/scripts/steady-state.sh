#!/usr/bin/env bash
# W1 N = 2,000 again and again on one service, as docs/benchmarks.md's "steady state" rows report
# it: how the same meeting fares on a service that has run it before (its JIT compiler done with
# the vote path) against the first time after a start. Each run prints the load average, the
# service's own CPU for that run and the generator's figures.
#   load-generator/scripts/steady-state.sh app/target/samverka.jar [runs, default 8] [N, default 2000]
# Extra service options (for example --samverka.live.max-frames-per-second=20000) go in $EXTRA,
# extra JVM options of the service (for example -Xms2g) in $JVM.
set -euo pipefail
JAR=$(realpath "$1")
RUNS=${2:-8}
N=${3:-2000}
source "$(dirname "$0")/bench-service.sh"
for run in $(seq 1 "$RUNS"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(cpu $SERVICE)
  out=$(gen --clients="$N" --workshops=1 --window-seconds=10 --baseline-messages=10)
  after=$(cpu $SERVICE)
  echo "== run $run, load $load at $(date -u +%H:%M), service CPU $(echo "$after - $before" | bc) s"
  echo "$out" | grep -E "$SHOWN"
done
