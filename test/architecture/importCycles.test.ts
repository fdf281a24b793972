/**
 * No import cycles in the product code (server/, shared/, addin/, scripts/), type-only imports included: each
 * module depends only on modules that do not depend back on it, so the flow of docs/architecture.md holds
 * between files as well as between folders. dpdm reads the imports as TypeScript does.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';

const root = new URL('../..', import.meta.url).pathname;

/**
 * The cycles among the files the globs match, each as its files relative to `cwd`, in import order; and the
 * relative imports dpdm could not resolve (a cycle through one of them would go unseen).
 */
async function importCycles(cwd: string, globs: string[]): Promise<{ cycles: string[][]; unresolved: string[] }> {
  const tree = await parseDependencyTree(globs, { cwd, transform: false, skipDynamicImports: false });
  const unresolved = Object.values(tree)
    .flatMap((deps) => deps ?? [])
    .filter((d) => d.request.startsWith('.') && d.id === null)
    // dpdm leaves out declaration files (addin/api/schema.d.ts, generated types that import nothing).
    .filter((d) => !existsSync(path.join(cwd, path.dirname(d.issuer), d.request.replace(/\.js$/, '.d.ts'))))
    .map((d) => `${d.request} (${d.issuer})`);
  return { cycles: parseCircular(tree, false), unresolved };
}

test('server/, shared/, addin/ and scripts/ have no import cycle', async () => {
  const globs = ['server/**/*.ts', 'shared/**/*.ts', 'addin/**/*.ts', 'addin/**/*.tsx', 'scripts/**/*.ts'];
  expect(await importCycles(root, globs)).toEqual({ cycles: [], unresolved: [] });
}, 120_000);

test('a cycle made only of type imports is found', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'oda-cycles-'));
  try {
    // Resolved as the repository resolves them: './route.js' is route.ts.
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
    );
    await writeFile(
      path.join(dir, 'route.ts'),
      "import type { Tag } from './openapi.js';\nexport type Route = { tag: Tag };\n",
    );
    await writeFile(
      path.join(dir, 'openapi.ts'),
      "import type { Route } from './route.js';\nexport type Tag = 'a';\nexport const f = (r: Route) => r;\n",
    );
    const { cycles, unresolved } = await importCycles(dir, ['*.ts']);
    expect(unresolved).toEqual([]);
    expect(cycles.map((files) => [...files].sort())).toEqual([['openapi.ts', 'route.ts']]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
