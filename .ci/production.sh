#!/usr/bin/env bash
# The production layout, run as the Dockerfile runs it: build once, copy what runs (dist/, bin/, examples/,
# package.json, package-lock.json, .npmrc) to an empty folder, install the production dependencies only there
# (`npm ci --omit=dev --ignore-scripts`: no build tools, no dev packages), start `node dist/server/service.js`
# with NODE_ENV=production, and check it: readiness (migrations run, a worker thread up), the OpenAPI
# document, a 401 without a token, the add-in's pages and favicon, no source map served, metrics on their own
# port only, the CLI from the same copy (ExcelJS and docx loaded from the pruned node_modules), and SIGTERM.
# DATABASE_URL, when set, is used as compose.yaml does (PostgreSQL); else the SQLite file in DATA_DIR.
# test/ops/productionLayout.test.ts checks the Dockerfile and compose.yaml say the same as this script.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$(mktemp -d)"
app="$work/app"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "production: $*" >&2; [ -f "$work/server.log" ] && cat "$work/server.log" >&2; exit 1; }
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

echo "--- build once"
if [ "${PRODUCTION_SKIP_BUILD:-}" != 1 ]; then npm run build; fi

echo "--- the production copy: $app"
mkdir -p "$app"
# PRODUCTION FILES (the Dockerfile's runtime stage copies the same)
cp -R dist bin examples package.json package-lock.json .npmrc "$app/"
(cd "$app" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
for dev in typescript tsx esbuild webpack jest @redocly/cli; do
  [ ! -e "$app/node_modules/$dev" ] || fail "the dev package $dev was installed in the production copy"
done

port=$(free_port)
metrics_port=$(free_port)
base="http://127.0.0.1:$port"
echo "--- node dist/server/service.js on $base (metrics on $metrics_port)"
# PRODUCTION ENVIRONMENT (the Dockerfile's ENV and compose.yaml's environment say the same)
(
  cd "$app"
  export NODE_ENV=production AUTH_MODE=entra ENTRA_TENANT_IDS=00000000-0000-0000-0000-000000000000 \
    ENTRA_CLIENT_ID=11111111-1111-1111-1111-111111111111 HOST=127.0.0.1 PORT="$port" \
    METRICS_PORT="$metrics_port" DATA_DIR="$work/data" LOG_LEVEL=info
  # A home of its own, as in the image: no Office development certificates, so plain http.
  export HOME="$work/home"
  exec node dist/server/service.js
) >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "$base/api/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || fail "the service exited early"
  sleep 0.5
done
curl -fsS "$base/api/ready" || fail "not ready"
echo
grep -q 'no partnership catalogue yet' "$work/server.log" ||
  fail "the production service should start empty (no demo partnership) and say how to load a catalogue"
curl -fsS "$base/api/openapi.json" | node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>{const d=JSON.parse(s);if(!d.openapi)throw new Error("no openapi");console.log("OpenAPI",d.openapi,Object.keys(d.paths).length,"paths")})'
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/registers")
[ "$status" = 401 ] || fail "GET /api/registers without a token should be 401, got $status"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/dev/token")
[ "$status" = 404 ] || fail "the development sign-in must not exist in production, got $status"
for page in / /taskpane.html /manifest.xml /favicon.ico; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$page")
  [ "$status" = 200 ] || fail "GET $page should be 200, got $status"
done
map=$(cd "$app/dist/addin" && ls ./*.js.map | head -1)
[ -n "$map" ] || fail "no source map beside the add-in's bundle"
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/${map#./}")
[ "$status" = 404 ] || fail "the source map ${map#./} is served in production ($status)"
curl -fsS "http://127.0.0.1:$metrics_port/metrics" | grep -q '^oda_http_requests_total{.*route="/api/ready"' ||
  fail "the metrics do not count the readiness checks"
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/metrics")
[ "$status" = 404 ] || fail "the metrics must not be on the public port, got $status"

echo "--- the CLI from the production copy"
(
  cd "$app"
  export DATA_DIR="$work/cli"
  node bin/oda-register.js init --catalogue examples/catalogue.json
  node bin/oda-register.js import examples/workbooks/northshire-police.xlsx
  node bin/oda-register.js consolidate
  node bin/oda-register.js export --format docx --out "$work/appendices.docx"
  node bin/oda-register.js verify "$work/appendices.docx"
) || fail "the CLI failed in the production copy"

echo "--- SIGTERM"
kill -TERM "$server_pid"
wait "$server_pid" || fail "the service did not exit 0 on SIGTERM"
server_pid=""
grep -q '"msg":"stopped"' "$work/server.log" || fail "the service did not stop cleanly"
echo "production layout passed"
