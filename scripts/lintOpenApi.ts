/**
 * `npm run lint:api`: writes the OpenAPI document, built from the declared routes exactly as
 * GET /api/openapi.json serves it, to a temporary folder and lints it with Redocly's CLI and the recommended
 * rules (redocly.yaml: every rule an error, so a warning fails too), offline (no telemetry, no update check).
 * Exits with Redocly's status.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, serviceDocument } from './serviceDocument.js';

/**
 * Operations a recommended rule does not fit, and why: Redocly's own ignore file, written beside the document.
 * The liveness and readiness probes answer every request (no client error is possible), so they have no 4xx.
 */
const EXCEPTIONS: Record<string, string[]> = {
  'operation-4xx-response': ['#/paths/~1api~1health/get/responses', '#/paths/~1api~1ready/get/responses'],
};

export function lintOpenApi(): number {
  const document = serviceDocument();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oda-openapi-'));
  try {
    writeFileSync(path.join(dir, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
    copyFileSync(path.join(ROOT, 'redocly.yaml'), path.join(dir, 'redocly.yaml'));
    const ignore = Object.entries(EXCEPTIONS)
      .map(([rule, pointers]) => `  ${rule}:\n${pointers.map((p) => `    - '${p}'`).join('\n')}`)
      .join('\n');
    writeFileSync(path.join(dir, '.redocly.lint-ignore.yaml'), `openapi.json:\n${ignore}\n`);
    const result = spawnSync(
      path.join(ROOT, 'node_modules/.bin/redocly'),
      ['lint', 'openapi.json', '--config', 'redocly.yaml', '--format', 'stylish'],
      {
        cwd: dir,
        stdio: 'inherit',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' },
      },
    );
    return result.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = lintOpenApi();
