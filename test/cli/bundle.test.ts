/**
 * The bundles `npm run build:server` makes (esbuild.config.mjs), which the bin and `npm start` run: built here
 * into a temp folder laid out like the project (node_modules and examples linked in), then run as programs.
 * Each lazily loaded part must still load from the bundle: the database, ExcelJS for import and templates,
 * docx for Word appendices, the worker thread (thread.js, found beside the chunk that starts it), and the
 * development token issuer.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildServer } from '../../esbuild.config.mjs';
import { runCliIn } from '../helpers/cliRun.js';
import { ROOT } from '../helpers/demo.js';
import { startService } from '../helpers/service.js';

const run = promisify(execFile);

let dir: string;
let cli: string;

/** Runs the CLI bundle from the project's folder on `dataDir`; resolves to its exit code and output. */
async function bundled(args: string[], dataDir: string): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-bundle-'));
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await symlink(path.join(ROOT, 'examples'), path.join(dir, 'examples'), 'dir');
  const result = await buildServer(path.join(dir, 'dist/server'));
  expect(result.errors).toEqual([]);
  expect(result.warnings).toEqual([]);
  cli = path.join(dir, 'dist/server/cli.js');
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the CLI bundle imports, consolidates, exports and verifies as the sources do', async () => {
  const dataDir = path.join(dir, 'cli-data');
  expect((await bundled(['--help'], dataDir)).out).toMatch(/Commands:[\s\S]*consolidate/);
  expect(await bundled(['init', '--catalogue', 'examples/catalogue.json'], dataDir)).toMatchObject({ code: 0 });
  const workbooks = ['northshire-cvs', 'northshire-police'].map((id) => `examples/workbooks/${id}.xlsx`);
  const imported = await bundled(['import', ...workbooks], dataDir);
  expect(imported).toMatchObject({ code: 0 });
  expect(imported.out).toContain('2 workbooks stored');

  const status = await bundled(['status'], dataDir);
  expect(status.out).toContain('2 of 9 partners have submitted');
  // The same answer, to the byte, as the TypeScript sources give for the same database.
  const fromSources = await runCliIn(ROOT, { DATA_DIR: dataDir }, ['status', '--json']);
  expect(fromSources.code).toBe(0);
  expect((await bundled(['status', '--json'], dataDir)).out).toBe(fromSources.out);

  expect(await bundled(['consolidate'], dataDir)).toMatchObject({ code: 0 });
  const docx = path.join(dir, 'appendices.docx');
  expect(await bundled(['export', '--format', 'docx', '--out', docx], dataDir)).toMatchObject({ code: 0 });
  expect((await readFile(docx)).subarray(0, 2).toString()).toBe('PK');
  const verified = await bundled(['verify', docx], dataDir);
  expect(verified.code).toBe(0);
  expect(verified.out).toMatch(/register version 1/);

  const typo = await bundled(['export', '--fromat', 'docx'], dataDir);
  expect(typo.code).toBe(2);
  expect(typo.err.trim().split('\n')).toHaveLength(1);
  expect(typo.err).toContain('--format');
});

test('the service bundle seeds the demo, works on its thread, serves templates, and stops on SIGTERM', async () => {
  const dataDir = path.join(dir, 'service-data');
  const service = await startService({
    home: dir,
    dataDir,
    args: [path.join(dir, 'dist/server/service.js')],
    env: { WORKER_THREADS: '1', HOST: '127.0.0.1' },
  });
  try {
    const token = async (email: string) => {
      const res = await fetch(`${service.base}/dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      expect(res.status).toBe(200);
      return `Bearer ${((await res.json()) as { token: string }).token}`;
    };
    const cvs = await token('gareth.lloyd@northshirecvs.org.uk.example');
    const org = `${service.base}/organisations/northshire-cvs`;

    // The demo was seeded at start: its workbook is the current submission.
    const current = await fetch(`${org}/submission`, { headers: { Authorization: cvs } });
    expect(current.status).toBe(200);
    const etag = current.headers.get('ETag')!;

    // The same workbook uploaded again is read on the worker thread and found unchanged.
    const form = new FormData();
    const bytes = await readFile(path.join(ROOT, 'examples/workbooks/northshire-cvs.xlsx'));
    form.append('file', new Blob([new Uint8Array(bytes)]), 'northshire-cvs.xlsx');
    const upload = await fetch(`${org}/submission/upload`, {
      method: 'POST',
      headers: { Authorization: cvs, 'If-Match': etag },
      body: form,
    });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ unchanged: true });

    const template = await fetch(`${org}/template.xlsx`, { headers: { Authorization: cvs } });
    expect(template.status).toBe(200);
    expect(
      Buffer.from(await template.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // A Word appendix is rendered on the thread, with docx loaded there.
    const pmg = await token('oda.chair@northshire.gov.uk.example');
    const made = await fetch(`${service.base}/registers`, { method: 'POST', headers: { Authorization: pmg } });
    expect(made.status).toBe(201);
    const { version } = (await made.json()) as { version: number };
    const word = await fetch(`${service.base}/registers/${version}/appendix.docx`, { headers: { Authorization: pmg } });
    expect(word.status).toBe(200);
    expect(word.headers.get('Content-Type')).toContain('wordprocessingml');
  } finally {
    service.child.kill('SIGTERM');
  }
  expect(await service.exited).toEqual({ code: 0, signal: null });
}, 120_000);
