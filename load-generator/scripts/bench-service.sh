# Sourced by quiet-run.sh and steady-state.sh (not run by itself): starts the service jar $JAR
# on port 8097 from a fresh directory, with the limits the benchmark needs lifted and $JVM (JVM
# options) and $EXTRA (service options) added, waits until it is healthy, and stops it and
# removes the directory when the calling script exits. Defines gen, which runs the load
# generator against it, and load, which prints the load average and the time.
GEN=$(realpath "$(dirname "${BASH_SOURCE[0]}")/../target/samverka-load.jar")
DIR=$(mktemp -d)
cd "$DIR"
SAMVERKA_ADMIN_PASSWORD=admin-password PORT=8097 java -Xmx2g ${JVM:-} -jar "$JAR" --samverka.demo.enabled=false \
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
