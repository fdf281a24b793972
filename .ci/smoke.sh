#!/usr/bin/env bash
# Smoke test as a newcomer would run it: the CLI over the demo partnership, then `npm start` with curl.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cli() { DATA_DIR="$work/cli" node bin/oda-register.js "$@"; }
fail() { echo "smoke: $*" >&2; exit 1; }

echo "--- CLI"
cli init --catalogue examples/catalogue.json
set +e
cli import examples/workbooks/*.xlsx >"$work/import.txt"
rc=$?
set -e
cat "$work/import.txt"
[ "$rc" -eq 1 ] || fail "import of the demo workbooks should exit 1 (one has deliberate errors), got $rc"
grep -q 'Commitments!E3' "$work/import.txt" || fail "import did not name the bad cell Commitments!E3"
cli consolidate
cli export --format json --out "$work/register.json"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (r.schema !== "oda-register/register@1") throw new Error("schema " + r.schema);
  if (!/^sha256:[0-9a-f]{64}$/.test(r.digest)) throw new Error("digest " + r.digest);
  const stakes = r.organisations.reduce((s, o) => s + o.stake, 0);
  if (Math.abs(stakes - 1) > 0.001) throw new Error("stakes add up to " + stakes);
  console.log("register.json: version", r.version, "with", r.commitments.length, "commitments; stakes add up to 1");
' "$work/register.json"
cli status
# Piped into head it stops quietly (no EPIPE stack trace) with exit 0, which pipefail checks.
cli status | head -1
cli audit verify
cli validate --catalogue examples/catalogue.json examples/workbooks/northshire-police.xlsx

echo "--- npm start"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# Started as an operator starts it (no process group of its own): SIGTERM to this one pid must stop the service.
# HOME is a fresh one: Office dev certificates left in this machine's ~/.office-addin-dev-certs (npm run certs or
# npm run dev-server make them) would switch the service to https, and the smoke test speaks plain http.
mkdir -p "$work/home"
HOME="$work/home" PORT=$port DATA_DIR="$work/server" npm start >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fail "npm start exited early"; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/api/ready" || { cat "$work/server.log"; fail "service not ready"; }
echo
token=$(DATA_DIR="$work/server" node bin/oda-register.js token --email oda.chair@northshire.gov.uk.example)
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/me"
echo
# An uploaded workbook is read on a worker thread (server/workers): a dry-run validate of one.
curl -fsS -H "Authorization: Bearer $token" -F "file=@examples/workbooks/northshire-police.xlsx" \
  "http://127.0.0.1:$port/api/organisations/northshire-police/validate" >"$work/validate.json"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (r.valid !== true || r.organisationId !== "northshire-police") throw new Error("upload validate: " + JSON.stringify(r).slice(0, 200));
  console.log("uploaded workbook validated:", r.errors, "errors,", r.warnings, "warnings");
' "$work/validate.json"
curl -fsS -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/registers" >"$work/reg.json"
node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); console.log("consolidated over HTTP:", JSON.stringify(r).slice(0,120))' "$work/reg.json"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/registers")
[ "$status" = 401 ] || fail "GET /api/registers without a token should be 401, got $status"
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/audit/verify"
echo
kill -TERM "$server_pid"
for _ in $(seq 1 40); do
  curl -s -o /dev/null "http://127.0.0.1:$port/api/health" || break
  sleep 0.25
done
curl -s -o /dev/null "http://127.0.0.1:$port/api/health" && { cat "$work/server.log"; fail "the service still answered 10 s after SIGTERM to npm start"; }
wait "$server_pid" || { cat "$work/server.log"; fail "npm start did not exit 0 on SIGTERM"; }
server_pid=""
grep -q '"msg":"stopped"' "$work/server.log" || { cat "$work/server.log"; fail "the service did not stop cleanly on SIGTERM"; }
echo "smoke passed"
