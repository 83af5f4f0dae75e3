#!/usr/bin/env bash
# Before and after in one run: two jars against the bench database that bench/run.sh seeded (left
# as it is). Both are started, one after the other, pinned to core 0 (before on APP_PORT, after on
# the next port), and both stay up. Each is warmed up on every page for WARMUP seconds, then the
# pages are measured for 20 s with wrk pinned to core 1, alternating: before, after, before,
# after (ROUNDS rounds, default 2), so that a machine that slows down or speeds up during the run
# weighs on both alike (measured one jar after the other, the second was 20-30 % slower whichever
# it was). The idle one only runs its schedulers. Prints a markdown table of req/s and p99 per
# page and jar.
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
ROUNDS=${ROUNDS:-2}
WORK="$BENCH/work/compare"
mkdir -p "$WORK"
declare -A PID PORT COOKIES
stop_both() {
	for side in before after; do
		APP_PID=${PID[$side]:-}
		app_stop
	done
}
trap 'stop_both' EXIT INT TERM

[ $# -ge 2 ] || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
BEFORE=$1 AFTER=$2
shift 2
PATHS=("$@")
[ ${#PATHS[@]} -gt 0 ] || PATHS=(/stages/databases / /dashboard)

# One wrk run: prints "<req/s> <p99>".
measure() {
	taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$2" --latency -H "Cookie: $COOKIE" "$APP$1" \
		| awk '/Requests\/sec/ { rate = $2 } / 99%/ { p99 = $2 } END { print rate, p99 }'
}

# Points APP (and the app_* helpers) at one side's app.
use() {
	APP_PORT=${PORT[$1]}
	APP="http://localhost:$APP_PORT"
	COOKIE=${COOKIES[$1]:-}
}

PORT[before]=$APP_PORT
PORT[after]=$(( APP_PORT + 2 ))
for side in before after; do
	JAR=$([ "$side" = before ] && echo "$BEFORE" || echo "$AFTER")
	use "$side"
	app_start "$side"
	PID[$side]=$APP_PID
	COOKIES[$side]=$(login "$LEARNER_EMAIL")
done
for side in before after; do
	use "$side"
	log "warming up $side for $WARMUP s"
	for path in "${PATHS[@]}"; do
		measure "$path" "$(( WARMUP / ${#PATHS[@]} ))s" >/dev/null
	done
done

declare -A RESULT
for round in $(seq "$ROUNDS"); do
	for side in before after; do
		use "$side"
		for path in "${PATHS[@]}"; do
			RESULT[$side,$path]="${RESULT[$side,$path]:+${RESULT[$side,$path]} / }$(measure "$path" 20s)"
		done
	done
done

echo "| page | before: req/s, p99 (rounds $ROUNDS, alternating) | after: req/s, p99 (rounds $ROUNDS, alternating) |"
echo "| --- | --- | --- |"
for path in "${PATHS[@]}"; do
	echo "| \`$path\` | ${RESULT[before,$path]} | ${RESULT[after,$path]} |"
done
