/**
 * Differences between two registers, for the PMG to review what a new consolidation changed. Rows are matched
 * by key: organisations by id; contacts by organisation + email (ignoring case); commitments by organisation +
 * ref, or by their whole content when ref is null (so a changed ref-less commitment shows as removed + added);
 * roles by organisation + activity id; participation by organisation + forum (ignoring case); data sharing by
 * organisation + ref, or organisation + dataset (ignoring case) when ref is null. Rows that share
 * a key are matched in order. Issues are compared whole: an issue in `b` only is added, in `a` only resolved.
 */
import { canonicalJson } from './digest.js';
import type { Issue } from './issues.js';
import type {
  OrganisationTotals,
  Register,
  RegisterCommitment,
  RegisterContact,
  RegisterDataSharing,
  RegisterOrganisation,
  RegisterParticipation,
  RegisterRole,
  RegisterTableName,
} from './types.js';
import { compareCodeUnits } from './order.js';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface RowChange<T> {
  key: string;
  before: T;
  after: T;
  changes: FieldChange[];
}

export interface TableDiff<T> {
  added: T[];
  removed: T[];
  changed: RowChange<T>[];
}

export interface RegisterTableDiffs {
  organisations: TableDiff<RegisterOrganisation>;
  contacts: TableDiff<RegisterContact>;
  commitments: TableDiff<RegisterCommitment>;
  roles: TableDiff<RegisterRole>;
  participation: TableDiff<RegisterParticipation>;
  dataSharing: TableDiff<RegisterDataSharing>;
}

/** A value of one organisation that appeared (from null), disappeared (to null) or changed. */
export interface OrganisationValueChange<T> {
  organisationId: string;
  from: T | null;
  to: T | null;
}

export interface RegisterDiff {
  from: { version: number; digest: string };
  to: { version: number; digest: string };
  /** Same digest: nothing but version and createdAt differ. */
  identical: boolean;
  partnership: FieldChange[];
  /** Submission versions consolidated, per organisation. */
  sources: OrganisationValueChange<number>[];
  tables: RegisterTableDiffs;
  stakes: OrganisationValueChange<number>[];
  totals: RowChange<OrganisationTotals>[];
  issues: { added: Issue[]; resolved: Issue[] };
  summary: {
    tables: Record<RegisterTableName, { added: number; removed: number; changed: number }>;
    stakesChanged: number;
    totalsChanged: number;
    issuesAdded: number;
    issuesResolved: number;
    /** Everything above added up, plus partnership fields and sources changed. */
    changes: number;
  };
}

/** Equal as canonical JSON; scalars (most fields) are compared directly, without writing them out. */
function same(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  return canonicalJson(x) === canonicalJson(y);
}

/** Fields whose values differ, in the order of `a`'s keys then any new keys of `b`. */
export function fieldChanges(a: object, b: object): FieldChange[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
  return fields.filter((f) => !same(ra[f], rb[f])).map((f) => ({ field: f, from: ra[f] ?? null, to: rb[f] ?? null }));
}

/** Keys made unique by occurrence: the second row with key k gets "k#2". */
function keyed<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T> {
  const counts = new Map<string, number>();
  const out = new Map<string, T>();
  for (const row of rows) {
    const k = keyOf(row);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    out.set(n === 1 ? k : `${k}#${n}`, row);
  }
  return out;
}

export function diffTable<T extends object>(a: readonly T[], b: readonly T[], keyOf: (row: T) => string): TableDiff<T> {
  const ka = keyed(a, keyOf);
  const kb = keyed(b, keyOf);
  const result: TableDiff<T> = { added: [], removed: [], changed: [] };
  for (const [key, before] of ka) {
    const after = kb.get(key);
    if (after === undefined) result.removed.push(before);
    else {
      const changes = fieldChanges(before, after);
      if (changes.length > 0) result.changed.push({ key, before, after, changes });
    }
  }
  for (const [key, after] of kb) if (!ka.has(key)) result.added.push(after);
  return result;
}

const lower = (s: string): string => s.trim().toLowerCase();

/** How rows of each table are matched between registers. */
export const ROW_KEYS = {
  organisations: (o: RegisterOrganisation) => o.id,
  contacts: (c: RegisterContact) => `${c.organisationId}/${lower(c.email)}`,
  commitments: (c: RegisterCommitment) =>
    c.ref !== null ? `${c.organisationId}/ref:${c.ref}` : `${c.organisationId}/content:${canonicalJson(c)}`,
  roles: (r: RegisterRole) => `${r.organisationId}/${r.activityId}`,
  participation: (p: RegisterParticipation) => `${p.organisationId}/${lower(p.forum)}`,
  dataSharing: (d: RegisterDataSharing) =>
    d.ref !== null ? `${d.organisationId}/ref:${d.ref}` : `${d.organisationId}/dataset:${lower(d.dataset)}`,
};

function valueChanges<T>(
  a: readonly { id: string; value: T }[],
  b: readonly { id: string; value: T }[],
): OrganisationValueChange<T>[] {
  const ma = new Map(a.map((x) => [x.id, x.value]));
  const mb = new Map(b.map((x) => [x.id, x.value]));
  const ids = [...new Set([...ma.keys(), ...mb.keys()])].sort(compareCodeUnits);
  return ids
    .filter((id) => !same(ma.get(id), mb.get(id)))
    .map((id) => ({ organisationId: id, from: ma.get(id) ?? null, to: mb.get(id) ?? null }));
}

function issueDiff(a: readonly Issue[], b: readonly Issue[]): { added: Issue[]; resolved: Issue[] } {
  const only = (xs: readonly Issue[], ys: readonly Issue[]): Issue[] => {
    const left = new Map<string, number>();
    for (const y of ys) {
      const key = canonicalJson(y);
      left.set(key, (left.get(key) ?? 0) + 1);
    }
    return xs.filter((x) => {
      const key = canonicalJson(x);
      const n = left.get(key) ?? 0;
      if (n > 0) left.set(key, n - 1);
      return n === 0;
    });
  };
  return { added: only(b, a), resolved: only(a, b) };
}

export function diffRegisters(a: Register, b: Register): RegisterDiff {
  const tables: RegisterTableDiffs = {
    organisations: diffTable(a.organisations, b.organisations, ROW_KEYS.organisations),
    contacts: diffTable(a.contacts, b.contacts, ROW_KEYS.contacts),
    commitments: diffTable(a.commitments, b.commitments, ROW_KEYS.commitments),
    roles: diffTable(a.roles, b.roles, ROW_KEYS.roles),
    participation: diffTable(a.participation, b.participation, ROW_KEYS.participation),
    // Contract 1.1: a register without `dataSharing` has none.
    dataSharing: diffTable(a.dataSharing ?? [], b.dataSharing ?? [], ROW_KEYS.dataSharing),
  };
  const partnership = fieldChanges(a.partnership, b.partnership);
  const sources = valueChanges(
    a.sources.map((s) => ({ id: s.organisationId, value: s.submissionVersion })),
    b.sources.map((s) => ({ id: s.organisationId, value: s.submissionVersion })),
  );
  const stakes = valueChanges(
    a.organisations.map((o) => ({ id: o.id, value: o.stake })),
    b.organisations.map((o) => ({ id: o.id, value: o.stake })),
  );
  const totals = diffTable(a.totals.byOrganisation, b.totals.byOrganisation, (t) => t.organisationId);
  const issues = issueDiff(a.issues, b.issues);

  const tableSummary = Object.fromEntries(
    (Object.keys(tables) as RegisterTableName[]).map((name) => [
      name,
      { added: tables[name].added.length, removed: tables[name].removed.length, changed: tables[name].changed.length },
    ]),
  ) as RegisterDiff['summary']['tables'];
  const rowChanges = Object.values(tableSummary).reduce((n, t) => n + t.added + t.removed + t.changed, 0);
  const totalsChanged = totals.changed.length;
  return {
    from: { version: a.version, digest: a.digest },
    to: { version: b.version, digest: b.digest },
    identical: a.digest === b.digest,
    partnership,
    sources,
    tables,
    stakes,
    totals: totals.changed,
    issues,
    summary: {
      tables: tableSummary,
      stakesChanged: stakes.length,
      totalsChanged,
      issuesAdded: issues.added.length,
      issuesResolved: issues.resolved.length,
      changes:
        rowChanges +
        stakes.length +
        totalsChanged +
        issues.added.length +
        issues.resolved.length +
        partnership.length +
        sources.length,
    },
  };
}
