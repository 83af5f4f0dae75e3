# The measurements: pages, their static copies behind nginx, statements per request, wrk runs with
# warm-up, sequential latency, and the plans of the mentor page.

# The pages of the table: name|who|method|path|body|alternate body|htmx|expected status.
# @CSRF@ is replaced by the learner's token. The status POSTs alternate between two statuses so
# that every request is a real change (an unchanged status would skip the writes).
PAGES=(
	"learner-stage|learner|GET|/stages/databases||||200"
	"learner-home|learner|GET|/||||200"
	"learner-dashboard|learner|GET|/dashboard||||200"
	"mentor|mentor|GET|/mentor||||200"
	"mentor-progress-desc|mentor|GET|/mentor?sort=PROGRESS&dir=desc||||200"
	"mentor-activity|mentor|GET|/mentor?sort=ACTIVITY||||200"
	"anon-stage|anon|GET|/stages/databases||||200"
	"status-post|poster|POST|/stages/databases/skills/relational-databases/status|status=IN_PROGRESS&_csrf=@CSRF@|status=DONE&_csrf=@CSRF@||303"
	"status-post-htmx|poster|POST|/stages/databases/skills/design-tables/status|status=IN_PROGRESS&_csrf=@CSRF@|status=DONE&_csrf=@CSRF@|true|200"
	"api-progress|apitoken|GET|/api/v1/me/progress||||200"
)

# Splits a PAGES entry into P_NAME, P_WHO, P_METHOD, P_PATH, P_BODY, P_BODY_ALT, P_HX, P_EXPECT.
page_fields() {
	IFS='|' read -r P_NAME P_WHO P_METHOD P_PATH P_BODY P_BODY_ALT P_HX P_EXPECT <<<"$1"
	P_BODY=${P_BODY//@CSRF@/$CSRF}
	P_BODY_ALT=${P_BODY_ALT//@CSRF@/$CSRF}
}

# The Authorization header of an API page's requests (a personal access token of the learner).
auth_of() {
	[ "$1" = apitoken ] && echo "Bearer $API_TOKEN" || echo ""
}

cookie_of() {
	case "$1" in
		learner) echo "$LEARNER_COOKIE" ;;
		poster) echo "$POSTER_COOKIE" ;;
		mentor) echo "$MENTOR_COOKIE" ;;
		admin) echo "$ADMIN_COOKIE" ;;
		*) echo "" ;;
	esac
}

# Whether a page was chosen with --pages.
page_selected() {
	[ "$PAGE_LIST" = all ] && return 0
	case ",$PAGE_LIST," in *",$1,"*) return 0 ;; esac
	return 1
}

# One request for the current page with curl; prints the status. $1 body, $2 output file.
page_request() {
	local args=(-s -m "$TIMEOUT" -o "$2" -w '%{http_code}' -X "$P_METHOD")
	local cookie
	cookie=$(cookie_of "$P_WHO")
	[ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
	[ "$P_WHO" = apitoken ] && args+=(-H "Authorization: $(auth_of "$P_WHO")")
	[ "$P_HX" = true ] && args+=(-H "HX-Request: true")
	[ -n "$1" ] && args+=(-H "Content-Type: application/x-www-form-urlencoded" --data-raw "$1")
	curl "${args[@]}" "$APP$P_PATH" || true
}

# Saves each page's response body for nginx, and checks each answers as expected.
save_static_copies() {
	mkdir -p "$WORK/static/p"
	local entry code
	for entry in "${PAGES[@]}"; do
		page_fields "$entry"
		page_selected "$P_NAME" || continue
		code=$(page_request "$P_BODY_ALT" "$WORK/static/p/$P_NAME.html")
		[ "$code" = "$P_EXPECT" ] || die "$P_NAME answered $code, expected $P_EXPECT"
	done
}

nginx_start() {
	mkdir -p "$WORK/nginx-tmp"
	local user_line=""
	[ "$(id -u)" = 0 ] && user_line="user root;"
	sed -e "s|@WORK@|$WORK|g" -e "s|@PORT@|$NGINX_PORT|g" -e "s|@USER@|$user_line|" \
		"$BENCH/nginx.conf.in" >"$WORK/nginx.conf"
	taskset -c 0 nginx -c "$WORK/nginx.conf" -p "$WORK" >"$WORK/nginx.out" 2>&1 &
	NGINX_PID=$!
	local tries=0
	until curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/"; do
		tries=$(( tries + 1 ))
		[ "$tries" -lt 50 ] || { cat "$WORK/nginx.out" "$WORK/nginx-error.log" >&2; die "nginx did not start"; }
		sleep 0.1
	done
	log "nginx serving the saved pages on port $NGINX_PORT (core 0, 1 worker)"
}

nginx_stop() {
	if [ -n "${NGINX_PID:-}" ]; then
		kill "$NGINX_PID" 2>/dev/null || true
		wait "$NGINX_PID" 2>/dev/null || true
		NGINX_PID=
	fi
}

# Statements for one request of each page: the fewest seen in three requests, so that a
# background job (Spring Session's expired-session clean-up, say) cannot inflate the count.
# Sets STATEMENTS[name] = "total (transaction control)".
count_statements() {
	declare -gA STATEMENTS
	pg_statement_log_on
	local entry try offset counts best best_tx total tx body
	for entry in "${PAGES[@]}"; do
		page_fields "$entry"
		page_selected "$P_NAME" || continue
		# A POST first goes to the alternate status, so each counted request changes something.
		[ -n "$P_BODY" ] && page_request "$P_BODY_ALT" /dev/null >/dev/null
		best=""
		for try in 1 2 3; do
			body=$P_BODY
			[ $(( try % 2 )) = 0 ] && body=$P_BODY_ALT
			offset=$(pg_log_offset)
			page_request "$body" /dev/null >/dev/null
			sleep 0.5
			pg_log_since "$offset" "$WORK/statements-$P_NAME-$try.log"
			read -r total tx <<<"$(py statements "$WORK/statements-$P_NAME-$try.log" "$DB")"
			if [ -z "$best" ] || [ "$total" -lt "$best" ]; then
				best=$total best_tx=$tx
				py statement-list "$WORK/statements-$P_NAME-$try.log" "$DB" >"$WORK/statements-$P_NAME.txt"
			fi
		done
		STATEMENTS[$P_NAME]="$best ($best_tx)"
		log "statements for $P_NAME: ${STATEMENTS[$P_NAME]}"
	done
	pg_statement_log_off
}

# One wrk run; prints "<req/s> <p50> <p95> <p99> <errors> <requests>". $1 app|nginx, $2 seconds.
wrk_run() {
	local base=$APP path=$P_PATH expect=$P_EXPECT out="$WORK/wrk-$1-$P_NAME.out"
	if [ "$1" = nginx ]; then
		base="http://127.0.0.1:$NGINX_PORT" path="/p/$P_NAME.html" expect=200
	fi
	BENCH_METHOD=$P_METHOD BENCH_PATH=$path BENCH_COOKIE=$(cookie_of "$P_WHO") BENCH_HX=$P_HX \
		BENCH_AUTHORIZATION=$(auth_of "$P_WHO") \
		BENCH_BODY=$P_BODY BENCH_BODY_ALT=$P_BODY_ALT BENCH_EXPECT=$expect \
		taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${2}s" --timeout "${TIMEOUT}s" --latency \
		-s "$BENCH/wrk/page.lua" "$base$path" >"$out" 2>&1 || true
	cat "$out" >>"$WORK/wrk-all.log"
	py wrk "$out"
}

# Warm-up, then the median of the measured runs. Warm-up repeats runs until two in a row agree
# within SETTLE_PERCENT in req/s, for at most WARMUP_CAP seconds. Prints the median run's line
# followed by "settled" or "unsettled". $1 app|nginx.
measure() {
	local target=$1 previous="" line rate spent=0 settled=unsettled runs=()
	if [ "$QUICK" = 1 ]; then
		wrk_run "$target" "$RUN_SECONDS" >/dev/null
		settled=quick
	else
		while [ "$spent" -lt "$WARMUP_CAP" ]; do
			line=$(wrk_run "$target" "$RUN_SECONDS")
			spent=$(( spent + RUN_SECONDS ))
			rate=${line%% *}
			if [ -n "$previous" ] && py agree "$previous" "$rate" "$SETTLE_PERCENT"; then
				settled=settled
				break
			fi
			previous=$rate
		done
	fi
	local i
	for (( i = 0; i < MEASURED_RUNS; i++ )); do
		runs+=("$(wrk_run "$target" "$RUN_SECONDS")")
	done
	echo "$(py median-line "${runs[@]}") $settled"
}

# The JIT's warm-up, before any page is measured: every selected page in turn, for JIT_WARMUP
# seconds in all. Pinned to one core, the compiler threads share that core with the 16 request
# threads, so the app keeps getting faster for minutes: on the stage page at 100,000 learners,
# 75 req/s after 30 s, 220 after 4 minutes, 430 after 9. Two 15 s runs in a row then agree
# within 5 % long before the JIT is done, so the per-page settling alone reported half the rate.
warm_up_jit() {
	local entry names=() spent=0 slice
	for entry in "${PAGES[@]}"; do
		page_fields "$entry"
		page_selected "$P_NAME" && names+=("$entry")
	done
	[ ${#names[@]} -gt 0 ] && [ "$JIT_WARMUP" -gt 0 ] || return 0
	slice=$(( RUN_SECONDS > 30 ? RUN_SECONDS : 30 ))
	log "JIT warm-up: ${JIT_WARMUP} s over ${#names[@]} pages"
	while [ "$spent" -lt "$JIT_WARMUP" ]; do
		for entry in "${names[@]}"; do
			[ "$spent" -lt "$JIT_WARMUP" ] || break
			page_fields "$entry"
			wrk_run app "$slice" >/dev/null
			spent=$(( spent + slice ))
		done
	done
}

# The throughput table's rows, into TABLE_ROWS and NOTES.
measure_pages() {
	local entry app_line nginx_line
	warm_up_jit
	for entry in "${PAGES[@]}"; do
		page_fields "$entry"
		page_selected "$P_NAME" || continue
		log "wrk $P_NAME (app)"
		app_line=$(measure app)
		log "wrk $P_NAME (nginx)"
		nginx_line=$(measure nginx)
		table_row "$app_line" "$nginx_line"
	done
}

table_row() {
	local a_rate a_p50 a_p95 a_p99 a_err a_n a_settled n_rate n_p50 n_p95 n_p99 n_err n_n n_settled ratio
	read -r a_rate a_p50 a_p95 a_p99 a_err a_n a_settled <<<"$1"
	read -r n_rate n_p50 n_p95 n_p99 n_err n_n n_settled <<<"$2"
	ratio=$(python3 -c "n=float('$n_rate'); print(f'{float(\"$a_rate\")/n:.4f}' if n else '-')")
	local shown="$P_METHOD $P_PATH"
	[ "$P_HX" = true ] && shown="$shown (htmx)"
	[ "$P_WHO" != anon ] && shown="$shown, $P_WHO" || shown="$shown, anonymous"
	TABLE_ROWS+=("| $shown | $a_rate | $a_p50 ms | $a_p99 ms | $a_err | $n_rate | $ratio | ${STATEMENTS[$P_NAME]:--} |")
	[ "$a_settled" = unsettled ] && NOTES+=("$P_NAME (app): req/s did not settle within ${WARMUP_CAP} s of warm-up")
	[ "$n_settled" = unsettled ] && NOTES+=("$P_NAME (nginx): req/s did not settle within ${WARMUP_CAP} s of warm-up")
	[ "$a_err" != 0 ] && NOTES+=("$P_NAME (app): $a_err of $a_n requests in the median run were not $P_EXPECT or failed (see work/wrk-app-$P_NAME.out)")
	return 0
}

# Sequential latency of the mentor page and the admin search, with curl one request at a time.
# Each URL: a few warm-up requests, then up to LATENCY_SAMPLES within LATENCY_BUDGET seconds.
# A request over TIMEOUT seconds is reported as a timeout and ends that URL's sampling.
LATENCY_URLS=(
	"mentor|/mentor?sort=NAME&dir=asc"
	"mentor|/mentor?sort=NAME&dir=desc"
	"mentor|/mentor?sort=PROGRESS&dir=asc"
	"mentor|/mentor?sort=PROGRESS&dir=desc"
	"mentor|/mentor?sort=ACTIVITY&dir=asc"
	"mentor|/mentor?sort=ACTIVITY&dir=desc"
	"mentor|/mentor?queuePage=1"
	"mentor|/mentor?queuePage=@MIDQUEUE@"
	"mentor|/mentor?page=@MIDPAGE@"
	"admin|/admin/users?q=learner"
	"admin|/admin/users?q=learner@LEARNERS@@"
	"admin|/admin/users?q=nobody-matches-this"
)

measure_latency() {
	local entry who path cookie samples code seconds started result timed_out i n
	# Pages in the middle of the learners and of the queue: the offsets a deep page costs.
	local mid_page=$(( LEARNERS / 25 / 2 )) mid_queue
	mid_queue=$(psql_admin -d "$DB" -Atc "select count(*) / 10 / 2 from skill_status where review_state = 'REQUESTED'")
	for entry in "${LATENCY_URLS[@]}"; do
		IFS='|' read -r who path <<<"$entry"
		path=${path//@MIDQUEUE@/$mid_queue}
		path=${path//@MIDPAGE@/$mid_page}
		path=${path//@LEARNERS@/$LEARNERS}
		cookie=$(cookie_of "$who")
		samples="$WORK/latency-$(echo "$path" | tr -c 'A-Za-z0-9\n' '_').txt"
		: >"$samples"
		timed_out="" result=""
		started=$(now_ms)
		for (( i = 0; i < LATENCY_WARMUP + LATENCY_SAMPLES; i++ )); do
			read -r code seconds <<<"$(curl -s -o /dev/null -m "$TIMEOUT" -H "Cookie: $cookie" \
				-w '%{http_code} %{time_total}' "$APP$path" || true)"
			if [ "$code" = 000 ]; then timed_out=1; break; fi
			[ "$code" = 200 ] || { result="answered $code"; break; }
			if [ "$i" -lt "$LATENCY_WARMUP" ]; then
				# The budget is for the samples: it starts once the warm-up requests are done.
				started=$(now_ms)
				continue
			fi
			echo "$seconds" >>"$samples"
			[ $(( $(now_ms) - started )) -lt $(( LATENCY_BUDGET * 1000 )) ] || break
		done
		read -r p50 p95 max n <<<"$(py percentiles <"$samples")"
		if [ -n "$timed_out" ]; then
			result="timeout (no answer within ${TIMEOUT} s)"
		fi
		LATENCY_ROWS+=("| GET $path ($who) | $p50 | $p95 | $max | $n | ${result:-} |")
		log "latency $path: p50 $p50 ms, p95 $p95 ms, n $n ${result:-}"
	done
}

# The plans of one mentor-page request, from auto_explain in the server log. Generic: whatever
# statements the page runs today are in the log with their EXPLAIN (ANALYZE, BUFFERS) output.
capture_plans() {
	local offset code
	pg_auto_explain_on
	offset=$(pg_log_offset)
	code=$(curl -s -o /dev/null -m "$(( TIMEOUT * 4 ))" -H "Cookie: $MENTOR_COOKIE" -w '%{http_code}' "$APP/mentor" || true)
	sleep 1
	pg_log_since "$offset" "$WORK/plans.log"
	pg_logging_reset
	{
		echo "# Plans of one GET /mentor (sort NAME asc) at $LEARNERS learners, $(date -u +%FT%TZ), answered $code"
		echo "# From auto_explain (log_analyze, log_buffers) in $PG_LOG"
		echo
		py plans "$WORK/plans.log" "$DB"
	} >"$PLANS_FILE"
	log "plans of GET /mentor saved to $PLANS_FILE ($(grep -c 'plan:' "$PLANS_FILE") statements)"
}
