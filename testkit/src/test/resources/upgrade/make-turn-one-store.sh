#!/usr/bin/env bash
# Remakes the turn-one store fixture: the data directory that the previous release (commit fa50de1)
# really writes, and the rows of every one of its tables as JSON (for loading into PostgreSQL).
#
#   git worktree add --detach /work/wt/turn-one fa50de1
#   (cd /work/wt/turn-one && ./mvnw -o -q package -DskipTests -pl cli -am)
#   testkit/src/test/resources/upgrade/make-turn-one-store.sh /work/wt/turn-one
#
# Writes turn-one-store/ (perstack.mv.db and the files serve wrote) and turn-one-rows.json next to
# this script. The bootstrap API key and the master key are fixed test values, not secrets: the
# upgrade tests use them to read the store back (the master key opens the stored secret).
set -euo pipefail
old="$(cd "${1:?usage: make-turn-one-store.sh <worktree of fa50de1 with cli/target/perstack-cli.jar>}" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
h2_jar="$(ls "$repo"/com/h2database/h2/2.5.252/h2-2.5.252.jar)"
export PERSTACK_BOOTSTRAP_API_KEY="psk_turn-one-fixture-key-0123456789"
export PERSTACK_MASTER_KEY="cGVyc3RhY2stdXBncmFkZS1maXh0dXJlLWtleS0zMmI="   # "perstack-upgrade-fixture-key-32b"
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
P="http://127.0.0.1:$port/api/v1"
auth=(-H "Authorization: Bearer $PERSTACK_BOOTSTRAP_API_KEY" -H "Content-Type: application/json")

java -jar "$old/cli/target/perstack-cli.jar" serve --data-dir "$data" --host 127.0.0.1 --port "$port" --workers 1 \
  >"$data.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done

# POST with a JSON body; fails on any status but 2xx and prints the response body.
post() { curl -sS --fail-with-body "${auth[@]}" "$P$1" -d "${2:-{\}}"; }
get() { curl -sS --fail-with-body "${auth[@]}" "$P$1"; }
# Waits until the job is no longer queued or running (bounded: 60 s).
settle() {
  for _ in $(seq 1 300); do
    s="$(get "/jobs/$1" | jq -r .data.job.status)"
    case "$s" in queued|running) sleep 0.2 ;; *) echo "$s"; return 0 ;; esac
  done
  echo "job $1 did not settle" >&2; return 1
}
# Waits until the job has at least N checkpoints (bounded: 60 s).
steps_at_least() {
  for _ in $(seq 1 300); do
    [ "$(get "/jobs/$1/checkpoints?take=100" | jq '.data.checkpoints | length')" -ge "$2" ] && return 0; sleep 0.2
  done
  echo "job $1 has fewer than $2 checkpoints" >&2; return 1
}

# Applications: one active, one inactive.
APP=$(curl -sS --fail-with-body "${auth[@]}" -H "Idempotency-Key: turn-one-release-notes" "$P/applications" \
  -d '{"name":"release-notes"}' | jq -r .data.application.id)   # also leaves an idempotency record
OLD_APP=$(post /applications '{"name":"retired-app"}' | jq -r .data.application.id)
post "/applications/$OLD_APP" '{"status":"inactive"}' >/dev/null

# Environment: variables and a secret.
post /env/variables '{"name":"FS_ROOT","value":"/srv/notes"}' >/dev/null
post /env/variables '{"name":"REPORT_STYLE","value":"terse"}' >/dev/null
post /env/secrets '{"name":"ANTHROPIC_API_KEY","value":"sk-ant-turn-one-fixture"}' >/dev/null

# The writer: every skill type the release knew, a delegate; versions 1.0.0, 1.1.0 (tag beta), 1.2.0 (yanked).
experts() { # $1: instruction of the coordinator
  cat <<JSON
[{"key":"main","name":"Release Writer","description":"Writes release notes","instruction":"$1",
  "skills":{
    "ask":{"type":"interactive","description":"Ask the user","tools":{"askUser":{"description":"Ask one question",
      "inputJsonSchema":{"type":"object","properties":{"question":{"type":"string"}},"required":["question"]}}}},
    "fs":{"type":"mcpStdio","command":"npx","packageName":"@acme/fs-mcp","requiredEnv":["FS_ROOT"]},
    "search":{"type":"mcpSse","endpoint":"https://mcp.example.com/sse","lazyInit":true}},
  "delegates":["helper"]},
 {"key":"helper","name":"Checker","description":"","instruction":"Check the facts.","skills":{},"delegates":[]}]
JSON
}
draft() { # $1: instruction; prints the new draft's id
  post /experts/@local/writer/drafts "{\"applicationId\":\"$APP\",\"category\":\"writing\",\"description\":\"Writes release notes\",\"experts\":$(experts "$1")}" \
    | jq -r .data.draft.id
}
D1=$(draft "Write release notes.")
post "/experts/@local/writer/drafts/$D1/version" '{"version":"1.0.0"}' >/dev/null
D2=$(draft "Write release notes, briefly.")
post "/experts/@local/writer/drafts/$D2/version" '{"version":"1.1.0","tag":"beta"}' >/dev/null
D3=$(draft "Write release notes, at length.")
post "/experts/@local/writer/drafts/$D3/version" '{"version":"1.2.0"}' >/dev/null
post /experts/@local/writer@1.2.0/yank >/dev/null
D4=$(draft "Write release notes (work in progress).")   # a draft left without a version
# A one-expert draft with neither description nor skills, in this scope and in a scope of its own.
post /experts/@local/writer/drafts "{\"applicationId\":\"$APP\",\"experts\":[{\"key\":\"main\",\"name\":\"Summarizer\",\"instruction\":\"Summarize.\"}]}" >/dev/null
post /experts/@local/summarizer/drafts "{\"applicationId\":\"$APP\",\"experts\":[{\"key\":\"main\",\"name\":\"Summarizer\",\"instruction\":\"Summarize.\"}]}" >/dev/null

# Jobs through every path of the mock provider.
job() { # $1: query; $2: extra JSON fields; prints the job's id
  post /jobs "$(jq -n --arg app "$APP" --arg q "$1" --argjson extra "${2:-{\}}" \
    '{applicationId:$app, expertKey:"@local/writer@1.0.0", provider:"mock", query:$q} + $extra')" | jq -r .data.job.id
}
J_PLAIN=$(job "Write a report"); settle "$J_PLAIN" >/dev/null
J_DELEGATE=$(job $'/todo A; B\n/delegate helper Check the facts\nWrite a report' '{"reasoningBudget":"medium"}'); settle "$J_DELEGATE" >/dev/null
J_ANSWERED=$(job $'/fail-once\n/ask Ship it?\nRelease 1.0' '{}'); settle "$J_ANSWERED" >/dev/null
post "/jobs/$J_ANSWERED/continue" '{"interactiveToolCallResult":true,"query":"yes"}' >/dev/null; settle "$J_ANSWERED" >/dev/null
J_WAITING=$(job $'/ask Which branch?\nTag the release'); settle "$J_WAITING" >/dev/null
J_FAILED=$(job $'/fail\nWrite a report' '{"reasoningBudget":"high","maxRetries":1}'); settle "$J_FAILED" >/dev/null
J_MAXSTEPS=$(job $'/steps 5\nCount to five' '{"maxSteps":3}'); settle "$J_MAXSTEPS" >/dev/null
J_PAUSED=$(job $'/steps 40\n/sleep 100\nA long task'); steps_at_least "$J_PAUSED" 3
post "/jobs/$J_PAUSED" '{"status":"paused"}' >/dev/null; settle "$J_PAUSED" >/dev/null
J_CANCELED=$(job $'/steps 40\n/sleep 100\nAn abandoned task'); steps_at_least "$J_CANCELED" 3
post "/jobs/$J_CANCELED/cancel" >/dev/null; settle "$J_CANCELED" >/dev/null
for j in "$J_PLAIN" "$J_DELEGATE" "$J_ANSWERED" "$J_WAITING" "$J_FAILED" "$J_MAXSTEPS" "$J_PAUSED" "$J_CANCELED"; do
  get "/jobs/$j" | jq -r '.data.job | "\(.id) \(.status) \(.totalSteps) \(.query | split("\n") | last)"'
done

# Stop the server cleanly (SIGTERM runs its shutdown: drains requests, closes the store).
kill -TERM "$server"; wait "$server" || true; trap - EXIT

# Compact the H2 file, then export every table's rows for the PostgreSQL variant.
url="jdbc:h2:file:$data/perstack;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
java -cp "$h2_jar" org.h2.tools.Shell -url "$url" -sql "SHUTDOWN COMPACT" >/dev/null
rm -f "$data"/*.trace.db   # the Shell's note that SHUTDOWN closed its connection
java -cp "$h2_jar" "$here/ExportRows.java" "$url" "$here/turn-one-rows.json"
rm -rf "$here/turn-one-store"; mkdir -p "$here/turn-one-store"
cp -r "$data"/. "$here/turn-one-store/"
rm -rf "$data" "$data.log"
ls -la "$here/turn-one-store" "$here/turn-one-rows.json"
