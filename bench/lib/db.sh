# The benchmark database: (re)creation, seeding, and the statement/plan logging switches.
# Only the cluster on $PG_PORT (5432) and the database $DB are touched.

psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

# A fresh, empty database owned by the bench role. auto_explain is preloaded into every session
# of this database (it logs nothing until auto_explain.log_min_duration is set), because a library
# loaded later would not reach the app's already-open pooled connections.
db_recreate() {
	log "recreating database $DB on port $PG_PORT"
	psql_admin -d postgres <<-SQL >/dev/null
		drop database if exists $DB with (force);
		do \$\$ begin
			if not exists (select from pg_roles where rolname = '$DB_USER') then
				create role $DB_USER login password '$DB_PASSWORD';
			end if;
		end \$\$;
		create database $DB owner $DB_USER;
		alter database $DB set session_preload_libraries = 'auto_explain';
	SQL
}

# How many learners the existing database was seeded with (empty if none / not seeded).
db_seeded_learners() {
	psql_admin -d "$DB" -Atc 'select learners from bench_seed' 2>/dev/null || true
}

db_seed() {
	log "seeding $LEARNERS learners (set-based SQL)"
	local started
	started=$(now_ms)
	psql_admin -d "$DB" -v learners="$LEARNERS" -f "$BENCH/sql/seed.sql" >"$WORK/seed.log" 2>&1 \
		|| { cat "$WORK/seed.log" >&2; die "seeding failed"; }
	SEED_SECONDS=$(( ($(now_ms) - started) / 1000 ))
	log "seeded in ${SEED_SECONDS} s: $(awk '/users \|/ { print; getline; getline; print }' "$WORK/seed.log" | tr -s ' ')"
}

# ALTER SYSTEM + reload: a pooled backend applies the new settings before its next statement.
pg_set() {
	psql_admin -d postgres -c "$1" -c 'select pg_reload_conf()' >/dev/null
	sleep 1
}

pg_statement_log_on() {
	PG_LOGGING_CHANGED=1
	pg_set "alter system set log_statement = 'all'"
}

pg_statement_log_off() { pg_set "alter system reset log_statement"; }

pg_auto_explain_on() {
	PG_LOGGING_CHANGED=1
	# ALTER SYSTEM only accepts auto_explain's settings in a session that has loaded it.
	psql_admin -d postgres -c "load 'auto_explain'" \
		-c "alter system set auto_explain.log_min_duration = 0" \
		-c "alter system set auto_explain.log_analyze = on" \
		-c "alter system set auto_explain.log_buffers = on" \
		-c "alter system set auto_explain.log_nested_statements = on" >/dev/null
	pg_set "select 1"
}

pg_logging_reset() {
	psql_admin -d postgres -c "load 'auto_explain'" \
		-c "alter system reset log_statement" \
		-c "alter system reset auto_explain.log_min_duration" \
		-c "alter system reset auto_explain.log_analyze" \
		-c "alter system reset auto_explain.log_buffers" \
		-c "alter system reset auto_explain.log_nested_statements" \
		-c 'select pg_reload_conf()' >/dev/null || true
	PG_LOGGING_CHANGED=
}

# The size of the server log now, so that what one request logs can be read afterwards.
pg_log_offset() { stat -c %s "$PG_LOG"; }

# Copies what the log gained since an offset into a file.
pg_log_since() { tail -c +"$(( $1 + 1 ))" "$PG_LOG" >"$2"; }
