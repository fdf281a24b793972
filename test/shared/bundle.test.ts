/**
 * shared/ in a browser bundle: webpack bundles every module of shared/ for the web (where Node's modules do not
 * exist) without an error or a warning, and the bundle runs in a bare JavaScript realm (no TextEncoder, no process, no
 * Buffer, no window) with the same results as on the server: parsing, the Excel set-up, consolidation and
 * digests.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { consolidate } from '../../shared/consolidate.js';
import { digestOf } from '../../shared/digest.js';
import { excelSetupFor } from '../../shared/excelSetup.js';
import { parseWorkbook } from '../../shared/parse.js';
import type { RawTables } from '../../shared/types.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables } from '../helpers/rawTables.js';

const root = new URL('../..', import.meta.url).pathname;

/**
 * The bundle's entry: every module of shared/ (so each must build for the web), and the four functions the
 * realm below calls.
 */
function entrySource(): string {
  const modules = readdirSync(path.join(root, 'shared'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(root, 'shared', f.replace(/\.ts$/, '.js')));
  return [
    ...modules.map((m) => `import ${JSON.stringify(m)};`),
    `export { consolidate } from ${JSON.stringify(path.join(root, 'shared/consolidate.js'))};`,
    `export { digestOf } from ${JSON.stringify(path.join(root, 'shared/digest.js'))};`,
    `export { excelSetupFor } from ${JSON.stringify(path.join(root, 'shared/excelSetup.js'))};`,
    `export { parseWorkbook } from ${JSON.stringify(path.join(root, 'shared/parse.js'))};`,
  ].join('\n');
}

/** A webpack build of the entry for the web, as one script defining `shared`, run in a child process. */
const BUILD = `
import { createRequire } from 'node:module';
const [root, out] = process.argv.slice(2);
const require = createRequire(root + '/package.json');
const webpack = require('webpack');
webpack(
  {
    mode: 'production',
    target: 'web',
    context: root,
    entry: out + '/entry.ts',
    output: { path: out, filename: 'shared.js', library: { type: 'var', name: 'shared' } },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: {
      rules: [{
        test: /\\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: require.resolve('ts-loader'),
          options: {
            transpileOnly: true,
            configFile: root + '/shared/tsconfig.json',
            compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: false },
          },
        },
      }],
    },
    performance: { hints: false },
    optimization: { minimize: false },
  },
  (err, stats) => {
    const info = err ? { errors: [{ message: String(err) }], warnings: [] } : stats.toJson({ all: false, errors: true, warnings: true });
    console.log(JSON.stringify({ errors: info.errors.map((e) => e.message), warnings: info.warnings.map((w) => w.message) }));
  },
);
`;

/** Raw tables as JSON can carry them: Date cells as yyyy-mm-dd text, which the parser reads alike. */
function jsonTables(tables: RawTables): RawTables {
  return JSON.parse(
    JSON.stringify(tables, function (this: Record<string, unknown>, key) {
      const raw = this[key];
      return raw instanceof Date ? raw.toISOString().slice(0, 10) : raw;
    }),
  ) as RawTables;
}

describe('shared/ bundled for the browser', () => {
  let dir: string;
  let bundle: string;
  let build: { errors: string[]; warnings: string[] };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'oda-shared-bundle-'));
    await writeFile(path.join(dir, 'build.mjs'), BUILD);
    await writeFile(path.join(dir, 'entry.ts'), entrySource());
    const output = execFileSync(process.execPath, [path.join(dir, 'build.mjs'), root, dir], { encoding: 'utf8' });
    build = JSON.parse(output.trim().split('\n').at(-1)!) as typeof build;
    bundle = await readFile(path.join(dir, 'shared.js'), 'utf8').catch(() => '');
  }, 240_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds with webpack for the web with no error and no warning', () => {
    expect(build).toEqual({ errors: [], warnings: [] });
    expect(bundle.length).toBeGreaterThan(0);
  });

  it('runs without any host API and gives the server’s results', () => {
    const realm = vm.createContext({});
    vm.runInContext(`${bundle}\n;globalThis.shared = shared;`, realm);
    expect(vm.runInContext('[typeof TextEncoder, typeof process, typeof Buffer, typeof window].join()', realm)).toBe(
      'undefined,undefined,undefined,undefined',
    );

    const catalogue = testCatalogue();
    const tables = jsonTables(goodRawTables(catalogue));
    // Everything crosses the realm boundary as JSON text, as it would reach a browser.
    const inBrowser = JSON.parse(
      vm.runInContext(
        `(() => {
          const catalogue = ${JSON.stringify(catalogue)};
          const parsed = shared.parseWorkbook(${JSON.stringify(tables)}, catalogue);
          const register = shared.consolidate(
            catalogue,
            [{ organisationId: parsed.organisationId, version: 1, digest: shared.digestOf(parsed.submission), submission: parsed.submission, warnings: [] }],
            { version: 1, createdAt: '2026-01-01T00:00:00Z' },
          );
          return JSON.stringify({
            parsed,
            setup: shared.excelSetupFor(catalogue, parsed.organisationId),
            register,
            text: shared.digestOf({ text: 'Cyngor Môn, مرحبا, 😀' }),
          });
        })()`,
        realm,
      ) as string,
    ) as Record<string, unknown>;

    const parsed = parseWorkbook(tables, catalogue);
    expect(parsed.submission).not.toBeNull();
    const register = consolidate(
      catalogue,
      [
        {
          organisationId: parsed.organisationId!,
          version: 1,
          digest: digestOf(parsed.submission),
          submission: parsed.submission!,
          warnings: [],
        },
      ],
      { version: 1, createdAt: '2026-01-01T00:00:00Z' },
    );
    expect(inBrowser).toEqual(
      JSON.parse(
        JSON.stringify({
          parsed,
          setup: excelSetupFor(catalogue, parsed.organisationId!),
          register,
          text: digestOf({ text: 'Cyngor Môn, مرحبا, 😀' }),
        }),
      ),
    );
    expect((inBrowser.register as { digest: string }).digest).toBe(register.digest);
  });
});
