/**
 * The add-in's files, on the service's own origin (so the pane calls the API without CORS): the built task
 * pane, ribbon commands, icons and manifests from `dist/addin` (`npm run build:addin`), Office.js from the
 * `@microsoft/office-js` package at `/office-js/` for networks that block Microsoft's CDN (the pane loads it
 * from there only when the CDN script did not load), and, outside production, the browser harness at
 * `/harness.html`, which signs in through the development issuer. The register page (register.html, built from
 * addin/register/) is the index, so `/` shows the register versions to every member.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';
import type { Config } from '../config.js';

/** Where the pane looks for Office.js when the CDN's copy did not load. */
export const OFFICE_JS_FALLBACK_PATH = '/office-js';
/** The harness page and its scripts, built into dist/addin (see webpack.config.js). */
const HARNESS_FILES = /^\/harness(\.html|\/)/i;
/** Source maps: kept beside the bundle for whoever debugs on the server, never served in production. */
const SOURCE_MAPS = /\.map$/i;
/** The icon browsers ask for at /favicon.ico (a PNG: every current browser reads it). */
const FAVICON = 'assets/icon-32.png';

function officeJsDir(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('@microsoft/office-js/package.json');
    const dir = path.join(path.dirname(pkg), 'dist');
    return existsSync(dir) ? dir : null;
  } catch {
    return null;
  }
}

export function addinFiles(config: Pick<Config, 'addinDir' | 'nodeEnv'>): Router {
  const router = express.Router();
  const officeJs = officeJsDir();
  if (officeJs) {
    router.use(OFFICE_JS_FALLBACK_PATH, express.static(officeJs, { fallthrough: true, maxAge: '1d' }));
  }
  if (existsSync(config.addinDir)) {
    if (config.nodeEnv === 'production') {
      router.use((req, _res, next) =>
        HARNESS_FILES.test(req.path) || SOURCE_MAPS.test(req.path) ? next('router') : next(),
      );
    }
    router.get('/favicon.ico', (_req, res, next) => {
      res.type('image/png').sendFile(FAVICON, { root: config.addinDir, maxAge: '1d' }, (err) => {
        if (err) next();
      });
    });
    router.use(
      express.static(config.addinDir, { index: ['register.html', 'taskpane.html', 'index.html'], fallthrough: true }),
    );
  }
  return router;
}

/** Whether the built pane (and so the harness) is there to serve. */
export function addinBuilt(config: Pick<Config, 'addinDir'>): boolean {
  return existsSync(path.join(config.addinDir, 'taskpane.html'));
}
