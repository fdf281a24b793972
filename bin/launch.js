/**
 * Starts a program of the project from its bundled JavaScript in dist/server/ (written by `npm run build`, which
 * `npm install` runs through the `prepare` script) when that build is up to date, and from the TypeScript
 * sources through tsx, in this same process, when dist/ is missing or older than a source file (a developer
 * who edited `server/` or `shared/` and has not rebuilt). Either way it is one process: signals reach it.
 *
 * The compiled start takes a fraction of the time: tsx compiles every module at every start.
 */
import { readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The programs dist/server/ holds, each bundled by esbuild.config.mjs from its TypeScript entry. */
export const PROGRAMS = { cli: 'server/cli/main.ts', service: 'server/main.ts' };

/** The folders the bundles are built from. */
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
 * Which build of the program `name` (a key of PROGRAMS: "cli" or "service") to run: `{ kind: 'dist', file }`
 * when dist/server/ holds its bundle and no source is newer, else `{ kind: 'sources', file, reason }` with the
 * reason in words.
 */
export function chooseBuild(name, root = ROOT) {
  const entry = PROGRAMS[name];
  if (!entry) throw new Error(`No program "${name}": the programs are ${Object.keys(PROGRAMS).join(', ')}.`);
  const compiled = path.join(root, 'dist/server', `${name}.js`);
  const source = path.join(root, entry);
  let builtAt;
  try {
    builtAt = statSync(compiled).mtimeMs;
  } catch {
    return { kind: 'sources', file: source, reason: `dist/server/${name}.js is missing` };
  }
  const newest = newestSource(root);
  if (newest && newest.mtimeMs > builtAt) {
    const name = path.relative(root, newest.file).split(path.sep).join('/');
    return { kind: 'sources', file: source, reason: `${name} is newer than the build in dist/` };
  }
  return { kind: 'dist', file: compiled };
}

/**
 * Imports the program `name` from dist/ or, through tsx, from the sources (see chooseBuild) and resolves to its
 * module. `note(text)` is told when the sources are used and why.
 */
export async function load(name, note) {
  const build = chooseBuild(name);
  if (build.kind === 'sources') {
    note?.(
      `oda-register: running the TypeScript sources through tsx (slower to start): ${build.reason}; ` +
        '`npm run build` brings it up to date.',
    );
    const { register } = await import('tsx/esm/api');
    register();
  } else {
    // V8's compiled code for the bundle is kept on disk (Node's compile cache, in the system's temporary folder),
    // so every start after the first skips compiling its two megabytes; where it cannot be written, it is skipped.
    module.enableCompileCache?.();
  }
  return import(pathToFileURL(build.file).href);
}
