/**
 * The `oda-register` command line over the demo partnership, run in-process as a user would see it (stdout,
 * stderr, exit code), with a real SQLite file in a temp folder; one test runs the real bin.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCliIn } from '../helpers/cliRun.js';
import { DEMO_CATALOGUE, DEMO_PARTNERS, ROOT, demoWorkbook } from '../helpers/demo.js';
import { dataDirOf, loadConfig, storeTargetOf } from '../../server/config.js';
import { DEV_PRIVATE_KEY_FILE, DEV_PUBLIC_KEY_FILE } from '../../server/auth/devIssuer.js';
import { registerDigest } from '../../shared/consolidate.js';
import type { Register } from '../../shared/types.js';
import { readWorkbook } from '../../server/import/readWorkbook.js';

const CATALOGUE = DEMO_CATALOGUE;
const PARTNERS = DEMO_PARTNERS;
const workbook = demoWorkbook;

let dir: string;

async function cli(...args: string[]) {
  return cliWith({ DATA_DIR: path.join(dir, 'data') }, ...args);
}

/** The CLI run in the temp folder with these environment variables (and USER=tester). */
function cliWith(env: Record<string, string>, ...args: string[]) {
  return runCliIn(dir, env, args);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the PMG’s whole job from the command line', () => {
  it('init, import, consolidate, export, status and audit verify over the demo partnership', async () => {
    const init = await cli('init', '--catalogue', CATALOGUE);
    expect(init).toMatchObject({ code: 0, err: '' });
    expect(init.out).toContain('Catalogue version 1 of Northshire Office of Data Analytics: 9 organisations');

    const imported = await cli('import', ...PARTNERS.map(workbook));
    expect(imported.code).toBe(1); // Eastvale's workbook has deliberate errors
    expect(imported.out).toContain(
      '✖ eastvale-district-council.xlsx: eastvale-district-council, 3 errors, 0 warnings; nothing was stored',
    );
    expect(imported.out).toMatch(/error {3}Commitments!E3: Unit "Licences" does not fit resource type "Data"/);
    expect(imported.out).toContain(
      '✔ northshire-police.xlsx: northshire-police, stored as version 1 (0 errors, 1 warning)',
    );
    expect(imported.out).toMatch(/warning About!B3: Organisation name is "Northshire Constabulary"/);
    expect(imported.out).toContain('7 workbooks stored, 1 refused.');

    const again = await cli('import', workbook('northshire-police'));
    expect(again.code).toBe(0);
    expect(again.out).toContain('unchanged since version 1, not stored again');

    const consolidated = await cli('consolidate');
    expect(consolidated.code).toBe(0);
    expect(consolidated.out).toContain('Register version 1 of Northshire Office of Data Analytics');
    expect(consolidated.out).toMatch(/organisations {2}9 \(7 submitted\)/);
    expect(consolidated.out).toMatch(/2 organisations are accountable for "Data sharing agreements"/);

    const out = path.join(dir, 'register.json');
    expect((await cli('export', '--format', 'json', '--out', out)).code).toBe(0);
    const register = JSON.parse(await readFile(out, 'utf8')) as Register;
    expect(register).toMatchObject({ schema: 'oda-register/register@1', version: 1 });
    expect(register.digest).toBe(registerDigest(register));
    expect(register.sources.map((s) => s.organisationId)).toEqual(PARTNERS.slice(1));
    const governing = register.organisations.filter((o) => o.involvement.startsWith('governance'));
    for (const o of governing) expect(o.stake).toBeCloseTo(1 / governing.length, 4);

    const status = await cli('status');
    expect(status.out).toMatch(/eastvale-district-council\s+missing/);
    expect(status.out).toMatch(/northshire-police\s+version 1, .* by cli:tester, 1 warning/);
    expect(status.out).toContain(
      '7 of 9 partners have submitted; missing: Eastvale District Council, Harbourline Water Ltd.',
    );

    const verify = await cli('audit', 'verify');
    // catalogue + 7 submissions + 1 register
    expect(verify).toMatchObject({ code: 0, out: 'Audit chain intact: 9 events verified.\n' });
  });

  it('prints machine-readable results with --json', async () => {
    await cli('init', '--catalogue', CATALOGUE);
    const imported = await cli('--json', 'import', workbook('eastvale-district-council'), workbook('northshire-icb'));
    const result = JSON.parse(imported.out) as {
      files: { organisationId: string; ok: boolean; errors: number; version: number | null }[];
    };
    expect(result.files).toEqual([
      expect.objectContaining({ organisationId: 'eastvale-district-council', ok: false, errors: 3, version: null }),
      expect.objectContaining({ organisationId: 'northshire-icb', ok: true, errors: 0, version: 1 }),
    ]);
    const consolidated = JSON.parse((await cli('consolidate', '--json')).out) as {
      version: number;
      counts: { submitted: number };
    };
    expect(consolidated).toMatchObject({ version: 1, counts: { submitted: 1 } });
    const status = JSON.parse((await cli('--json', 'status')).out) as { missing: string[] };
    expect(status.missing).toHaveLength(8);
  });

  it('validates against a catalogue file with no database, storing nothing', async () => {
    const result = await cli(
      'validate',
      '--catalogue',
      CATALOGUE,
      workbook('northshire-icb'),
      workbook('eastvale-district-council'),
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain('✔ northshire-icb.xlsx: northshire-icb, valid (0 errors, 1 warning)');
    expect(result.out).toContain('Commitments!G4: End 31 March 2025 is before Start 1 April 2026');
    await expect(readFile(path.join(dir, 'data', 'oda-register.db'))).rejects.toThrow();
  });

  it('writes a template that reads back as a workbook for that organisation', async () => {
    await cli('init', '--catalogue', CATALOGUE);
    const file = path.join(dir, 'cvs.xlsx');
    const result = await cli('template', '--org', 'northshire-cvs', '--out', file);
    expect(result.out).toContain('Wrote the partner workbook for');
    const tables = await readWorkbook(await readFile(file));
    expect(tables.About?.values).toContainEqual(['Organisation ID', 'northshire-cvs']);
    expect(Object.keys(tables).sort()).toEqual([
      'About',
      'Commitments',
      'Contacts',
      'Data sharing',
      'Participation',
      'Roles',
    ]);
  });

  it('mints a development token only for a catalogue member', async () => {
    await cli('init', '--catalogue', CATALOGUE);
    const good = await cli('token', '--email', 'oda.chair@northshire.gov.uk.example');
    expect(good.code).toBe(0);
    expect(good.out.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const stranger = await cli('token', '--email', 'someone@else.example');
    expect(stranger.code).toBe(1);
    expect(stranger.err).toContain('someone@else.example');
  });

  it('refuses a --ttl over 30 days, or not a whole number, with one line and mints nothing', async () => {
    await cli('init', '--catalogue', CATALOGUE);
    for (const ttl of ['2592001', '1.5', 'soon', '0']) {
      const result = await cli('token', '--email', 'oda.chair@northshire.gov.uk.example', '--ttl', ttl);
      expect(result).toEqual({
        code: 2,
        out: '',
        err: `error: --ttl must be a whole number of seconds from 1 to 2592000 (30 days) (got "${ttl}").\n`,
      });
    }
    expect((await cli('token', '--email', 'oda.chair@northshire.gov.uk.example', '--ttl', '2592000')).code).toBe(0);
  });

  it('reports with --json the address the token was minted for', async () => {
    await cli('init', '--catalogue', CATALOGUE);
    const result = await cli('--json', 'token', '--email', '  ODA.Chair@Northshire.gov.uk.example ');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).email).toBe('oda.chair@northshire.gov.uk.example');
  });

  it('shows a refusal of the development issuer as one line', async () => {
    await cli('init', '--catalogue', CATALOGUE);
    const result = await cli('token', '--email', 'not-an-address');
    expect(result).toEqual({ code: 1, out: '', err: 'error: "not-an-address" is not an email address.\n' });
  });
});

describe('mistakes get one clear line and change nothing', () => {
  it.each([
    [['import', 'x.xlsx'], /no partnership catalogue yet/],
    [['consolidate'], /no partnership catalogue yet/],
    [['init', '--catalogue', 'missing.json'], /Cannot read missing\.json: no such file/],
    [['export', '--format', 'pdf', '--out', 'r.pdf'], /--format must be one of: (\w+, )*json(, \w+)* \(got "pdf"\)/],
    [['audit', 'list', '--limit', '5000'], /--limit must be a whole number from 1 to 1000 \(got "5000"\)/],
  ])('%j', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('lists every problem of a bad catalogue with its place, and stores nothing', async () => {
    const bad = JSON.parse(await readFile(CATALOGUE, 'utf8'));
    bad.organisations[2].sector = 'council';
    bad.partnership.governanceModel = 'flat';
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const result = await cli('init', '--catalogue', 'bad.json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/partnership\.governanceModel: /);
    expect(result.err).toMatch(/organisations\[2\]\.sector: "council" is not one of/);
    // Nothing stored: not even a database was made.
    expect((await cli('status')).err).toMatch(/There is no database at .*oda-register\.db \(from DATA_DIR\)/);
  });

  it('names a file that is not a workbook, and goes on with the others', async () => {
    await cli('init', '--catalogue', CATALOGUE);
    await writeFile(path.join(dir, 'budget.xlsx'), 'Name,Email\nPat,pat@x.example\n');
    const result = await cli('import', 'budget.xlsx', 'nowhere.xlsx', workbook('northshire-cvs'));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/✖ budget\.xlsx: budget\.xlsx is a text or CSV file, not an Excel workbook/);
    expect(result.out).toMatch(/✖ nowhere\.xlsx: nowhere\.xlsx does not exist\./);
    expect(result.out).toContain('✔ northshire-cvs.xlsx: northshire-cvs, stored as version 1');
  });

  it('says which register versions exist', async () => {
    await cli('init', '--catalogue', CATALOGUE);
    expect((await cli('export', '--format', 'json', '--out', '-')).err).toMatch(
      /no register yet: run `oda-register consolidate` first/,
    );
    await cli('consolidate');
    expect((await cli('export', '--format', 'json', '--out', '-', '--version', '7')).err).toMatch(
      /no register version 7; the latest is 1/,
    );
  });
});

describe('the same database and data folder as the service (server/config.ts)', () => {
  it('honours SQLITE_PATH for init and status, and --db still wins', async () => {
    const env = { DATA_DIR: path.join(dir, 'data'), SQLITE_PATH: 'elsewhere/register.db' };
    expect(storeTargetOf(env, dir)).toEqual({ sqlitePath: path.join(dir, 'elsewhere/register.db') });

    expect((await cliWith(env, 'init', '--catalogue', CATALOGUE)).code).toBe(0);
    expect(await exists(path.join(dir, 'elsewhere/register.db'))).toBe(true);
    expect(await exists(path.join(dir, 'data/oda-register.db'))).toBe(false);

    const status = await cliWith(env, 'status');
    expect(status).toMatchObject({ code: 0, err: '' });
    expect(status.out).toContain('0 of 9 partners have submitted');
    // Without SQLITE_PATH, or with --db, it is another database, which status does not create.
    expect((await cli('status')).err).toMatch(/There is no database at .*oda-register\.db \(from DATA_DIR\)/);
    expect((await cliWith(env, '--db', 'other.db', 'status')).err).toMatch(
      /There is no database at .*other\.db \(from --db\)/,
    );
  });

  it('takes a blank DATA_DIR as ./data for the database and the token keys, as loadConfig does', async () => {
    const env = { DATA_DIR: '  ' };
    expect(dataDirOf(env, dir)).toBe(path.join(dir, 'data'));
    expect(loadConfig(env).dataDir).toBe(dataDirOf(env));

    expect((await cliWith(env, 'init', '--catalogue', CATALOGUE)).code).toBe(0);
    expect(await exists(path.join(dir, 'data/oda-register.db'))).toBe(true);
    const token = await cliWith(env, 'token', '--email', 'oda.chair@northshire.gov.uk.example');
    expect(token.code).toBe(0);
    for (const file of [DEV_PRIVATE_KEY_FILE, DEV_PUBLIC_KEY_FILE]) {
      expect(await exists(path.join(dir, 'data', file))).toBe(true);
      expect(await exists(path.join(dir, file))).toBe(false);
    }
  });

  it('refuses a DATABASE_URL that is not postgres:// with the service’s message, creating no file', async () => {
    const result = await cliWith({ DATABASE_URL: 'mysql://x' }, 'status');
    expect(result.code).toBe(1);
    expect(result.err).toBe('error: DATABASE_URL must be a postgres:// or postgresql:// URL, got "mysql://x"\n');
    expect(await exists(path.join(dir, 'mysql:'))).toBe(false);
    // --db wins over a bad DATABASE_URL.
    expect((await cliWith({ DATABASE_URL: 'mysql://x' }, '--db', 'r.db', 'status')).err).toMatch(
      /There is no database at .*r\.db \(from --db\)/,
    );
  });
});

describe('the installed bin', () => {
  it('runs through npx-style invocation and exits 2 on a usage error', async () => {
    const run = promisify(execFile);
    const bin = path.join(ROOT, 'bin/oda-register.js');
    const help = await run(process.execPath, [bin, '--help'], { cwd: dir });
    expect(help.stdout).toContain('consolidate');
    await expect(run(process.execPath, [bin, 'frobnicate'], { cwd: dir })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown command 'frobnicate'"),
    });
  });

  it('imports every demo workbook into a fresh database, prints each and exits 1 for the refused one', async () => {
    const run = promisify(execFile);
    const bin = path.join(ROOT, 'bin/oda-register.js');
    const env = { ...process.env, DATA_DIR: path.join(dir, 'bin-data') };
    await run(process.execPath, [bin, 'init', '--catalogue', CATALOGUE], { cwd: dir, env });
    const imported = run(process.execPath, [bin, 'import', ...PARTNERS.map(workbook)], { cwd: dir, env });
    await expect(imported).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('7 workbooks stored, 1 refused.'),
    });
  });
});
