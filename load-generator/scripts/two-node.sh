#!/usr/bin/env bash
# W1 across nodes, as docs/benchmarks.md reports it: a command node, two query nodes (two segments
# per projection), one shared Mongo wire-protocol server, PostgreSQL for the events (a database of
# its own, dropped after) and RabbitMQ's STOMP plugin on 127.0.0.1:61613 as the relay. Prints the
# generator's figures, each process's CPU during the run and the most RabbitMQ STOMP connections
# seen (sampled every 5 s; run as a user that may call rabbitmqctl). Several N run one after the
# other on the same nodes, so the first can warm the JVMs up as quiet-run.sh's smaller N do.
#   load-generator/scripts/two-node.sh app/target/samverka.jar "200 500 2000"
# ON=b puts every client on query node qb (default ab: spread over both), so the node holding the
# workshop's segment may have none of its followers.
set -uo pipefail
source "$(dirname "$0")/bench-common.sh"
NS=$2
RUN=$(mktemp -d)
# Processes must not run from a jar that is being rebuilt.
cp "$1" "$RUN/samverka.jar"
DB=bench_two_node_$$
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
java -cp "$RUN/samverka.jar" -Dloader.main=se.samverka.app.devtools.SharedMongoServer \
  org.springframework.boot.loader.launch.PropertiesLauncher 27118 > "$RUN/mongo.log" 2>&1 &
MONGO=$!
PIDS=()
cleanup() {
  kill "${PIDS[@]}" 2>/dev/null; wait "${PIDS[@]}" 2>/dev/null
  kill $MONGO 2>/dev/null; wait $MONGO 2>/dev/null
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB"
  rm -rf "$RUN"
}
trap cleanup EXIT
COMMON="--samverka.token.secret=two-node-bench-secret-0123456789abcdef \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --samverka.admin.password=admin-password --samverka.demo.enabled=false \
  --samverka.limits.join-per-minute=100000 --samverka.limits.commands-per-second-per-address=100000 \
  --samverka.limits.commands-per-second=100000 --logging.level.root=WARN --samverka.data-dir=$RUN"
Q="--samverka.role=query --samverka.mongodb.uri=mongodb://127.0.0.1:27118 --samverka.processing.segments=2 \
  --samverka.stomp.relay.host=127.0.0.1 --samverka.bench.enabled=true"
healthy() { until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/actuator/health")" = 200 ]; do sleep 0.5; done; }
until (exec 3<>/dev/tcp/127.0.0.1/27118) 2>/dev/null; do sleep 0.2; done
java -Xmx1g -jar "$RUN/samverka.jar" $COMMON --samverka.role=command --server.port=18081 > "$RUN/command.log" 2>&1 &
CMD=$!; PIDS+=($CMD)
healthy 18081
java -Xmx1g -jar "$RUN/samverka.jar" $COMMON $Q --samverka.node-name=qa --server.port=18091 > "$RUN/qa.log" 2>&1 &
QA=$!; PIDS+=($QA)
java -Xmx1g -jar "$RUN/samverka.jar" $COMMON $Q --samverka.node-name=qb --server.port=18092 > "$RUN/qb.log" 2>&1 &
QB=$!; PIDS+=($QB)
healthy 18091; healthy 18092
case "${ON:-ab}" in
  ab) BASES=http://127.0.0.1:18091,http://127.0.0.1:18092 ;;
  b) BASES=http://127.0.0.1:18092 ;;
  *) echo "ON is ab or b" >&2; exit 2 ;;
esac
declare -A BEFORE
used() { echo "$(cpu $1) - ${BEFORE[$1]}" | bc; }
for N in $NS; do
  for p in $CMD $QA $QB $MONGO; do BEFORE[$p]=$(cpu $p); done
  echo "== W1 across nodes N=$N at $(date -u +%H:%M) load $(cut -d' ' -f1 /proc/loadavg)"
  ( while true; do rabbitmqctl -s list_stomp_connections connection 2>/dev/null | wc -l; sleep 5; done > "$RUN/stomp.log" ) &
  SAMPLER=$!
  generator --base=http://127.0.0.1:18081 --query-bases="$BASES" \
    --password=admin-password --clients=$N --workshops=1 --window-seconds=10 --baseline-messages=10 > "$RUN/gen.log" 2>&1
  kill $SAMPLER
  grep -E "$SHOWN" "$RUN/gen.log"
  echo "CPU s during the run: command $(used $CMD), qa $(used $QA), qb $(used $QB), mongo $(used $MONGO)"
  echo "RabbitMQ STOMP connections, most seen: $(sort -n "$RUN/stomp.log" | tail -n 1)"
done
echo "== done load $(cut -d' ' -f1 /proc/loadavg)"
