#!/usr/bin/env bash
# Before and after in one run: two jars, one after the other, against the bench database that
# bench/run.sh seeded (left as it is). Each is started pinned to core 0, warmed up on every page
# for WARMUP seconds, then each page is measured twice for 20 s with wrk pinned to core 1. Prints
# a markdown table of req/s and p99 per page and jar.
#
# Usage: bench/compare.sh BEFORE.jar AFTER.jar [PATH ...]   (default paths: /stages/databases / /dashboard)
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib/common.sh"
. "$BENCH/lib/app.sh"

XMX=${XMX:-256m}
PG_PORT=${PG_PORT:-5432}
DB=${DB:-roadmap_bench}
DB_USER=${DB_USER:-roadmap_bench}
DB_PASSWORD=${DB_PASSWORD:-roadmap_bench}
APP_PORT=${APP_PORT:-18080}
APP="http://localhost:$APP_PORT"
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-600}
LEARNER_EMAIL=learner@bench.example
BENCH_PASSWORD=bench-password-2026
WORK="$BENCH/work/compare"
mkdir -p "$WORK"
trap 'app_stop' EXIT INT TERM

[ $# -ge 2 ] || { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
BEFORE=$1 AFTER=$2
shift 2
PATHS=("$@")
[ ${#PATHS[@]} -gt 0 ] || PATHS=(/stages/databases / /dashboard)

# One wrk run: prints "<req/s> <p99>".
measure() {
	taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$2" --latency -H "Cookie: $COOKIE" "$APP$1" \
		| awk '/Requests\/sec/ { rate = $2 } / 99%/ { p99 = $2 } END { print rate, p99 }'
}

declare -A RESULT
for side in before after; do
	JAR=$([ "$side" = before ] && echo "$BEFORE" || echo "$AFTER")
	app_start "$side"
	COOKIE=$(login "$LEARNER_EMAIL")
	log "warming up $side for $WARMUP s"
	for path in "${PATHS[@]}"; do
		measure "$path" "$(( WARMUP / ${#PATHS[@]} ))s" >/dev/null
	done
	for path in "${PATHS[@]}"; do
		RESULT[$side,$path]="$(measure "$path" 20s) / $(measure "$path" 20s)"
	done
	app_stop
done

echo "| page | before: req/s, p99 (two runs) | after: req/s, p99 (two runs) |"
echo "| --- | --- | --- |"
for path in "${PATHS[@]}"; do
	echo "| \`$path\` | ${RESULT[before,$path]} | ${RESULT[after,$path]} |"
done
