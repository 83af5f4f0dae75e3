#!/usr/bin/env bash
# The README's API walk-through, runnable: against the development app (./mvnw spring-boot:run,
# demo accounts), it makes a token on the account page, reads progress, ticks a skill, and has an
# admin register a webhook that docs/webhook-receiver.py receives and verifies, and has the mentor
# read the review queue and claim and release the waiting review with a mentoring token.
# Usage: bash docs/api-walkthrough.sh [http://localhost:8080]
set -euo pipefail
APP=${1:-http://localhost:8080}
PASSWORD=roadmap-demo-2026
JAR=$(mktemp -d)
trap 'rm -rf "$JAR"; [[ -n "${RECEIVER:-}" ]] && kill "$RECEIVER" 2>/dev/null || true' EXIT

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
log_in() { # $1 e-mail; keeps the session in $JAR/$1
	local token
	token=$(curl -s -c "$JAR/$1" "$APP/login" | csrf)
	curl -s -b "$JAR/$1" -c "$JAR/$1" -o /dev/null --data-urlencode "username=$1" \
		--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$APP/login"
}
form() { # $1 e-mail, $2 page with the form, $3 action, then the fields
	local who=$1 page=$2 action=$3 token
	shift 3
	token=$(curl -s -b "$JAR/$who" "$APP$page" | csrf)
	curl -s -b "$JAR/$who" -o /dev/null "$@" --data-urlencode "_csrf=$token" "$APP$action"
}
# Prints the command as one would type it (the token as $TOKEN), runs it, prints its answer.
quoted() {
	local out="\$" arg
	for arg in "$@"; do
		if [[ $arg == *"$TOKEN"* ]]; then
			out+=" \"${arg//$TOKEN/\$TOKEN}\""
		elif [[ $arg =~ [[:space:]\"{}?\&] ]]; then
			out+=" '$arg'"
		else
			out+=" $arg"
		fi
	done
	echo "$out"
}
show() { quoted "$@"; "$@"; echo; echo; }
TOKEN=unset

echo "# 1. The learner makes a token on the account page (here with curl, as a browser would)"
log_in learner@example.com
form learner@example.com /account /account/tokens --data-urlencode name=my-script \
	--data-urlencode expiresInDays=30 --data-urlencode scopes=progress:read --data-urlencode scopes=progress:write
TOKEN=$(curl -s -b "$JAR/learner@example.com" "$APP/account" | grep -o 'brt_[A-Za-z0-9_-]*' | head -n 1)
echo "TOKEN=brt_...  (shown once on the account page)"
echo

echo "# 2. Read and write progress with it"
show curl -s -H "Authorization: Bearer $TOKEN" "$APP/api/v1/me"
quoted curl -s -H "Authorization: Bearer $TOKEN" "$APP/api/v1/me/progress"
# (shortened here to the first stage's first skill)
curl -s -H "Authorization: Bearer $TOKEN" "$APP/api/v1/me/progress" | python3 -c 'import json,sys; p=json.load(sys.stdin); s=p["stages"][0]; s["skills"]=s["skills"][:1]; print(json.dumps({"overall":p["overall"],"verified":p["verified"],"stages":[s, "..."]}, separators=(",", ":")))'
echo
show curl -s -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
	-d '{"status":"IN_PROGRESS"}' "$APP/api/v1/me/skills/databases/design-tables/status"
show curl -s -H "Authorization: Bearer $TOKEN" "$APP/api/v1/me/history?limit=1"
show curl -s -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
	-d '{"staus":"DONE"}' "$APP/api/v1/me/skills/databases/design-tables/status"
show curl -s -H "Authorization: Bearer brt_not-a-token" "$APP/api/v1/me/progress"

echo "# 3. An admin registers a webhook for status changes (the admin page's form) and gives its"
echo "#    secret to the receiver, docs/webhook-receiver.py"
log_in admin@example.com
form admin@example.com /admin/webhooks /admin/webhooks --data-urlencode url=http://127.0.0.1:9099/hook \
	--data-urlencode description=walk-through --data-urlencode cohort=0 --data-urlencode events=skill.status_changed
ENDPOINT=$(curl -s -b "$JAR/admin@example.com" "$APP/admin/webhooks" | grep -o 'data-webhook="[0-9]*"' | head -n 1 | grep -o '[0-9]*')
SECRET=$(curl -s -b "$JAR/admin@example.com" "$APP/admin/webhooks/$ENDPOINT" | grep -o 'whsec_[A-Za-z0-9+/=]*' | head -n 1)
WEBHOOK_SECRET=$SECRET python3 "$(dirname "$0")/webhook-receiver.py" 9099 > "$JAR/received.txt" &
RECEIVER=$!
sleep 1

echo "# 4. The learner ticks the skill; the receiver gets the event, signed, within a second"
show curl -s -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
	-d '{"status":"DONE"}' "$APP/api/v1/me/skills/databases/design-tables/status"
sleep 3
echo "# the receiver printed:"
cat "$JAR/received.txt"
form admin@example.com "/admin/webhooks/$ENDPOINT" "/admin/webhooks/$ENDPOINT/delete"

echo
echo "# 5. The mentor, with a mentoring token, reads the queue and claims the waiting review"
log_in mentor@example.com
form mentor@example.com /account /account/tokens --data-urlencode name=mentor-script \
	--data-urlencode expiresInDays=30 --data-urlencode scopes=mentoring:read --data-urlencode scopes=mentoring:write
TOKEN=$(curl -s -b "$JAR/mentor@example.com" "$APP/account" | grep -o 'brt_[A-Za-z0-9_-]*' | head -n 1)
show curl -s -H "Authorization: Bearer $TOKEN" "$APP/api/v1/mentor/cohorts"
show curl -s -H "Authorization: Bearer $TOKEN" "$APP/api/v1/mentor/queue?size=1"
WAITING=$(curl -s -H "Authorization: Bearer $TOKEN" "$APP/api/v1/mentor/queue?size=1" \
	| python3 -c 'import json,sys; i=json.load(sys.stdin)["items"][0]; print(str(i["learnerId"]) + "/" + i["skill"])')
show curl -s -X POST -H "Authorization: Bearer $TOKEN" "$APP/api/v1/mentor/reviews/$WAITING/claim"
show curl -s -X POST -H "Authorization: Bearer $TOKEN" "$APP/api/v1/mentor/reviews/$WAITING/release"
