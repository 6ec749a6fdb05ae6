#!/usr/bin/env bash
# Startup of the embedded default, as docs/benchmarks.md reports it: seconds from launching the
# JVM until GET /actuator/health answers 200 (every projection caught up), from an empty
# data directory.
#   load-generator/scripts/startup.sh app/target/samverka.jar [demo: true|false, default false]
set -euo pipefail
JAR=$(realpath "$1")
DIR=$(mktemp -d)
cd "$DIR"
echo "load before $(cut -d' ' -f1 /proc/loadavg)"
START=$(date +%s.%N)
SAMVERKA_ADMIN_PASSWORD=admin-password PORT=8099 java -jar "$JAR" --samverka.demo.enabled="${2:-false}" \
  > service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$DIR"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8099/actuator/health)" = 200 ]; do sleep 0.1; done
echo "ready after $(echo "$(date +%s.%N) - $START" | bc) s (demo ${2:-false})"
