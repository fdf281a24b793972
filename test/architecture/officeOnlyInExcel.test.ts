/**
 * Only addin/excel/ touches Office.js (docs/architecture.md): lint refuses the `Office` global anywhere else in
 * addin/, so the pane, the register page and the harness run in a plain browser page.
 */
import { ESLint } from 'eslint';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function lintMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const USES_OFFICE = 'export const inExcel = () => typeof Office !== "undefined" && Office.context !== undefined;\n';

it.each(['addin/taskpane/x.ts', 'addin/taskpane/auth/x.ts', 'addin/register/x.tsx', 'addin/commands/x.ts'])(
  'refuses Office.js in %s',
  async (filePath) => {
    const messages = await lintMessages(USES_OFFICE, filePath);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.startsWith('no-restricted-globals: ') && m.includes('addin/excel/'))).toBe(true);
  },
);

it('passes Office.js in addin/excel/', async () => {
  expect(await lintMessages(USES_OFFICE, 'addin/excel/x.ts')).toEqual([]);
});
