/**
 * Three-way merge of one organisation's submissions: the version a workbook is based on (`base`), the
 * workbook (`mine`) and the newer version someone else saved (`theirs`). Each side is compared with the base,
 * row by row by key and field by field, so a change on one side only is taken without a question, and only a
 * field both sides changed to different values is a conflict (with base, mine and theirs to choose from).
 *
 * Generic over the submission's tables: every array-valued property is a row table and every object-valued
 * property (About) a table of fields, so a table added to the contract is merged without a change here. Rows
 * are matched by their table's key: contacts by email (ignoring case), roles by activity, participation by
 * forum (ignoring case), and any other table (commitments, data sharing) by `ref`; a row without its key
 * (a commitment without a Ref) is matched by its whole content, so editing it reads as remove + add. Rows
 * that share a key are matched in order ("k", "k#2", ...), as register diffs match them (shared/diff.ts).
 */
import { canonicalJson } from './digest.js';

export type Side = 'base' | 'mine' | 'theirs';
type Row = Record<string, unknown>;
type Doc = Record<string, unknown>;

/** The field each row table is keyed by, and whether case is ignored; tables not listed are keyed by `ref`. */
const KEY_FIELDS: Record<string, { field: string; ignoreCase: boolean }> = {
  contacts: { field: 'email', ignoreCase: true },
  roles: { field: 'activityId', ignoreCase: false },
  participation: { field: 'forum', ignoreCase: true },
};
const DEFAULT_KEY = { field: 'ref', ignoreCase: false };

/** A row's key in its table: its key field's value, or its whole content when that is blank. */
export function rowKey(table: string, row: Row): string {
  const { field, ignoreCase } = KEY_FIELDS[table] ?? DEFAULT_KEY;
  const value = row[field];
  if (value === null || value === undefined || value === '') return `content:${canonicalJson(row)}`;
  const text = String(value).trim();
  return `${field}:${ignoreCase ? text.toLowerCase() : text}`;
}

/** A row in a few words, for the pane: its first identifying fields. */
export function rowLabel(row: Row | null | undefined): string {
  if (!row) return '';
  const parts = ['ref', 'name', 'email', 'activity', 'forum', 'dataset', 'description']
    .map((k) => row[k])
    .filter((v) => v !== null && v !== undefined && v !== '');
  return parts.slice(0, 2).map(String).join(' · ') || canonicalJson(row);
}

function same(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  return canonicalJson(x) === canonicalJson(y);
}

function keyed(table: string, rows: readonly Row[]): Map<string, Row> {
  const counts = new Map<string, number>();
  const out = new Map<string, Row>();
  for (const row of rows) {
    const k = rowKey(table, row);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    out.set(n === 1 ? k : `${k}#${n}`, row);
  }
  return out;
}

const isRecord = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One side's change to one row (or one About field set), relative to the base. */
export interface Change {
  table: string;
  /** The row's key; '' for a table of fields (About). */
  key: string;
  kind: 'added' | 'removed' | 'changed';
  /** The row as that side has it (as the base had it when removed). */
  row: Row;
  /** For 'changed': the fields that differ from the base. */
  fields: string[];
}

/** Every change from `base` to `side`, table by table in the document's order. */
export function changesOf<T extends object>(baseDoc: T | null, sideDoc: T): Change[] {
  const base = baseDoc as Doc | null;
  const side = sideDoc as Doc;
  const out: Change[] = [];
  for (const table of tablesOf(base ?? {}, side)) {
    const b = (base ?? {})[table];
    const s = side[table];
    if (Array.isArray(s) || Array.isArray(b)) {
      const kb = keyed(table, (b as Row[] | undefined) ?? []);
      const ks = keyed(table, (s as Row[] | undefined) ?? []);
      for (const [key, row] of kb) {
        const after = ks.get(key);
        if (!after) out.push({ table, key, kind: 'removed', row, fields: [] });
        else {
          const fields = fieldsOf(row, after).filter((f) => !same(row[f], after[f]));
          if (fields.length) out.push({ table, key, kind: 'changed', row: after, fields });
        }
      }
      for (const [key, row] of ks) if (!kb.has(key)) out.push({ table, key, kind: 'added', row, fields: [] });
    } else if (isRecord(s) || isRecord(b)) {
      const rb = isRecord(b) ? b : {};
      const rs = isRecord(s) ? s : {};
      const fields = fieldsOf(rb, rs).filter((f) => !same(rb[f], rs[f]));
      if (fields.length) out.push({ table, key: '', kind: 'changed', row: rs, fields });
    }
  }
  return out;
}

function fieldsOf(...rows: (Row | null | undefined)[]): string[] {
  return [...new Set(rows.flatMap((r) => (r ? Object.keys(r) : [])))];
}

function tablesOf(...docs: Doc[]): string[] {
  return fieldsOf(...docs).filter((t) => docs.some((d) => Array.isArray(d[t]) || isRecord(d[t])));
}

/**
 * A question the merge cannot answer alone. `field` is a field both sides changed to different values; or,
 * with `field` null, a whole row one side removed and the other changed (or both added differently keyed the
 * same but with nothing else to compare): then base, mine and theirs are whole rows (null where absent).
 */
export interface Conflict {
  /** Stable id for a choice: table/key/field. */
  id: string;
  table: string;
  key: string;
  field: string | null;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** The row as the workbook has it, else as theirs has it, for a label. */
  row: Row;
}

/** What to take for each conflict, by conflict id; a conflict without a choice takes mine. */
export type Choices = Record<string, Side>;

export interface MergeResult {
  /** The merged document, every conflict settled by its choice (mine when none). */
  merged: Doc;
  conflicts: Conflict[];
  /** Changes taken from each side without a question (conflicting ones excluded). */
  fromMine: Change[];
  fromTheirs: Change[];
}

function conflictId(table: string, key: string, field: string | null): string {
  return `${table}/${key}/${field ?? '*'}`;
}

/** Merges the fields of one row (or About); null when both removed it. */
function mergeFields(
  table: string,
  key: string,
  base: Row | null,
  mine: Row,
  theirs: Row,
  choices: Choices,
  conflicts: Conflict[],
): Row {
  const out: Row = {};
  for (const field of fieldsOf(mine, theirs, base)) {
    const b = base?.[field] ?? null;
    const m = mine[field] ?? null;
    const t = theirs[field] ?? null;
    const mineChanged = base === null ? true : !same(m, b);
    const theirsChanged = base === null ? true : !same(t, b);
    if (!theirsChanged || same(m, t)) out[field] = m;
    else if (!mineChanged) out[field] = t;
    else {
      const c: Conflict = {
        id: conflictId(table, key, field),
        table,
        key,
        field,
        base: b,
        mine: m,
        theirs: t,
        row: mine,
      };
      conflicts.push(c);
      const choice = choices[c.id] ?? 'mine';
      out[field] = choice === 'base' ? b : choice === 'theirs' ? t : m;
    }
  }
  return out;
}

function mergeRows(
  table: string,
  base: readonly Row[],
  mine: readonly Row[],
  theirs: readonly Row[],
  choices: Choices,
  conflicts: Conflict[],
): Row[] {
  const kb = keyed(table, base);
  const km = keyed(table, mine);
  const kt = keyed(table, theirs);
  const result = new Map<string, Row>();
  const take = (key: string, b: Row | null, m: Row | null, t: Row | null): Row | null => {
    if (m && t) return mergeFields(table, key, b, m, t, choices, conflicts);
    if (!b) return m ?? t;
    // Removed on one side (or both): a removal wins over an unchanged row; against a change it is a question.
    const kept = m ?? t;
    if (!kept || same(kept, b)) return null;
    const c: Conflict = {
      id: conflictId(table, key, null),
      table,
      key,
      field: null,
      base: b,
      mine: m,
      theirs: t,
      row: kept,
    };
    conflicts.push(c);
    const choice = choices[c.id] ?? 'mine';
    return choice === 'base' ? b : choice === 'theirs' ? t : m;
  };
  // Mine's order first, then rows only theirs has, each after the row before it in theirs.
  for (const [key, m] of km) {
    const row = take(key, kb.get(key) ?? null, m, kt.get(key) ?? null);
    if (row) result.set(key, row);
  }
  const order = [...result.keys()];
  let after: string | null = null;
  for (const [key, t] of kt) {
    if (!km.has(key)) {
      const row = take(key, kb.get(key) ?? null, null, t);
      if (row) {
        result.set(key, row);
        const at = after === null ? -1 : order.indexOf(after);
        order.splice(at + 1, 0, key);
      }
    }
    if (order.includes(key)) after = key;
  }
  return order.map((k) => result.get(k)!);
}

/**
 * Merges `mine` and `theirs`, both descended from `base` (null: no known base, so every difference between
 * mine and theirs is a question).
 */
export function mergeThreeWay<T extends object>(
  base: T | null,
  mine: T,
  theirs: T,
  choices: Choices = {},
): Omit<MergeResult, 'merged'> & { merged: T } {
  const b = (base ?? {}) as Doc;
  const m = mine as Doc;
  const t = theirs as Doc;
  const conflicts: Conflict[] = [];
  const merged: Doc = {};
  for (const name of fieldsOf(m, t, b)) {
    const bv = b[name];
    const mv = m[name];
    const tv = t[name];
    if (Array.isArray(mv) || Array.isArray(tv) || Array.isArray(bv)) {
      merged[name] = mergeRows(
        name,
        base ? ((bv as Row[] | undefined) ?? []) : [],
        (mv as Row[] | undefined) ?? [],
        (tv as Row[] | undefined) ?? [],
        choices,
        conflicts,
      );
    } else if (isRecord(mv) || isRecord(tv)) {
      merged[name] = mergeFields(
        name,
        '',
        base && isRecord(bv) ? bv : null,
        isRecord(mv) ? mv : {},
        isRecord(tv) ? tv : {},
        choices,
        conflicts,
      );
    } else {
      // A plain value of the document itself (the organisation id): mine, unless only theirs changed it.
      merged[name] = base && same(mv, bv) && !same(tv, bv) ? tv : (mv ?? tv);
    }
  }
  const inConflict = (c: Change) =>
    conflicts.some((q) => q.table === c.table && q.key === c.key && (q.field === null || c.fields.includes(q.field)));
  const strip = (c: Change): Change | null => {
    if (!inConflict(c)) return c;
    if (c.kind !== 'changed') return null;
    const fields = c.fields.filter(
      (f) => !conflicts.some((q) => q.table === c.table && q.key === c.key && q.field === f),
    );
    // Fields both sides changed to the same value are not "taken" from either side: they already agree.
    return fields.length && !conflicts.some((q) => q.table === c.table && q.key === c.key && q.field === null)
      ? { ...c, fields }
      : null;
  };
  const agreed = (c: Change, other: Change[]) =>
    other.some((o) => o.table === c.table && o.key === c.key && o.kind === c.kind && same(o.row, c.row));
  const mineChanges = changesOf(base ? b : null, m);
  const theirsChanges = changesOf(base ? b : null, t);
  const fromMine = mineChanges.map(strip).filter((c): c is Change => c !== null);
  const fromTheirs = theirsChanges
    .map(strip)
    .filter((c): c is Change => c !== null)
    .filter((c) => !agreed(c, mineChanges))
    .map((c) => {
      // A changed row's fields that mine changed identically came from both: list them once, under mine.
      if (c.kind !== 'changed') return c;
      const mc = mineChanges.find((o) => o.table === c.table && o.key === c.key && o.kind === 'changed');
      if (!mc) return c;
      const fields = c.fields.filter((f) => !(mc.fields.includes(f) && same(mc.row[f], c.row[f])));
      return fields.length ? { ...c, fields } : null;
    })
    .filter((c): c is Change => c !== null);
  return { merged: merged as T, conflicts, fromMine, fromTheirs };
}

/** What became of one's own changes in a later version: still there (kept) or replaced by someone (overwritten). */
export interface ChangeFate {
  change: Change;
  fate: 'kept' | 'overwritten';
  /** For a changed row: the fields whose values were replaced later. */
  overwrittenFields: string[];
}

/**
 * The fate of the changes `before` -> `mine` (one's own submission) in `later` (a version someone saved after
 * it): a change is kept when `later` still has it, overwritten when `later` has something else there.
 */
export function fateOfChanges<T extends object>(before: T | null, mine: T, later: T): ChangeFate[] {
  const laterDoc = later as Doc;
  return changesOf(before, mine).map((change) => {
    const table = laterDoc[change.table];
    if (Array.isArray(table)) {
      const row = keyed(change.table, table as Row[]).get(change.key) ?? null;
      if (change.kind === 'removed') return { change, fate: row ? 'overwritten' : 'kept', overwrittenFields: [] };
      if (!row) return { change, fate: 'overwritten', overwrittenFields: [] };
      const fields = change.kind === 'added' ? fieldsOf(change.row) : change.fields;
      const overwrittenFields = fields.filter((f) => !same(row[f], change.row[f]));
      return { change, fate: overwrittenFields.length ? 'overwritten' : 'kept', overwrittenFields };
    }
    const fields = isRecord(table) ? table : {};
    const overwrittenFields = change.fields.filter((f) => !same(fields[f], change.row[f]));
    return { change, fate: overwrittenFields.length ? 'overwritten' : 'kept', overwrittenFields };
  });
}
