/**
 * The CLI as the documentation runs it: `node bin/oda-register.js`, which starts within the benchmark's targets
 * and never asks a registry (`npx oda-register` resolves the name again at each run, and outside this folder
 * asks the public registry for a package of that name). Every example uses that one form, the service's
 * start-up banner too, and `npm run bench -- startup` measures exactly it.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function docs(): Promise<string[]> {
  const files = ['README.md', 'examples/README.md'];
  for (const f of await readdir(path.join(ROOT, 'docs'))) if (f.endsWith('.md')) files.push(`docs/${f}`);
  return files;
}

/** The lines of the fenced code blocks of a Markdown text. */
function codeLines(markdown: string): string[] {
  const lines: string[] = [];
  let inside = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inside = !inside;
    else if (inside) lines.push(line);
  }
  return lines;
}

test('every example runs the CLI as `node bin/oda-register.js`, never through npx', async () => {
  const wrong: string[] = [];
  let examples = 0;
  for (const file of await docs()) {
    const text = await readFile(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/npx oda-register\s\S*/g)) wrong.push(`${file}: ${m[0]}`);
    for (const line of codeLines(text)) {
      const command = line.replace(/#.*$/, '');
      if (!/\boda-register\b/.test(command) || /oda-register\//.test(command.replace('bin/oda-register.js', '')))
        continue;
      if (/(^|[\s$(])oda-register\s/.test(command) && !command.includes('node bin/oda-register.js')) {
        wrong.push(`${file}: ${line.trim()}`);
      }
      if (command.includes('node bin/oda-register.js')) examples++;
    }
  }
  expect(wrong).toEqual([]);
  expect(examples).toBeGreaterThan(10);
  expect(await readFile(path.join(ROOT, 'server/main.ts'), 'utf8')).toContain(
    'TOKEN=$(node bin/oda-register.js token --email',
  );
});

test('npm run bench -- startup times that very form: node bin/oda-register.js', async () => {
  const bench = await readFile(path.join(ROOT, 'bench/startup.ts'), 'utf8');
  expect(bench).toContain("const BIN = path.join(ROOT, 'bin/oda-register.js');");
  expect(bench).toMatch(/spawn\(process\.execPath, args/);
  expect(bench).not.toMatch(/spawn\(\s*['"]npx/);
});
