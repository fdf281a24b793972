import { readFileSync } from 'node:fs';
import { ISSUE_CODES } from '../../shared/issues.js';

describe('docs/issue-codes.md', () => {
  const doc = readFileSync(new URL('../../docs/issue-codes.md', import.meta.url), 'utf8');
  it.each(Object.entries(ISSUE_CODES))('documents %s with its severity', (code, def) => {
    const cells = doc
      .split('\n')
      .map((l) => l.split('|').map((c) => c.trim()))
      .find((c) => c[1] === `\`${code}\``);
    expect(cells?.[2]).toBe(def.severity);
  });
});
