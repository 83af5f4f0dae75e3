#!/usr/bin/env bash
# Start-up time of the production jar: from `java -jar` to the first 200 of /, against an existing
# (migrated) PostgreSQL database, on both cores and on one, with and without a class data sharing
# archive (CDS, made by one training run of the extracted jar). Prints the median of RUNS starts.
# The database is $DB (default roadmap_startup) on the local cluster at port $PG_PORT (5432),
# created if missing; nothing else is touched.
#
# Usage: bench/startup.sh [--runs N] [--no-build]
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
RUNS=3
BUILD=1
PORT=${PORT:-18095}
PG_PORT=${PG_PORT:-5432}
DB=${DB:-roadmap_startup}
DB_USER=${DB_USER:-roadmap_bench}
DB_PASSWORD=${DB_PASSWORD:-roadmap_bench}
while [ $# -gt 0 ]; do
	case "$1" in
		--runs) RUNS=$2; shift ;;
		--no-build) BUILD=0 ;;
		-h|--help) sed -n '2,8p' "$0"; exit 0 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
	shift
done

WORK="$BENCH/work/startup"
mkdir -p "$WORK"
log() { printf '[startup %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }
if [ -z "$(psql_admin -d postgres -Atc "select 1 from pg_database where datname = '$DB'")" ]; then
	log "creating database $DB on port $PG_PORT"
	psql_admin -d postgres <<-SQL >/dev/null
		do \$\$ begin
			if not exists (select from pg_roles where rolname = '$DB_USER') then
				create role $DB_USER login password '$DB_PASSWORD';
			end if;
		end \$\$;
		create database $DB owner $DB_USER;
	SQL
fi
export SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/$DB"
export SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD"

if [ "$BUILD" = 1 ]; then
	log "building the jar"
	(cd "$ROOT" && ./mvnw -B -q -DskipTests package) >"$WORK/build.log" 2>&1
fi
JAR=$(ls "$ROOT"/target/*.jar | grep -v -- '-plain\.jar$' | head -n 1)

log "extracting the jar and training a CDS archive"
rm -rf "$WORK/app"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
EXTRACTED="$WORK/app/$(basename "$JAR")"
# The training run starts the application and stops it once the context is refreshed.
(cd "$WORK" && SERVER_PORT=$PORT java -XX:ArchiveClassesAtExit="$WORK/app/app.jsa" \
	-Dspring.context.exit=onRefresh -jar "$EXTRACTED" >"$WORK/train.log" 2>&1) || true
[ -f "$WORK/app/app.jsa" ] || { tail -n 20 "$WORK/train.log" >&2; exit 1; }

# One start: prints milliseconds from java to the first 200 of /. $1 cores, rest: java arguments.
start_once() {
	local cores=$1 started pid ms
	shift
	started=$(date +%s%N)
	(cd "$WORK" && SERVER_PORT=$PORT exec taskset -c "$cores" java "$@") >"$WORK/run.log" 2>&1 &
	pid=$!
	until [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://localhost:$PORT/")" = 200 ]; do
		kill -0 "$pid" 2>/dev/null || { tail -n 20 "$WORK/run.log" >&2; exit 1; }
		sleep 0.05
	done
	ms=$(( ($(date +%s%N) - started) / 1000000 ))
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	echo "$ms"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The first start migrates the database if it is new; it is not counted.
start_once 0-1 -jar "$JAR" >/dev/null
echo "| cores | java -jar | with the CDS archive |"
echo "| --- | --- | --- |"
for cores in 0-1 0; do
	plain=() cds=()
	for _ in $(seq "$RUNS"); do
		plain+=("$(start_once "$cores" -jar "$JAR")")
		cds+=("$(start_once "$cores" -XX:SharedArchiveFile="$WORK/app/app.jsa" -jar "$EXTRACTED")")
	done
	p=$(printf '%s\n' "${plain[@]}" | median)
	c=$(printf '%s\n' "${cds[@]}" | median)
	label=$([ "$cores" = 0 ] && echo "one" || echo "two")
	printf '| %s | %d.%d s | %d.%d s |\n' "$label" $((p / 1000)) $((p % 1000 / 100)) $((c / 1000)) $((c % 1000 / 100))
done
