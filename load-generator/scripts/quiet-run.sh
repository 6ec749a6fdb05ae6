#!/usr/bin/env bash
# One benchmark run of a service jar, as docs/benchmarks.md reports it: W1 (N = 200 warm-up,
# 300, 500, 1,000, 2,000), W2 twice, memory per idle client, then W3 (fill 100,000 events, rebuild
# the workshop projection and the audit trail). Run it on a machine with nothing else running;
# the load average is printed before each workload.
#   load-generator/scripts/quiet-run.sh app/target/samverka.jar [w3only]
# Extra service options (for example --samverka.processing.batch-size=500) go in $EXTRA, extra JVM
# options of the service in $JVM (bench-service.sh).
set -euo pipefail
JAR=$(realpath "$1")
source "$(dirname "$0")/bench-service.sh"
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
