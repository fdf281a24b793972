/**
 * The smaller items of a service facing the internet: no source maps served in production (they stay beside
 * the bundle), Cross-Origin-Resource-Policy same-origin on the API while the add-in's files stay embeddable by
 * Office, a favicon, and the development manifest's URLs following PORT.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { devManifest } from '../../manifest/render.mjs';
import { makeTestApp, type TestApp } from '../helpers/testApp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_MODE: 'entra',
  ENTRA_TENANT_IDS: 'tenant-1',
  ENTRA_CLIENT_ID: 'client-1',
};

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A test app serving a small built add-in folder: a page, a script and its source map, the icon. */
async function appWithAddin(env: Record<string, string>): Promise<TestApp> {
  const probe = await makeTestApp();
  const addinDir = path.join(probe.dir, 'addin');
  await probe.close();
  await mkdir(path.join(addinDir, 'assets'), { recursive: true });
  await writeFile(path.join(addinDir, 'taskpane.html'), '<!doctype html><title>pane</title>');
  await writeFile(
    path.join(addinDir, 'taskpane.0123abcd.js'),
    'console.log(1);\n//# sourceMappingURL=taskpane.0123abcd.js.map',
  );
  await writeFile(path.join(addinDir, 'taskpane.0123abcd.js.map'), '{"version":3,"sources":["secret.ts"]}');
  await writeFile(
    path.join(addinDir, 'assets/icon-32.png'),
    await readFile(path.join(ROOT, 'addin/assets/icon-32.png')),
  );
  return makeTestApp({ env: { ...env, ADDIN_DIR: addinDir } });
}

describe('source maps', () => {
  test('are not served in production, though the bundle is', async () => {
    t = await appWithAddin(PRODUCTION);
    await request(t.app).get('/taskpane.0123abcd.js').expect(200);
    const map = await request(t.app).get('/taskpane.0123abcd.js.map').expect(404);
    expect(map.text).not.toContain('secret.ts');
    await request(t.app).get('/TASKPANE.0123ABCD.JS.MAP').expect(404);
  });

  test('are served in development, for the browser’s debugger', async () => {
    t = await appWithAddin({ NODE_ENV: 'development' });
    const map = await request(t.app).get('/taskpane.0123abcd.js.map').expect(200);
    expect(map.text).toContain('secret.ts');
  });
});

test('/favicon.ico is the add-in’s icon', async () => {
  t = await appWithAddin(PRODUCTION);
  const icon = await request(t.app).get('/favicon.ico').expect(200);
  expect(icon.headers['content-type']).toBe('image/png');
  expect(Buffer.compare(icon.body as Buffer, await readFile(path.join(ROOT, 'addin/assets/icon-32.png')))).toBe(0);
});

test('Cross-Origin-Resource-Policy: same-origin on the API, cross-origin on the add-in’s files (Office shows its icons)', async () => {
  t = await appWithAddin(PRODUCTION);
  for (const url of ['/api/health', '/api/registers', '/api/nowhere', '/api/openapi.json']) {
    const res = await request(t.app).get(url);
    expect([url, res.headers['cross-origin-resource-policy']]).toEqual([url, 'same-origin']);
  }
  for (const url of ['/assets/icon-32.png', '/taskpane.html', '/favicon.ico']) {
    const res = await request(t.app).get(url).expect(200);
    expect([url, res.headers['cross-origin-resource-policy']]).toEqual([url, 'cross-origin']);
  }
});

describe('the development manifest follows PORT', () => {
  test('every localhost URL moves to the port; 3000 and unset leave it as written', async () => {
    const xml = await readFile(path.join(ROOT, 'manifest/manifest.xml'), 'utf8');
    const moved = devManifest(xml, '3443');
    expect(moved).not.toContain('localhost:3000');
    expect(moved.match(/https:\/\/localhost:3443\//g)?.length).toBe(xml.match(/https:\/\/localhost:3000\//g)?.length);
    expect(devManifest(xml, undefined)).toBe(xml);
    expect(devManifest(xml, '3000')).toBe(xml);
  });

  test('a PORT that is not a port is named', () => {
    expect(() => devManifest('<x/>', 'abc')).toThrow('PORT must be a number between 1 and 65535, got "abc"');
    expect(() => devManifest('<x/>', '70000')).toThrow('PORT must be a number between 1 and 65535, got "70000"');
  });

  test('start:desktop, start:web and stop use it with the same PORT for the service', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['start:desktop']).toBe('node manifest/debug.mjs start desktop');
    expect(pkg.scripts['start:web']).toBe('node manifest/debug.mjs start web');
    expect(pkg.scripts.stop).toBe('node manifest/debug.mjs stop');
    expect(Object.values(pkg.scripts).join('\n')).not.toContain('3000');
  });
});
