/**
 * The real `oda-register` bin as a child process, as a user runs it: output piped into a reader that goes
 * away, a mistyped option, the tally of an import run twice, and consolidate listing every issue it counts.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEMO_CATALOGUE, DEMO_PARTNERS, DEMO_WITH_ERRORS, ROOT, demoWorkbook } from '../helpers/demo.js';

const BIN = path.join(ROOT, 'bin/oda-register.js');
const VALID = DEMO_PARTNERS.filter((id) => id !== DEMO_WITH_ERRORS).map(demoWorkbook);
const WITH_ERRORS = demoWorkbook(DEMO_WITH_ERRORS);

let dir: string;
let env: NodeJS.ProcessEnv;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs the bin in the temp folder. With `closeStdout`, the reading end of its stdout is closed at once, before it
 * writes anything, as `| head` does once it has its lines: every write the bin makes then fails with EPIPE.
 */
function bin(args: string[], opts: { closeStdout?: boolean } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    if (opts.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
  });
}

/** A shell pipeline, with the bin's own exit status written last on stderr. */
function pipeline(command: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const script = `node "${BIN}" ${command}; echo "bin exited $\{PIPESTATUS[0]}" >&2`;
    const child = spawn('bash', ['-c', script], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-bin-'));
  env = { ...process.env, DATA_DIR: path.join(dir, 'data'), USER: 'tester' };
  const init = await bin(['init', '--catalogue', DEMO_CATALOGUE]);
  expect(init.code).toBe(0);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the oda-register bin', () => {
  it('counts what an import stored, found unchanged and refused', async () => {
    const first = await bin(['import', ...VALID, WITH_ERRORS]);
    expect(first.code).toBe(1);
    expect(first.out.trimEnd().split('\n').at(-1)).toBe('7 workbooks stored, 1 refused.');

    const again = await bin(['import', ...VALID]);
    expect(again.code).toBe(0);
    expect(again.out.trimEnd().split('\n').at(-1)).toBe('7 workbooks unchanged, 0 stored.');
    expect(again.out).not.toContain('stored as version');

    const mixed = await bin(['import', ...VALID, WITH_ERRORS]);
    expect(mixed.out.trimEnd().split('\n').at(-1)).toBe('7 workbooks unchanged, 1 refused, 0 stored.');
  }, 90_000);

  it('lists every issue consolidate counts, and names a partner that never submitted as such', async () => {
    const result = await bin(['consolidate']);
    expect(result.code).toBe(0);
    const counted = Number(/^ {2}issues +(\d+) /m.exec(result.out)?.[1]);
    const listed = result.out.split('\n').filter((l) => /^ {2}(\S+: )?(error|warning) /.test(l));
    expect(counted).toBeGreaterThan(0);
    expect(listed).toHaveLength(counted);
    expect(result.out).toContain(
      'warning No workbook received from Harbourline Water Ltd yet: its contacts, commitments, roles and MoU signature are not in the register.',
    );
    expect(result.out).not.toContain('a workbook with errors is not stored');
    expect(result.out).toMatch(/^ {2}northshire-police: warning About!B3: Organisation name is/m);
  }, 60_000);

  it('stops quietly when the reader of its output goes away', async () => {
    for (const args of [['status'], ['consolidate'], ['audit', 'list']]) {
      const result = await bin(args, { closeStdout: true });
      expect({ args, code: result.code, err: result.err }).toEqual({ args, code: 0, err: '' });
    }
    const head = await pipeline('status | head -1');
    expect(head.out).toBe(
      'Northshire Office of Data Analytics (horizontal governance, MoU 2025-04-01 to 2028-03-31)\n',
    );
    expect(head.err).toBe('bin exited 0\n');
    const head2 = await pipeline('consolidate | head -2');
    // A new register version, or the latest when nothing has changed since.
    expect(head2.out).toMatch(
      /^(Register version|No change since register version) \d+ of Northshire .*\n {2}digest {9}sha256:/,
    );
    expect(head2.err).toBe('bin exited 0\n');
  }, 90_000);

  it('names a mistyped option and the nearest real one in one line', async () => {
    const cases: [string[], string][] = [
      [['export', '--fromat', 'json', '--out', '-'], "error: unknown option '--fromat' (did you mean --format?)\n"],
      [['--jsn', 'status'], "error: unknown option '--jsn' (did you mean --json?)\n"],
      [['stauts'], "error: unknown command 'stauts' (did you mean status?)\n"],
      [['status', '--zzz'], "error: unknown option '--zzz' (see oda-register status --help)\n"],
    ];
    for (const [args, line] of cases) {
      const result = await bin(args);
      expect({ args, ...result }).toEqual({ args, code: 2, out: '', err: line });
    }
  }, 60_000);
});
