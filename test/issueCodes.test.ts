import { readFileSync } from 'node:fs';
import { ISSUE_CODES } from '../shared/issues.js';

describe('docs/issue-codes.md', () => {
  const doc = readFileSync(new URL('../docs/issue-codes.md', import.meta.url), 'utf8');
  it.each(Object.entries(ISSUE_CODES))('documents %s with its severity', (code, def) => {
    const line = doc.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
    expect(line).toBeDefined();
    expect(line).toContain(`| ${def.severity} |`);
  });
});
