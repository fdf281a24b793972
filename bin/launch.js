/**
 * Starts a module of the project from the compiled JavaScript in dist/ (written by `npm run build`, which
 * `npm install` runs through the `prepare` script) when that build is up to date, and from the TypeScript
 * sources through tsx, in this same process, when dist/ is missing or older than a source file (a developer
 * who edited `server/` or `shared/` and has not rebuilt). Either way it is one process: signals reach it.
 *
 * The compiled start takes a fraction of the time: tsx compiles every module at every start.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folders dist/ is compiled from (tsconfig.build.json). */
const SOURCE_DIRS = ['server', 'shared'];

/** The newest .ts (or .mjs) file under `dirs` of `root`: its path and modification time, or null if none. */
export function newestSource(root = ROOT, dirs = SOURCE_DIRS) {
  let newest = null;
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const mtimeMs = statSync(full).mtimeMs;
        if (!newest || mtimeMs > newest.mtimeMs) newest = { file: full, mtimeMs };
      }
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return newest;
}

/**
 * Which build of `entry` (a path under the root without extension, such as "server/cli/main") to run:
 * `{ kind: 'dist', file }` when dist/ holds it and no source is newer, else `{ kind: 'sources', file, reason }`
 * with the reason in words.
 */
export function chooseBuild(entry, root = ROOT) {
  const compiled = path.join(root, 'dist', `${entry}.js`);
  const source = path.join(root, `${entry}.ts`);
  let builtAt;
  try {
    builtAt = statSync(compiled).mtimeMs;
  } catch {
    return { kind: 'sources', file: source, reason: `dist/${entry}.js is missing` };
  }
  const newest = newestSource(root);
  if (newest && newest.mtimeMs > builtAt) {
    const name = path.relative(root, newest.file).split(path.sep).join('/');
    return { kind: 'sources', file: source, reason: `${name} is newer than the build in dist/` };
  }
  return { kind: 'dist', file: compiled };
}

/**
 * Imports `entry` from dist/ or, through tsx, from the sources (see chooseBuild) and resolves to its module.
 * `note(text)` is told when the sources are used and why.
 */
export async function load(entry, note) {
  const build = chooseBuild(entry);
  if (build.kind === 'sources') {
    note?.(
      `oda-register: running the TypeScript sources through tsx (slower to start): ${build.reason}; ` +
        '`npm run build` brings it up to date.',
    );
    const { register } = await import('tsx/esm/api');
    register();
  }
  return import(pathToFileURL(build.file).href);
}
