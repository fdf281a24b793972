#!/usr/bin/env node
/**
 * `npm run start:desktop`, `npm run start:web`, `npm run stop`: office-addin-debugging with the development
 * manifest for the service's PORT (default 3000), so the add-in can be sideloaded against a service on any
 * port. The manifest for that port is written to dist/manifest.dev.xml (manifest/render.mjs: devManifest),
 * and `npm start` is started with the same PORT as the dev server office-addin-debugging waits for.
 *
 *   node manifest/debug.mjs start desktop|web     node manifest/debug.mjs stop
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { devManifest } from './render.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command, app] = process.argv.slice(2);
if (!['start', 'stop'].includes(command) || (command === 'start' && !['desktop', 'web'].includes(app))) {
  process.stderr.write('Usage: node manifest/debug.mjs start desktop|web, or node manifest/debug.mjs stop\n');
  process.exit(2);
}
let xml;
try {
  xml = devManifest(readFileSync(path.join(ROOT, 'manifest/manifest.xml'), 'utf8'), process.env.PORT);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
const port = String(Number(process.env.PORT?.trim() || 3000));
const manifest = path.join(ROOT, 'dist/manifest.dev.xml');
mkdirSync(path.dirname(manifest), { recursive: true });
writeFileSync(manifest, xml);
const args =
  command === 'stop'
    ? ['stop', manifest]
    : ['start', manifest, app, '--dev-server', 'npm start', '--dev-server-port', port];
const child = spawn('office-addin-debugging', args, {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PORT: port },
  shell: process.platform === 'win32',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
