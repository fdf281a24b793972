/**
 * One comparison of the appendices as data, for every format: the blocks of the uploaded file against the blocks
 * of the file its register version renders now. Blocks are matched by id (then, those left over, in order);
 * a table's rows and a text's paragraphs by their content (a longest common subsequence, `diff`), so a row added
 * or removed is named as such instead of shifting every row after it; rows left over are paired by their key
 * (the first column whose values tell the rows apart), wherever they are (a row found elsewhere is named as
 * moved, not as removed and added), then those at the same place in order, and compared cell by cell. Fields
 * are matched by name.
 */
import { diffArrays } from 'diff';
import type { Block } from './content.js';
import type { Differences } from './differences.js';

/** Past this many rows added or removed in one block, rows are matched by key or place instead (bounded work). */
const MAX_EDIT_LENGTH = 2_000;
const KEY_CHARS = 60;

export type RowMatch =
  | { kind: 'pair'; found: number; expected: number }
  /** The same row (by key) at another place among the rows. */
  | { kind: 'moved'; found: number; expected: number }
  | { kind: 'removed'; expected: number }
  | { kind: 'added'; found: number };

interface Hunk {
  removed: number[];
  added: number[];
}

/**
 * Pairs the rows of the hunks (rows removed and added between two runs of equal rows): by key within a hunk, then
 * by key across hunks (a moved row), then what is left in a hunk at the same place, in order (the same row with
 * its key changed too).
 */
function pairHunks(
  hunks: readonly Hunk[],
  foundKey: (i: number) => string | null,
  expectedKey: (i: number) => string | null,
  out: RowMatch[],
): void {
  const byKey = new Map<string, { found: number; hunk: number }[]>();
  hunks.forEach((h, hunk) => {
    for (const f of h.added) {
      const k = foundKey(f);
      if (k !== null) byKey.set(k, [...(byKey.get(k) ?? []), { found: f, hunk }]);
    }
  });
  const used = new Set<number>();
  const take = (k: string | null, pick: (c: { found: number; hunk: number }) => boolean) => {
    const c = k === null ? undefined : byKey.get(k)?.find((x) => !used.has(x.found) && pick(x));
    if (c) used.add(c.found);
    return c;
  };
  const unpaired = hunks.map(() => [] as number[]);
  hunks.forEach((h, hunk) => {
    for (const e of h.removed) {
      const c = take(expectedKey(e), (x) => x.hunk === hunk);
      if (c) out.push({ kind: 'pair', found: c.found, expected: e });
      else unpaired[hunk]!.push(e);
    }
  });
  hunks.forEach((_h, hunk) => {
    unpaired[hunk] = unpaired[hunk]!.filter((e) => {
      const k = expectedKey(e);
      const c = k === 'header' ? undefined : take(k, () => true);
      if (c) out.push({ kind: 'moved', found: c.found, expected: e });
      return !c;
    });
  });
  hunks.forEach((h, hunk) => {
    const left = h.added.filter((f) => !used.has(f));
    unpaired[hunk]!.forEach((e, i) =>
      out.push(i < left.length ? { kind: 'pair', found: left[i]!, expected: e } : { kind: 'removed', expected: e }),
    );
    for (const f of left.slice(unpaired[hunk]!.length)) out.push({ kind: 'added', found: f });
  });
}

/**
 * Matches the rows of two lists: equal rows by a longest common subsequence, the rest paired by key where keys
 * are given (or by place), or added or removed.
 */
export function matchRows(
  found: readonly string[],
  expected: readonly string[],
  foundKey: (i: number) => string | null = () => null,
  expectedKey: (i: number) => string | null = () => null,
): RowMatch[] {
  const out: RowMatch[] = [];
  const changes = diffArrays([...expected], [...found], { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) {
    // Too different for a subsequence to say much: everything in one hunk, paired by key, then by place.
    pairHunks([{ removed: expected.map((_, i) => i), added: found.map((_, i) => i) }], foundKey, expectedKey, out);
    return out;
  }
  let e = 0;
  let f = 0;
  const hunks: Hunk[] = [];
  let hunk: Hunk | null = null;
  for (const change of changes) {
    if (change.removed || change.added) {
      hunk ??= hunks[hunks.push({ removed: [], added: [] }) - 1]!;
      if (change.removed) for (let i = 0; i < change.count; i++) hunk.removed.push(e++);
      else for (let i = 0; i < change.count; i++) hunk.added.push(f++);
    } else {
      hunk = null;
      for (let i = 0; i < change.count; i++) out.push({ kind: 'pair', found: f++, expected: e++ });
    }
  }
  pairHunks(hunks, foundKey, expectedKey, out);
  return out;
}

/** The column whose values tell the body rows apart (the leftmost with every value filled in and unique). */
function keyColumn(rows: readonly (readonly string[])[], header: boolean): number | null {
  const body = rows.slice(header ? 1 : 0).filter((r) => r.length > 1);
  if (body.length === 0) return null;
  const columns = Math.max(...body.map((r) => r.length));
  for (let c = 0; c < columns; c++) {
    const seen = new Set<string>();
    if (body.every((r) => r[c] && !seen.has(r[c]!) && seen.add(r[c]!))) return c;
  }
  return null;
}

function keyOf(row: readonly string[] | undefined, column: number | null): string | null {
  if (!row) return null;
  const k = row.length === 1 ? row[0] : column === null ? null : row[column];
  return k ? k.replace(/\s+/g, ' ').slice(0, KEY_CHARS) : null;
}

const joined = (row: readonly string[]) => row.join('\u0001');
const summary = (row: readonly string[]) => row.filter((c) => c !== '').join(' | ');

function compareRows(found: Block, expected: Block, out: Differences): void {
  const header = expected.header ? expected.rows[0] : undefined;
  const column = expected.kind === 'table' ? keyColumn(expected.rows, expected.header) : null;
  const fKey = (i: number) => (found.header && i === 0 ? 'header' : keyOf(found.rows[i], column));
  const eKey = (i: number) => (expected.header && i === 0 ? 'header' : keyOf(expected.rows[i], column));
  const number = (b: Block, i: number) => b.rowNumbers?.[i] ?? i + 1;
  const name = (b: Block, i: number, key: string | null): string | null =>
    b.kind === 'text' ? `${b.unit ?? 'line'} ${number(b, i)}` : key === null ? null : `row ${key}`;
  const matches = matchRows(found.rows.map(joined), expected.rows.map(joined), fKey, eKey);
  for (const m of matches) {
    if (m.kind === 'removed') {
      const row = expected.rows[m.expected]!;
      out.add({
        where: expected.where,
        row: number(expected, m.expected),
        key: name(expected, m.expected, eKey(m.expected)),
        field: null,
        found: '',
        expected: summary(row) || '(an empty row)',
      });
    } else if (m.kind === 'added') {
      const row = found.rows[m.found]!;
      out.add({
        where: expected.where,
        row: number(found, m.found),
        key: name(found, m.found, fKey(m.found)),
        field: null,
        found: summary(row) || '(an empty row)',
        expected: '',
      });
    } else {
      if (m.kind === 'moved') {
        const at = (b: Block, i: number) => `${b.kind === 'text' ? (b.unit ?? 'line') : 'row'} ${number(b, i)}`;
        out.add({
          where: expected.where,
          row: number(found, m.found),
          key: name(expected, m.expected, eKey(m.expected)),
          field: 'place',
          found: at(found, m.found),
          expected: at(expected, m.expected),
        });
      }
      const f = found.rows[m.found]!;
      const e = expected.rows[m.expected]!;
      if (joined(f) === joined(e)) continue;
      const columns = Math.max(f.length, e.length);
      for (let c = 0; c < columns; c++) {
        if ((f[c] ?? '') === (e[c] ?? '')) continue;
        out.add({
          where: expected.where,
          row: number(expected, m.expected),
          key: name(expected, m.expected, eKey(m.expected)),
          field:
            expected.kind === 'text'
              ? null
              : m.expected === 0 && expected.header
                ? 'header'
                : (header?.[c] ?? `column ${c + 1}`),
          found: f[c] ?? '',
          expected: e[c] ?? '',
        });
      }
    }
  }
}

function compareFields(found: Block, expected: Block, out: Differences): void {
  const index = (b: Block) => {
    const map = new Map<string, string>();
    const seen = new Map<string, number>();
    for (const [name = '', ...value] of b.rows) {
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      map.set(n > 1 ? `${name} (${n})` : name, value.join(' '));
    }
    return map;
  };
  const f = index(found);
  const e = index(expected);
  for (const [name, value] of e) {
    const there = f.get(name);
    if (there !== value)
      out.add({ where: expected.where, row: null, field: name, found: there ?? '', expected: value });
  }
  for (const [name, value] of f) {
    if (!e.has(name))
      out.add({ where: expected.where, row: null, field: name, found: value || '(empty)', expected: '' });
  }
}

function describeBlock(b: Block): string {
  if (b.kind === 'text') return summary(b.rows.map((r) => r.join(' '))) || '(no text)';
  return `${b.rows.length} ${b.kind === 'fields' ? 'fields' : 'rows'}: ${summary(b.rows[0] ?? [])}`;
}

/** Compares the blocks of the file with those of the register version's own file. */
export function compareBlocks(found: readonly Block[], expected: readonly Block[], out: Differences): void {
  const byId = new Map(found.map((b) => [b.id, b]));
  const matched = new Set<Block>();
  const pairs: [Block, Block][] = [];
  const missing: Block[] = [];
  for (const e of expected) {
    const f = byId.get(e.id);
    if (f && !matched.has(f)) {
      matched.add(f);
      pairs.push([f, e]);
    } else missing.push(e);
  }
  // Blocks left over on both sides (a heading or sheet renamed): paired in order, kind by kind.
  const extra = found.filter((b) => !matched.has(b));
  for (const e of missing) {
    const at = extra.findIndex((f) => f.kind === e.kind && f.header === e.header);
    if (at < 0) {
      if (e.kind === 'fields') compareFields({ ...e, rows: [] }, e, out);
      else out.add({ where: e.where, row: null, field: null, found: '', expected: describeBlock(e) });
      continue;
    }
    pairs.push([extra[at]!, e]);
    extra.splice(at, 1);
  }
  for (const f of extra) {
    // Fields one by one (a sheet that is "hidden"), anything else as a whole.
    if (f.kind === 'fields') compareFields(f, { ...f, rows: [] }, out);
    else out.add({ where: f.where, row: null, field: null, found: describeBlock(f), expected: '' });
  }
  for (const [f, e] of pairs) {
    if (e.kind === 'fields') compareFields(f, e, out);
    else compareRows(f, e, out);
  }
}
