/**
 * bin/launch.js: the bin and `npm start` run the compiled build in dist/ only while it is at least as new as
 * every source file, and say which file made them fall back to the TypeScript sources. The bundles themselves
 * (esbuild.config.mjs) are run in test/cli/bundle.test.ts.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chooseBuild } from '../../bin/launch.js';

let root: string;
const at = (file: string, seconds: number) => utimes(path.join(root, file), seconds, seconds);
async function put(file: string, seconds: number) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), '');
  await at(file, seconds);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'oda-launch-'));
  await put('server/cli/main.ts', 1000);
  await put('shared/parse.ts', 1000);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

test('runs the sources when dist/ has not been built', () => {
  expect(chooseBuild('cli', root)).toEqual({
    kind: 'sources',
    file: path.join(root, 'server/cli/main.ts'),
    reason: 'dist/server/cli.js is missing',
  });
});

test('runs dist/ when it is newer than every source', async () => {
  await put('dist/server/cli.js', 2000);
  expect(chooseBuild('cli', root)).toEqual({
    kind: 'dist',
    file: path.join(root, 'dist/server/cli.js'),
  });
});

test('runs the sources, naming the edited file, when any source under server/ or shared/ is newer', async () => {
  await put('dist/server/cli.js', 2000);
  await put('shared/rules/dates.ts', 3000);
  expect(chooseBuild('cli', root)).toMatchObject({
    kind: 'sources',
    reason: 'shared/rules/dates.ts is newer than the build in dist/',
  });
  // Files that are not compiled into dist/ do not count.
  await at('shared/rules/dates.ts', 1500);
  await put('server/README.md', 3000);
  await put('server/types.d.ts', 3000);
  expect(chooseBuild('cli', root).kind).toBe('dist');
});

test('knows only the programs there are', () => {
  expect(chooseBuild('service', root)).toMatchObject({ kind: 'sources', file: path.join(root, 'server/main.ts') });
  expect(() => chooseBuild('server/cli/main' as never, root)).toThrow(
    'No program "server/cli/main": the programs are cli, service.',
  );
});
