# Sourced by quiet-run.sh and steady-state.sh (not run by itself): starts the service jar $JAR
# on port 8097 from a fresh directory, with the limits the benchmark needs lifted and $JVM (JVM
# options) and $EXTRA (service options) added, waits until it is healthy, and stops it and
# removes the directory when the calling script exits. Defines gen, which runs the load
# generator against it (and what bench-common.sh defines).
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
DIR=$(mktemp -d)
cd "$DIR"
SAMVERKA_ADMIN_PASSWORD=admin-password PORT=8097 java -Xmx2g ${JVM:-} -jar "$JAR" --samverka.demo.enabled=false \
  --samverka.bench.enabled=true --samverka.limits.join-per-minute=100000 \
  --samverka.limits.commands-per-second-per-address=100000 --samverka.limits.commands-per-second=100000 \
  ${EXTRA:-} > service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$DIR"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8097/actuator/health)" = 200 ]; do sleep 0.2; done
gen() { generator --base=http://127.0.0.1:8097 --password=admin-password "$@"; }
