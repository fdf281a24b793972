/**
 * `npm run build:server`: the command line, the service and its worker thread, each bundled by esbuild from its
 * TypeScript entry into dist/server/ (cli.js, service.js, thread.js and the chunks they share). One file per
 * program instead of hundreds of modules is what makes `oda-register status` start in about 3x a bare Node
 * start (`npm run bench -- startup`); modules the code imports with `import()` stay separate chunks, loaded only
 * by the commands and routes that need them.
 *
 * Packages stay in node_modules (imported at run time, not copied in) when they are native (better-sqlite3),
 * start threads or processes from their own files (piscina, pino, pino-pretty), or are large and only ever loaded lazily
 * (ExcelJS, docx, JSZip, saxes for .ods, MSAL, pg, tsx). The rest (Kysely, zod, Express, commander, jose) is bundled.
 *
 * The output is flat, so `new URL('./thread.js', import.meta.url)` in server/workers/workers.ts finds the worker
 * from whichever chunk holds that code. esbuild does not type-check: `npm run typecheck` does.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { PROGRAMS, ROOT } from './bin/launch.js';

export const EXTERNAL = [
  'better-sqlite3',
  'pg',
  'piscina',
  'pino',
  'pino-http',
  'pino-pretty',
  'exceljs',
  'docx',
  'jszip',
  'saxes',
  '@azure/msal-node',
  'tsx',
];

/** esbuild's options for a build into `outdir`. */
export function serverBuildOptions(outdir = path.join(ROOT, 'dist/server')) {
  return {
    absWorkingDir: ROOT,
    entryPoints: {
      ...Object.fromEntries(Object.entries(PROGRAMS).map(([name, source]) => [name, path.join(ROOT, source)])),
      thread: path.join(ROOT, 'server/workers/thread.ts'),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[name]-[hash]',
    sourcemap: 'linked',
    // Error names and messages are what users see; keep class and function names as written.
    keepNames: true,
    external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
    // jsonc-parser's "main" is a UMD module whose factory requires its own files, which a bundler cannot follow:
    // bundle its ES module build instead (Node, under tsx and jest, loads the UMD one, which works there).
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    // Bundled CommonJS packages (Express, commander) call require() for Node's own modules: give them one.
    banner: {
      js: "import { createRequire as __odaCreateRequire } from 'node:module'; const require = __odaCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  };
}

/** Replaces `outdir` with a fresh build; resolves to esbuild's result (errors throw). */
export async function buildServer(outdir = path.join(ROOT, 'dist/server')) {
  await rm(outdir, { recursive: true, force: true });
  return build(serverBuildOptions(outdir));
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  // dist/shared held the per-file build before the bundle; nothing reads it now.
  await rm(path.join(ROOT, 'dist/shared'), { recursive: true, force: true });
  await buildServer();
}
