/**
 * Every CLI mistake an operator met is one plain line on stderr with the right exit code (2 for usage, 1 for
 * what the data or the machine refused), and read-only commands create nothing: no folder, no database.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { reportFailure, runCli } from '../../server/cli/program.js';
import { baseVersionFor } from '../../server/services/preconditions.js';
import { NotFoundError } from '../../server/store/errors.js';
import { runCliIn } from '../helpers/cliRun.js';
import { DEMO_CATALOGUE, ROOT, demoWorkbook } from '../helpers/demo.js';

let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-cli-mistakes-'));
  env = { DATA_DIR: path.join(dir, 'data') };
  expect((await runCliIn(dir, env, ['init', '--catalogue', DEMO_CATALOGUE])).code).toBe(0);
  expect((await runCliIn(dir, env, ['import', demoWorkbook('northshire-police')])).code).toBe(0);
  expect((await runCliIn(dir, env, ['consolidate'])).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (args: string[], e: Record<string, string> = env) => runCliIn(dir, e, args);

/** One line on stderr, nothing on stdout, the exit code, and the line. */
async function oneLine(args: string[], code: number, e?: Record<string, string>): Promise<string> {
  const r = await cli(args, e);
  expect({ args, code: r.code, lines: r.err.trimEnd().split('\n').length, out: r.out }).toEqual({
    args,
    code,
    lines: 1,
    out: '',
  });
  expect(r.err).not.toMatch(/ENOENT|EISDIR|ECONNREFUSED|Unexpected token|\n\s+at /);
  return r.err.trim();
}

test('export --out into a folder that does not exist', async () => {
  expect(await oneLine(['export', '--format', 'json', '--out', 'nowhere/x.json'], 2)).toBe(
    'error: --out nowhere/x.json: the folder nowhere does not exist; create it or choose another.',
  );
  expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
});

test('export --out and template --out naming a folder', async () => {
  await mkdir(path.join(dir, 'out'), { recursive: true });
  expect(await oneLine(['export', '--format', 'json', '--out', 'out'], 2)).toBe(
    `error: --out out is a folder: give a file name, such as ${path.join('out', 'register.json')}.`,
  );
  expect(await oneLine(['template', '--org', 'northshire-police', '--out', 'out'], 2)).toBe(
    `error: --out out is a folder: give a file name, such as ${path.join('out', 'northshire-police.xlsx')}.`,
  );
});

test('init --catalogue given an Excel workbook', async () => {
  expect(await oneLine(['init', '--catalogue', demoWorkbook('northshire-police')], 1)).toBe(
    `error: ${demoWorkbook('northshire-police')} is a zip file (an Excel workbook?), not a catalogue: give the partnership catalogue's JSON file, such as examples/catalogue.json.`,
  );
});

test('--db naming a PostgreSQL server that does not answer says --db, and that nothing answers there', async () => {
  const line = await oneLine(['--db', 'postgres://nobody:secret@127.0.0.1:1/x', 'status'], 1);
  expect(line).toBe(
    'error: Cannot open the PostgreSQL database given by --db (postgres://nobody:***@127.0.0.1:1/x): nothing answers at 127.0.0.1:1 (connection refused).',
  );
}, 30_000);

test('export --format pdf and --version 0x1 are usage mistakes: exit 2', async () => {
  expect(await oneLine(['export', '--format', 'pdf', '--out', 'x.pdf'], 2)).toMatch(
    /^error: --format must be one of: docx, xlsx, .* \(got "pdf"\)\.$/,
  );
  for (const version of ['0x1', '1e0', ' 1', '']) {
    expect(await oneLine(['export', '--format', 'json', '--out', 'x.json', '--version', version], 2)).toBe(
      `error: --version must be a register version number such as 3 (got "${version}").`,
    );
  }
  expect(existsSync(path.join(dir, 'x.json'))).toBe(false);
});

test('validate given a register.json says it is JSON, not a workbook; validate never says "stored"', async () => {
  const register = path.join(dir, 'register.json');
  expect((await cli(['export', '--format', 'json', '--out', register])).code).toBe(0);
  const r = await cli(['validate', register]);
  expect(r.code).toBe(1);
  expect(r.out).toContain(
    "register.json: register.json is a JSON file (a register or catalogue?), not a partner workbook: give the partner's .xlsx workbook.",
  );
  expect(r.out).not.toMatch(/Excel Workbook|CSV/);
  const bad = await cli(['validate', demoWorkbook('eastvale-district-council')]);
  expect(bad.code).toBe(1);
  expect(bad.out).not.toContain('stored');
});

test('import of an exported Excel appendix says it is an appendix, not a partner workbook', async () => {
  const appendix = path.join(dir, 'appendices.xlsx');
  expect((await cli(['export', '--format', 'xlsx', '--out', appendix])).code).toBe(0);
  const r = await cli(['import', appendix]);
  expect(r.code).toBe(1);
  const lines = r.out.trim().split('\n');
  expect(lines[0]).toBe(
    "✖ appendices.xlsx: appendices.xlsx is an exported appendix (register version 1), not a partner workbook: import and validate take the partners' workbooks (`oda-register verify` checks an appendix).",
  );
  expect(r.out).not.toContain('About sheet');
});

test('export --out - refuses to write a Word file to a terminal; JSON is fine', async () => {
  const text = { text: '' };
  const tty = Object.assign(
    new Writable({
      write(chunk: Buffer, _e, done) {
        text.text += chunk.toString('latin1');
        done();
      },
    }),
    { isTTY: true },
  );
  const err = { text: '' };
  const stderr = new Writable({
    write(chunk: Buffer, _e, done) {
      err.text += chunk.toString();
      done();
    },
  });
  const io = { stdout: tty, stderr, env: { ...env, USER: 'tester' }, cwd: dir };
  expect(await runCli(['export', '--format', 'docx', '--out', '-'], io)).toBe(2);
  expect(text.text).toBe('');
  expect(err.text).toBe(
    "error: --out - would write the Word file's bytes to the terminal: give a file name (--out appendices.docx) or send standard output to a file or program.\n",
  );
  expect(await runCli(['export', '--format', 'json', '--out', '-'], io)).toBe(0);
  expect(JSON.parse(text.text).schema).toBe('oda-register/register@1');
});

test('export of a register version that does not exist says so in one line, exit 1, not "unexpected failure"', async () => {
  expect(await oneLine(['export', '--format', 'json', '--out', 'x.json', '--version', '99'], 1)).toBe(
    'error: There is no register version 99; the latest is 1.',
  );
  expect(existsSync(path.join(dir, 'x.json'))).toBe(false);
});

test('a missing record and a failed precondition from the services are their sentence, exit 1; a bug is not', () => {
  const said = (err: unknown) => {
    let text = '';
    const stderr = new Writable({
      write(chunk: Buffer, _e, done) {
        text += chunk.toString();
        done();
      },
    });
    const code = reportFailure(err, { stdout: stderr, stderr, env: {}, cwd: dir });
    return { code, text };
  };
  let stale: unknown;
  try {
    baseVersionFor({ ifMatch: { kind: 'version', version: 2 }, ifNoneMatch: null }, 3, 'The catalogue');
  } catch (err) {
    stale = err;
  }
  expect(said(stale)).toEqual({
    code: 1,
    text: 'error: The catalogue is at version 3, not 2: someone else saved a change first. Reload and try again.\n',
  });
  expect(said(new NotFoundError('There is no register version 9.'))).toEqual({
    code: 1,
    text: 'error: There is no register version 9.\n',
  });
  expect(said(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({
    code: 1,
    text: "error: unexpected failure: Cannot read properties of undefined (reading 'x')\n(set ODA_DEBUG=1 to see the details)\n",
  });
});

test('--version prints the version', async () => {
  const pkg = JSON.parse(await (await import('node:fs/promises')).readFile(path.join(ROOT, 'package.json'), 'utf8'));
  for (const flag of ['--version', '-V']) {
    const r = await cli([flag]);
    expect(r).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  }
});

describe('read-only commands create nothing', () => {
  const commands = [
    ['status'],
    ['export', '--format', 'json', '--out', 'r.json'],
    ['audit', 'verify'],
    ['audit', 'list'],
    ['verify', 'r.json'],
    ['validate', 'x.xlsx'],
    ['token', '--email', 'a@b.example'],
    ['template', '--org', 'x', '--out', 't.xlsx'],
  ];
  test.each(commands)('%s with a mistyped DATA_DIR names the path and creates no folder or file', async (...args) => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'oda-cli-none-'));
    try {
      await writeFile(path.join(empty, 'r.json'), '{}');
      await writeFile(path.join(empty, 'x.xlsx'), 'x');
      const typo = path.join(empty, 'dta');
      const r = await runCliIn(empty, { DATA_DIR: typo }, args);
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe(
        `error: There is no database at ${path.join(typo, 'oda-register.db')} (from DATA_DIR): check DATA_DIR, or create one with \`oda-register init --catalogue <file>\`.`,
      );
      expect((await readdir(empty)).sort()).toEqual(['r.json', 'x.xlsx']);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  test('--db naming a missing file says --db', async () => {
    const r = await cli(['--db', path.join(dir, 'missing', 'x.db'), 'status']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`There is no database at ${path.join(dir, 'missing', 'x.db')} (from --db)`);
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
  });
});
