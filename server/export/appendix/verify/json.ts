/**
 * The register JSON compared field by field with the register version's own JSON: every field named by its path
 * (`totals.byOrganisation[2].fundingGbp`), the rows of each list matched by content and key like a table's rows,
 * so a row added or removed is named rather than shifting the rows after it. A key given twice in one object is
 * named too: JSON.parse keeps the last value, and another reader may take the first. The file's depth was bounded
 * before it was parsed (open.ts).
 */
import { visit } from 'jsonc-parser';
import { canonicalJson } from '../../../../shared/digest.js';
import { REGISTER_SCHEMA } from '../../../../shared/types.js';
import { PROPERTY } from '../identity.js';
import { matchRows } from './compare.js';
import { NotAnAppendix, type FileIdentity } from './content.js';
import type { Differences } from './differences.js';

const WHERE = 'the register';
/** Fields that name a row, in the order they are tried. */
const KEY_FIELDS = ['id', 'ref', 'code', 'activityId', 'organisationId', 'email', 'name'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: Json | undefined): string {
  if (v === undefined) return '';
  try {
    return typeof v === 'string' ? v : canonicalJson(v);
  } catch {
    return JSON.stringify(v) ?? '';
  }
}

/** The register JSON as read: its value, and the paths of keys it gives more than once. */
export interface JsonContent {
  value: Json;
  duplicateKeys: string[];
}

export function parseJson(source: string): JsonContent {
  let value: Json;
  try {
    value = JSON.parse(source) as Json;
  } catch {
    throw new NotAnAppendix('the file is neither a Word, Excel or zip file nor valid JSON.');
  }
  return { value, duplicateKeys: duplicateKeys(source) };
}

/** "totals.byOrganisation[2].fundingGbp" from its segments. */
const pathText = (segments: readonly (string | number)[]) =>
  segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

/** The path of every key given a second time in the same object (jsonc-parser's scanner, which keeps them all). */
function duplicateKeys(source: string): string[] {
  const open: Set<string>[] = [];
  const found: string[] = [];
  visit(source, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (key, _offset, _length, _line, _character, pathOf) => {
      const keys = open.at(-1);
      if (!keys) return;
      if (keys.has(key)) found.push(pathText([...pathOf(), key]));
      keys.add(key);
    },
  });
  return found;
}

export function jsonIdentity(value: Json): FileIdentity {
  if (!isObject(value) || value.schema !== REGISTER_SCHEMA) {
    throw new NotAnAppendix(`this JSON is not a register (its "schema" is not "${REGISTER_SCHEMA}").`);
  }
  const partnership = isObject(value.partnership) ? value.partnership : {};
  return {
    properties: {
      [PROPERTY.version]: String(value.version),
      [PROPERTY.digest]: String(value.digest),
      [PROPERTY.partnership]: typeof partnership.id === 'string' ? partnership.id : '',
    },
    partnershipName: typeof partnership.name === 'string' ? partnership.name : null,
  };
}

/** The field of the list's rows that names them: the first of KEY_FIELDS with a distinct value in every row. */
function keyField(rows: readonly Json[]): string | null {
  for (const field of KEY_FIELDS) {
    const seen = new Set<string>();
    if (rows.every((r) => isObject(r) && typeof r[field] === 'string' && !seen.has(r[field]) && seen.add(r[field])))
      return field;
  }
  return null;
}

function compareList(path: string, found: Json[], expected: Json[], out: Differences): void {
  const key = keyField(expected);
  const keyOf = (rows: Json[]) => (i: number) => {
    const r = rows[i];
    return key && isObject(r) && typeof r[key] === 'string' ? r[key] : null;
  };
  const matches = matchRows(found.map(text), expected.map(text), keyOf(found), keyOf(expected));
  const name = (rows: Json[], i: number) => {
    const k = keyOf(rows)(i);
    return k ? `${path}[${i}] (${key} ${k})` : `${path}[${i}]`;
  };
  for (const m of matches) {
    if (m.kind === 'removed') {
      out.add({
        where: WHERE,
        row: null,
        field: `${name(expected, m.expected)} removed`,
        found: '',
        expected: text(expected[m.expected]),
      });
    } else if (m.kind === 'added') {
      out.add({
        where: WHERE,
        row: null,
        field: `${name(found, m.found)} added`,
        found: text(found[m.found]),
        expected: '',
      });
    } else {
      if (m.kind === 'moved') {
        out.add({
          where: WHERE,
          row: null,
          field: `${name(expected, m.expected)} place`,
          found: `${path}[${m.found}]`,
          expected: `${path}[${m.expected}]`,
        });
      }
      compareValue(`${path}[${m.expected}]`, found[m.found], expected[m.expected], out);
    }
  }
}

function compareValue(path: string, found: Json | undefined, expected: Json | undefined, out: Differences): void {
  if (isObject(found) && isObject(expected)) {
    for (const k of Object.keys(expected)) compareValue(path ? `${path}.${k}` : k, found[k], expected[k], out);
    for (const k of Object.keys(found)) {
      if (!(k in expected))
        out.add({ where: WHERE, row: null, field: path ? `${path}.${k}` : k, found: text(found[k]), expected: '' });
    }
    return;
  }
  if (Array.isArray(found) && Array.isArray(expected)) {
    compareList(path, found, expected, out);
    return;
  }
  if (text(found) !== text(expected) || typeof found !== typeof expected) {
    out.add({
      where: WHERE,
      row: null,
      field: path || '(the whole file)',
      found: text(found),
      expected: text(expected),
    });
  }
}

export function compareJson(found: JsonContent, expected: JsonContent, out: Differences): void {
  const times = new Map<string, number>();
  for (const path of found.duplicateKeys) times.set(path, (times.get(path) ?? 1) + 1);
  for (const [path, n] of times) {
    out.add({ where: WHERE, row: null, field: path, found: `given ${n} times`, expected: 'given once' });
  }
  compareValue('', found.value, expected.value, out);
}
