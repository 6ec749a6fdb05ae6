#!/usr/bin/env bash
# One benchmark run of a service jar, as docs/benchmarks.md reports it: W1 (N = 200 warm-up,
# 300, 500, 1,000, 2,000), W2 twice, memory per idle client, then W3 (fill 100,000 events, rebuild
# the workshop projection and the audit trail). Run it on a machine with nothing else running;
# the load average is printed before each workload.
#   load-generator/scripts/quiet-run.sh app/target/samverka.jar [w3only]
# Extra service options (for example --samverka.processing.batch-size=500) go in $EXTRA.
set -euo pipefail
JAR=$(realpath "$1")
GEN=$(realpath "$(dirname "$0")/../target/samverka-load.jar")
DIR=$(mktemp -d)
cd "$DIR"
SAMVERKA_ADMIN_PASSWORD=admin-password PORT=8097 java -Xmx2g -jar "$JAR" --samverka.demo.enabled=false \
  --samverka.bench.enabled=true --samverka.limits.join-per-minute=100000 \
  --samverka.limits.commands-per-second-per-address=100000 --samverka.limits.commands-per-second=100000 \
  ${EXTRA:-} > service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$DIR"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8097/actuator/health)" = 200 ]; do sleep 0.2; done
load() { echo "load $(cut -d' ' -f1 /proc/loadavg) at $(date -u +%H:%M)"; }
# The generator runs with C1 only: its JIT compiling otherwise took a third of its CPU, taken
# from the service it measures (same latencies, 10 s instead of 16 s of CPU at W1 N = 2,000),
# and with the serial collector: G1's refinement thread was 15 % of its CPU (8.7 s instead of
# 10.2 s at W1 N = 2,000, four alternating runs).
gen() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$GEN" --base=http://127.0.0.1:8097 --password=admin-password "$@"; }
SHOWN='votes:|every-screen|first-screen|command answered|read-model|baseline|ratio|generator'
if [ "${2:-}" != w3only ]; then
  for N in 200 300 500 1000 2000; do
    echo "== W1 N=$N $(load)"; gen --clients=$N --workshops=1 --window-seconds=10 --baseline-messages=10 | grep -E "$SHOWN"
  done
  for run in 1 2; do
    echo "== W2 run $run $(load)"; gen --clients=1000 --workshops=10 --window-seconds=10 --baseline-messages=10 | grep -E "$SHOWN"
  done
  echo "== idle memory $(load)"; gen --idle-clients=1000 | tail -n 1
fi
echo "== W3 fill $(load)"; gen --fill-events=100000 --bulk --clients=50 --workshops=10 | tail -n 1
echo "== W3 rebuild workshop projection $(load)"; gen --rebuild=workshop-projection --pause=audit-trail,event-chain | tail -n 1
echo "== W3 rebuild audit trail $(load)"; gen --rebuild=audit-trail --pause=workshop-projection,event-chain | tail -n 1
echo "== done $(load)"
