/**
 * The sync service under load (issue 3): PUT of a 50-commitment submission from 20 connections for 10 s
 * (autocannon, loopback) against the real app, and the same body PUT to a bare Express 5 JSON echo route in
 * the same run. Each connection writes its own organisation with If-Match of the version it was last
 * answered, so every request is a real new version; a 412 or any other non-201 does not count as a success
 * and is reported. The servers run in a child process (bench/apiServers.ts, logs at `warn`), so autocannon
 * does not share their event loop. Three rounds of echo then PUT; targets, on the medians of the rounds:
 * successful requests/s at least 0.3 x the echo route's, and p99 at most 50 ms. BENCH_CPU_PROF=DIR writes a CPU profile of the servers' process into DIR.
 * Each line also gives the servers' CPU time per successful request (Linux): steadier than requests/s when
 * other work shares the machine, it shows what a change saved.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import type { RawTables } from '../shared/types.js';
import { jsonTables } from '../test/helpers/testApp.js';
import { fillCommitments, goodRawTables } from '../test/helpers/rawTables.js';
import { BENCH_LOG_LEVEL, benchCatalogue } from './apiServers.js';
import type { Verdict } from './measure.js';

const CONNECTIONS = 20;
const DURATION_S = 10;
/** Echo-then-PUT rounds; the verdict is on their medians. */
const ROUNDS = 3;
const WARMUP_S = 5;
const COMMITMENTS = 50;
const TARGET_RATIO = 0.3;
const TARGET_P99_MS = 50;

/** A valid workbook for `organisationId` with exactly `commitments` commitment rows. */
export function benchTables(organisationId: string, commitments = COMMITMENTS): RawTables {
  return jsonTables(fillCommitments(goodRawTables(benchCatalogue(CONNECTIONS), organisationId), commitments, 'B'));
}

/**
 * CPU time (user + system, all threads) the servers' process has used so far, in ms, from /proc (Linux); null
 * elsewhere. Per request it is steadier than requests/s on a machine shared with other work.
 */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_S = 100;

interface Measured {
  label: string;
  /** Successful (2xx) requests per second. */
  rps: number;
  p99: number;
  ok: number;
  statuses: Record<string, number>;
  errors: number;
  /** CPU time of the servers' process per successful request, in µs (null where /proc is not there). */
  cpuPerOk: number | null;
}

function describe(m: Measured): string {
  const others = Object.entries(m.statuses)
    .filter(([s]) => !s.startsWith('2'))
    .map(([s, n]) => `${n} x ${s}`);
  const cpu = m.cpuPerOk === null ? '' : `, ${m.cpuPerOk.toFixed(0)} µs CPU each`;
  return `${m.label}: ${m.rps.toFixed(0)} req/s, p99 ${m.p99} ms (${m.ok} ok${others.length ? `, ${others.join(', ')}` : ''}${m.errors ? `, ${m.errors} errors` : ''}${cpu})`;
}

async function load(
  serversPid: number | undefined,
  label: string,
  url: string,
  duration: number,
  request: Pick<autocannon.Request, 'setupRequest' | 'onResponse'> & {
    headers?: Record<string, string>;
    body?: string;
  },
): Promise<Measured> {
  const statuses: Record<string, number> = {};
  const onResponse = request.onResponse;
  const cpuBefore = cpuMs(serversPid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    duration,
    method: 'PUT',
    ...(request.headers ? { headers: request.headers } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    requests: [
      {
        ...(request.setupRequest ? { setupRequest: request.setupRequest } : {}),
        onResponse: (status, body, context, headers) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (typeof onResponse === 'function') onResponse(status, body, context, headers);
        },
      },
    ],
  });
  const cpuAfter = cpuMs(serversPid);
  const ok = Object.entries(statuses)
    .filter(([s]) => s.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  const cpuPerOk = cpuBefore !== null && cpuAfter !== null && ok > 0 ? ((cpuAfter - cpuBefore) * 1000) / ok : null;
  return {
    label,
    rps: ok / duration,
    p99: result.latency.p99,
    ok,
    statuses,
    errors: result.errors + result.timeouts,
    cpuPerOk,
  };
}

/**
 * Each organisation is written by one connection at a time with If-Match of its last answered version.
 * autocannon gives each request a fresh context, so the organisation a request went to rides in it.
 */
function versionedPuts(token: string, organisations: string[]) {
  // Two workbooks per organisation, sent in turn: a workbook identical to the current version is answered 200
  // and stores nothing, so each PUT sends the one that differs from what the last one stored.
  const bodies = new Map(
    organisations.map((id) => [
      id,
      [benchTables(id), benchTables(id, COMMITMENTS - 1)].map((tables) => JSON.stringify({ tables })),
    ]),
  );
  const state = new Map(organisations.map((id) => [id, { version: null as string | null, busy: false }]));
  let next = 0;
  const setupRequest = (req: autocannon.Request, context: Record<string, unknown>) => {
    let id = organisations[next++ % organisations.length]!;
    for (let i = 0; i < organisations.length && state.get(id)!.busy; i++) {
      id = organisations[next++ % organisations.length]!;
    }
    const org = state.get(id)!;
    org.busy = true;
    context.organisationId = id;
    return {
      ...req,
      method: 'PUT' as const,
      path: `/api/organisations/${id}/submission`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(org.version ? { 'if-match': org.version } : {}),
      },
      body: bodies.get(id)![org.version === null ? 0 : Number(org.version.replace(/"/g, '')) % 2]!,
    };
  };
  const onResponse = (status: number, _body: string, context: Record<string, unknown>, headers?: object) => {
    const org = state.get(String(context.organisationId));
    if (!org) return;
    org.busy = false;
    const etag =
      (headers as Record<string, string | string[]> | undefined)?.['ETag'] ??
      (headers as Record<string, string> | undefined)?.['etag'];
    if (typeof etag === 'string') org.version = etag;
    void status;
  };
  /**
   * Reads every organisation's current version: autocannon stops a run without answering the requests in
   * flight, whose writes the service may still have stored.
   */
  const resync = async (base: string) => {
    for (const [id, org] of state) {
      const res = await fetch(`${base}/api/organisations/${id}/submission`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await res.arrayBuffer();
      org.version = res.headers.get('etag');
      org.busy = false;
    }
  };
  const request = { setupRequest, onResponse } as unknown as Pick<autocannon.Request, 'setupRequest' | 'onResponse'>;
  return { request, resync };
}

export async function benchApi(): Promise<Verdict> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      '--import',
      'tsx',
      'bench/apiServers.ts',
      String(CONNECTIONS),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const servers = JSON.parse(line) as { app: string; echo: string; token: string; organisations: string[] };
    const echoBody = JSON.stringify({ tables: benchTables(servers.organisations[0]!) });
    const echo = { headers: { 'content-type': 'application/json' }, body: echoBody };

    // Warm both up (JIT, SQLite pages), then measure each in turn.
    await load(child.pid, 'warm-up', `${servers.echo}/echo`, WARMUP_S, echo);
    // One set of versions for both runs: the warm-up's writes are the versions the measured run replaces.
    const puts = versionedPuts(servers.token, servers.organisations);
    await load(child.pid, 'warm-up', servers.app, WARMUP_S, puts.request);
    await puts.resync(servers.app);
    // Rounds of echo then PUT, each 10 s: a shared machine's load drifts over a minute, and the median of
    // rounds measured side by side is steadier than one pair.
    const rounds: { ratio: number; p99: number; ok: number; lines: string[] }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const baseline = await load(child.pid, 'Express JSON echo', `${servers.echo}/echo`, DURATION_S, echo);
      await puts.resync(servers.app);
      const measured = await load(child.pid, 'PUT submission', servers.app, DURATION_S, puts.request);
      rounds.push({
        ratio: measured.rps / baseline.rps,
        p99: measured.p99,
        ok: measured.ok,
        lines: [describe(measured), describe(baseline)],
      });
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(rounds.map((r) => r.ratio));
    const p99 = median(rounds.map((r) => r.p99));
    const ok = ratio >= TARGET_RATIO && p99 <= TARGET_P99_MS && rounds.every((r) => r.ok > 0);
    console.log(
      `${ok ? 'PASS' : 'MISS'}  api: PUT of ${COMMITMENTS} commitments from ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s (logs at ${BENCH_LOG_LEVEL})`,
    );
    rounds.forEach((r, i) => {
      console.log(`        round ${i + 1}: ${r.lines.join('; ')}; ratio ${r.ratio.toFixed(2)}`);
    });
    console.log(
      `        median ratio ${ratio.toFixed(2)} (target >= ${TARGET_RATIO}), median p99 ${p99} ms (target <= ${TARGET_P99_MS} ms)`,
    );
    return { name: 'api', ok };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchApi();
}
