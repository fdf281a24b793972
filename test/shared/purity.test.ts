/**
 * shared/ is bundled into the browser task pane as well as run by the server: lint refuses Node modules and
 * imports that leave shared/, and shared/tsconfig.json type-checks it without Node or DOM types.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function lintMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint keeps shared/ pure', () => {
  it.each([
    ['a node: import', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", 'shared/x.ts'],
    ['a bare Node built-in', "import fs from 'fs';\nexport const files = fs;\n", 'shared/x.ts'],
    [
      'a Node built-in subpath',
      "import { readFile } from 'fs/promises';\nexport const read = readFile;\n",
      'shared/x.ts',
    ],
    ['node:crypto', "import { createHash } from 'node:crypto';\nexport const hash = createHash;\n", 'shared/x.ts'],
    [
      'an import of server code',
      "import { NotFoundError } from '../server/store/errors.js';\nexport const E = NotFoundError;\n",
      'shared/x.ts',
    ],
    [
      'a climb out of shared/ from a subfolder',
      "import { x } from '../../bench/generate.js';\nexport const y = x;\n",
      'shared/rules/x.ts',
    ],
    ['a re-export from outside shared/', "export { makeTestApp } from '../test/helpers/app.js';\n", 'shared/x.ts'],
  ])('refuses %s', async (_what, code, filePath) => {
    const messages = await lintMessages(code, filePath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^(no-restricted-imports|shared\/stays-in-shared): .*(browser|leaves shared\/)/);
  });

  it('passes imports of shared/ modules and browser-ready packages', async () => {
    const code = [
      "import * as z from 'zod';",
      "import { ABOUT } from './contract.js';",
      "import { readAbout } from './rules/about.js';",
      'export const used = [z, ABOUT, readAbout];',
      '',
    ].join('\n');
    expect(await lintMessages(code, 'shared/x.ts')).toEqual([]);
    expect(
      await lintMessages("import { ABOUT } from '../contract.js';\nexport const a = ABOUT;\n", 'shared/rules/x.ts'),
    ).toEqual([]);
  });

  it('leaves the server free to use Node', async () => {
    expect(
      await lintMessages("import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", 'server/x.ts'),
    ).toEqual([]);
  });
});

describe('shared/tsconfig.json', () => {
  const tsc = (project: string): { ok: boolean; output: string } => {
    try {
      return {
        ok: true,
        output: execFileSync(`${root}node_modules/.bin/tsc`, ['--noEmit', '-p', project], { encoding: 'utf8' }),
      };
    } catch (e) {
      return { ok: false, output: String((e as { stdout?: string }).stdout) };
    }
  };

  it('is run by npm run typecheck besides the root check, with the ES2022 library only', () => {
    const config = JSON.parse(readFileSync(`${root}shared/tsconfig.json`, 'utf8')) as {
      compilerOptions: { lib: string[]; types: string[] };
    };
    expect(config.compilerOptions).toMatchObject({ lib: ['ES2022'], types: [] });
    const { scripts } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.typecheck).toContain('tsc -p tsconfig.json');
    expect(scripts.typecheck).toContain('tsc -p shared/tsconfig.json');
  });

  it('type-checks shared/ cleanly, and refuses a module that uses Node or DOM globals', async () => {
    expect(tsc(`${root}shared/tsconfig.json`)).toEqual({ ok: true, output: '' });

    const dir = await mkdtemp(path.join(tmpdir(), 'oda-shared-probe-'));
    try {
      await writeFile(
        path.join(dir, 'probe.ts'),
        "export const bytes = Buffer.from('x');\nexport const title = document.title;\nexport const enc = new TextEncoder();\n",
      );
      await writeFile(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({ extends: `${root}shared/tsconfig.json`, include: ['probe.ts'] }),
      );
      const { ok, output } = tsc(path.join(dir, 'tsconfig.json'));
      expect(ok).toBe(false);
      expect(output).toMatch(/Cannot find name 'Buffer'/);
      expect(output).toMatch(/Cannot find name 'document'/);
      expect(output).toMatch(/Cannot find name 'TextEncoder'/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
