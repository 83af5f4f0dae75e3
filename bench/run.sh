#!/usr/bin/env bash
# Backend Roadmap benchmark: seeds PostgreSQL at a chosen size, starts the jar pinned to core 0,
# drives it with wrk pinned to core 1, and prints a markdown table of throughput, latency,
# statements per request and nginx serving the same bytes. See bench/README.md.
#
# Usage: bench/run.sh [--learners N] [--quick] [--pages LIST|all|none] [--no-latency]
#                     [--no-plans] [--no-build] [--keep-db] [--xmx SIZE]
#                     [--jit-warmup SECONDS] [--warmup-cap SECONDS] [--latency-budget SECONDS]
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib/common.sh"
. "$BENCH/lib/db.sh"
. "$BENCH/lib/app.sh"
. "$BENCH/lib/measure.sh"

# Settings (environment variables override the defaults; options override both).
LEARNERS=${LEARNERS:-1000}
QUICK=0
PAGE_LIST=all
LATENCY=1
PLANS=1
BUILD=1
KEEP_DB=0
XMX=${XMX:-256m}
PG_PORT=${PG_PORT:-5432}
PG_LOG=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
DB=${DB:-roadmap_bench}
DB_USER=${DB_USER:-roadmap_bench}
DB_PASSWORD=${DB_PASSWORD:-roadmap_bench}
APP_PORT=${APP_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
CONNECTIONS=${CONNECTIONS:-16}
# The bench's own throw-away accounts; every bench account has this password.
LEARNER_EMAIL=learner@bench.example
# The status POSTs change this seeded learner's statuses, not the measured learner's: thousands
# of changes per run would otherwise pile up in the measured learner's history, and the
# dashboard, which reads that history, would get slower with every run (it did: 165 -> 28 req/s
# after 19,000 changes).
POSTER_EMAIL=learner1@bench.example
MENTOR_EMAIL=mentor@bench.example
ADMIN_EMAIL=admin@bench.example
BENCH_PASSWORD=bench-password-2026

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
	case "$1" in
		--learners) LEARNERS=$2; shift ;;
		--quick) QUICK=1 ;;
		--pages) PAGE_LIST=$2; shift ;;
		--no-latency) LATENCY=0 ;;
		--no-plans) PLANS=0 ;;
		--no-build) BUILD=0 ;;
		--keep-db) KEEP_DB=1 ;;
		--xmx) XMX=$2; shift ;;
		--jit-warmup) JIT_WARMUP_OPTION=$2; shift ;;
		--warmup-cap) WARMUP_CAP_OPTION=$2; shift ;;
		--latency-budget) LATENCY_BUDGET_OPTION=$2; shift ;;
		-h|--help) usage 0 ;;
		*) log "unknown option $1"; usage 1 ;;
	esac
	shift
done
[[ "$LEARNERS" =~ ^[0-9]+$ ]] && [ "$LEARNERS" -ge 1 ] || die "--learners wants a positive number"

# Full runs: 15 s runs, warm-up until two runs agree within 5 % (at most 5 minutes), median of
# three. Quick runs: one 3 s warm-up, one 3 s run, few latency samples: for trying the script only.
if [ "$QUICK" = 1 ]; then
	RUN_SECONDS=3 MEASURED_RUNS=1 LATENCY_WARMUP=1 LATENCY_SAMPLES=5 LATENCY_BUDGET=20
else
	RUN_SECONDS=15 MEASURED_RUNS=3 LATENCY_WARMUP=3 LATENCY_SAMPLES=30 LATENCY_BUDGET=90
fi
LATENCY_BUDGET=${LATENCY_BUDGET_OPTION:-$LATENCY_BUDGET}
SETTLE_PERCENT=5
WARMUP_CAP=${WARMUP_CAP_OPTION:-300}
# Before any page is measured (see warm_up_jit); quick runs skip it.
JIT_WARMUP=${JIT_WARMUP_OPTION:-$([ "$QUICK" = 1 ] && echo 0 || echo 600)}
# No request may hang the run: wrk and curl give up after this many seconds ("timeout").
TIMEOUT=${TIMEOUT:-10}
APP="http://localhost:$APP_PORT"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK="$BENCH/work/$STAMP-$LEARNERS"
RESULTS="$BENCH/results"
REPORT="$RESULTS/$STAMP-$LEARNERS.md"
PLANS_FILE="$RESULTS/$STAMP-$LEARNERS-mentor-plans.txt"
mkdir -p "$WORK" "$RESULTS"
TABLE_ROWS=() LATENCY_ROWS=() NOTES=()
trap cleanup EXIT INT TERM

# A database seeded at this size, built from this app's migrations.
prepare_database() {
	if [ "$KEEP_DB" = 1 ] && [ "$(db_seeded_learners)" = "$LEARNERS" ]; then
		log "keeping database $DB (already seeded with $LEARNERS learners)"
		return
	fi
	db_recreate
	# The first start runs Flyway (schema and roadmap content); the bench learner registers
	# through the app so that its bcrypt hash is genuine; the seed copies that hash.
	app_start migrate
	register_bench_learner
	app_stop
	db_seed
}

log_in_everyone() {
	LEARNER_COOKIE=$(login "$LEARNER_EMAIL")
	MENTOR_COOKIE=$(login "$MENTOR_EMAIL")
	ADMIN_COOKIE=$(login "$ADMIN_EMAIL")
	POSTER_COOKIE=$(login "$POSTER_EMAIL")
	# The status forms' token, from the poster's stage page (any _csrf input of its cookie).
	curl -s -m "$TIMEOUT" -H "Cookie: $POSTER_COOKIE" -o "$WORK/poster-stage.html" "$APP/stages/databases"
	CSRF=$(py urlencode "$(py csrf "$WORK/poster-stage.html")")
	# Only when the API's page is measured: a run of other pages also works against versions
	# without the API (a "before" jar).
	case ",$PAGE_LIST," in
		,all,|*,api-progress,*) API_TOKEN=$(make_api_token "$LEARNER_COOKIE") ;;
		*) API_TOKEN= ;;
	esac
}

write_report() {
	local commit gc_max gc_count gc_name gc_serving
	commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
	read -r gc_max gc_count gc_name gc_serving <<<"$(py gc "$WORK/gc-bench.log" "$(( STARTUP_MS / 1000 + 1 ))")"
	{
		echo "# Backend Roadmap benchmark: $LEARNERS learners"
		echo
		if [ "$QUICK" = 1 ]; then
			echo "**QUICK RUN (--quick): short runs, no warm-up settling. These are NOT valid figures.**"
			echo
		fi
		echo "- when: $STAMP; commit $commit$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with local changes)')"
		echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB; $(java -version 2>&1 | head -n 1); $(psql_admin -d postgres -Atc 'show server_version')"
		echo "- data: $LEARNERS learners + the bench learner in cohorts of 500, all mentored by $MENTOR_EMAIL; $(psql_admin -d "$DB" -Atc "select count(*) from skill_status where review_state = 'REQUESTED' and status = 'DONE'") open review requests; $(psql_admin -d "$DB" -Atc 'select count(*) from status_event') status events${SEED_SECONDS:+; seeded in $SEED_SECONDS s}"
		[ "$QUICK" = 1 ] || echo "- warm-up: ${JIT_WARMUP} s over all measured pages for the JIT, then ${RUN_SECONDS} s runs until two in a row agree within ${SETTLE_PERCENT} % in req/s, at most ${WARMUP_CAP} s per page and server"
		echo "- app: java -Xmx$XMX -jar on core 0; wrk -t1 -c$CONNECTIONS on core 1; nginx (1 worker) on core 0"
		echo "- start-up (java -jar to the first 200 of /): $(( STARTUP_MS / 1000 )).$(printf '%03d' $(( STARTUP_MS % 1000 ))) s"
		echo "- GC ($gc_name): max pause $gc_serving ms while serving (after start-up); $gc_max ms over the whole run, start-up included ($gc_count pauses)"
		if [ ${#TABLE_ROWS[@]} -gt 0 ]; then
			echo
			if [ "$QUICK" = 1 ]; then
				echo "## Throughput (QUICK: one ${RUN_SECONDS} s run after one ${RUN_SECONDS} s warm-up)"
			else
				echo "## Throughput (median of $MEASURED_RUNS × ${RUN_SECONDS} s runs after warm-up to ±${SETTLE_PERCENT} %)"
			fi
			echo
			echo "ratio = app req/s ÷ nginx req/s serving the saved response. statements = SQL statements for one request (of which transaction control: BEGIN/COMMIT/ROLLBACK/SET/SHOW)."
			echo
			echo "| page | req/s | p50 | p99 | errors | nginx req/s | ratio | statements (tx control) |"
			echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
			printf '%s\n' "${TABLE_ROWS[@]}"
		fi
		if [ ${#LATENCY_ROWS[@]} -gt 0 ]; then
			echo
			echo "## Sequential latency (one request at a time, curl, after $LATENCY_WARMUP warm-up requests; ms)"
			echo
			echo "| request | p50 | p95 | max | n | note |"
			echo "| --- | ---: | ---: | ---: | ---: | --- |"
			printf '%s\n' "${LATENCY_ROWS[@]}"
		fi
		if [ "$PLANS" = 1 ]; then
			echo
			echo "Plans of the mentor page: $(basename "$PLANS_FILE")"
		fi
		if [ ${#NOTES[@]} -gt 0 ]; then
			echo
			echo "## Notes"
			echo
			printf -- '- %s\n' "${NOTES[@]}"
		fi
	} >"$REPORT"
	echo
	cat "$REPORT"
	echo
	log "report saved to $REPORT; raw logs in $WORK"
}

main() {
	check_prerequisites
	[ "$BUILD" = 1 ] && app_build
	app_jar
	prepare_database
	app_start bench
	log_in_everyone
	save_static_copies
	nginx_start
	count_statements
	[ "$PLANS" = 1 ] && capture_plans
	measure_pages
	[ "$LATENCY" = 1 ] && measure_latency
	write_report
}

main
