# The app under test: build, start (pinned to core 0), stop, and log in over HTTP with curl.

app_build() {
	log "building the jar (./mvnw -B -q -DskipTests package in $ROOT)"
	(cd "$ROOT" && ./mvnw -B -q -DskipTests package) >"$WORK/build.log" 2>&1 \
		|| { tail -n 40 "$WORK/build.log" >&2; die "build failed"; }
}

app_jar() {
	JAR=$(ls "$ROOT"/target/*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1)
	[ -n "$JAR" ] || die "no jar in $ROOT/target: run without --no-build"
}

# Starts the jar against the bench database and waits for the first 200 of /. Sets APP_PID and
# STARTUP_MS (from the java -jar to that first 200). $1 names this start in the log files.
# -XX:MetaspaceSize as the README's production command has it: the app's classes take about
# 120 MB of metaspace once every page has been served, and each time metaspace crosses the JVM's
# threshold (21 MB at first) Serial GC runs a full collection to unload classes (70-197 ms here).
app_start() {
	local name=$1 started deadline code
	log "starting the app ($name) on port $APP_PORT, core 0, -Xmx$XMX -XX:MetaspaceSize=160m"
	started=$(now_ms)
	SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/$DB" \
		SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
		SERVER_PORT="$APP_PORT" ROADMAP_API_REQUESTS_PER_MINUTE=1000000000 \
		taskset -c 0 java "-Xmx$XMX" -XX:MetaspaceSize=160m "-Xlog:gc:file=$WORK/gc-$name.log" -jar "$JAR" \
		>"$WORK/app-$name.log" 2>&1 &
	APP_PID=$!
	deadline=$(( started + 300000 ))
	while :; do
		code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$APP/" || true)
		[ "$code" = 200 ] && break
		kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app-$name.log" >&2; die "the app exited"; }
		[ "$(now_ms)" -lt "$deadline" ] || die "the app did not answer 200 on / within 300 s"
		sleep 0.1
	done
	STARTUP_MS=$(( $(now_ms) - started ))
	log "first 200 of / after $(( STARTUP_MS / 1000 )).$(( STARTUP_MS % 1000 / 100 )) s"
}

app_stop() {
	if [ -n "${APP_PID:-}" ]; then
		kill "$APP_PID" 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
		APP_PID=
	fi
}

# A cookie's value in a curl cookie jar (HttpOnly cookies start with #HttpOnly_). $1 jar, $2 name.
jar_cookie() { awk -v name="$2" '$6 == name { value = $7 } END { print value }' "$1"; }

# GET a form page, keep its cookie, print its _csrf token. $1 path, $2 cookie jar.
form_csrf() {
	curl -s -c "$2" -b "$2" -o "$WORK/form.html" "$APP$1"
	py csrf "$WORK/form.html"
}

# Registers the bench learner through the app, so its bcrypt hash is the app's own.
register_bench_learner() {
	local jar="$WORK/register.jar" csrf code
	csrf=$(form_csrf /register "$jar")
	code=$(curl -s -c "$jar" -b "$jar" -o "$WORK/register.html" -w '%{http_code}' \
		--data-urlencode "email=$LEARNER_EMAIL" --data-urlencode "displayName=Bench Learner" \
		--data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "_csrf=$csrf" "$APP/register")
	[ "$code" = 302 ] || [ "$code" = 303 ] || die "registering $LEARNER_EMAIL answered $code (see $WORK/register.html)"
}

# Logs in by the form and prints the cookies to send: "SESSION=<value>; CSRF=<value>". $1 email.
login() {
	local jar="$WORK/login-$1.jar" csrf location
	rm -f "$jar"
	csrf=$(form_csrf /login "$jar")
	location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
		--data-urlencode "username=$1" --data-urlencode "password=$BENCH_PASSWORD" \
		--data-urlencode "_csrf=$csrf" "$APP/login")
	case "$location" in
		30[23]*error*|30[23]*/login*) die "login as $1 failed: $location" ;;
		30[23]*) ;;
		*) die "login as $1 answered $location" ;;
	esac
	# Logging in replaces the CSRF token (a cookie of its own); the first page after sets the new one.
	curl -s -c "$jar" -b "$jar" -o /dev/null "$APP/"
	echo "SESSION=$(jar_cookie "$jar" SESSION); CSRF=$(jar_cookie "$jar" CSRF)"
}

# Makes a personal access token (progress:read, a week) for the user of the session, through the
# account page as a person would, and prints it. $1 the session's cookies.
make_api_token() {
	local csrf
	curl -s -m "$TIMEOUT" -H "Cookie: $1" -o "$WORK/account.html" "$APP/account"
	csrf=$(py csrf "$WORK/account.html")
	curl -s -m "$TIMEOUT" -H "Cookie: $1" -o /dev/null --data-urlencode "name=bench" \
		--data-urlencode "expiresInDays=7" --data-urlencode "scopes=progress:read" --data-urlencode "_csrf=$csrf" \
		"$APP/account/tokens"
	curl -s -m "$TIMEOUT" -H "Cookie: $1" "$APP/account" | grep -o 'brt_[A-Za-z0-9_-]*' | head -n 1 \
		|| die "could not make an API token"
}
