# Shared helpers for bench/run.sh: logging, clean-up, small wrappers.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

die() {
	log "ERROR: $*"
	exit 1
}

py() { python3 "$BENCH/tools/bench.py" "$@"; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Things to undo on exit, whatever the reason: the app, nginx, and the PostgreSQL log settings
# (a forgotten log_statement=all would fill the disk).
cleanup() {
	local status=$?
	trap - EXIT INT TERM
	[ -n "${PG_LOGGING_CHANGED:-}" ] && pg_logging_reset
	nginx_stop
	app_stop
	exit "$status"
}

need() {
	command -v "$1" >/dev/null 2>&1 || die "$1 is missing: $2"
}

check_prerequisites() {
	need wrk "apt-get install -y wrk"
	need nginx "apt-get install -y nginx-light"
	need psql "apt-get install -y postgresql"
	need curl "apt-get install -y curl"
	need taskset "apt-get install -y util-linux"
	need python3 "apt-get install -y python3"
	need java "apt-get install -y openjdk-17-jdk-headless"
	[ "$(id -u)" = 0 ] || die "run as root (it switches to the postgres user for psql and restarts nothing else)"
	[ -r "$PG_LOG" ] || die "cannot read the PostgreSQL log $PG_LOG (set PG_LOG)"
	runuser -u postgres -- psql -X -q -p "$PG_PORT" -d postgres -c 'select 1' >/dev/null \
		|| die "PostgreSQL is not running on port $PG_PORT: pg_ctlcluster 15 main start"
	if [ "$(nproc)" -lt 2 ]; then
		log "warning: fewer than 2 cores; the app and wrk will share one"
	fi
}
