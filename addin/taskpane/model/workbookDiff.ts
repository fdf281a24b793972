/**
 * What differs between the workbook and a newer version on the service (a 412): for About field by field,
 * and for each row table the rows added, removed and changed, field by field, matched as register diffs match
 * rows (shared/diff.ts ROW_KEYS: contacts by email, commitments by Ref, roles by activity, participation by
 * forum). "Added" means in the server's version and not in the workbook.
 */
import { diffTable, fieldChanges, ROW_KEYS, type FieldChange, type TableDiff } from '../../../shared/diff.js';
import type { Submission } from '../../../shared/types.js';

export type RowTable = 'contacts' | 'commitments' | 'roles' | 'participation';
export const ROW_TABLES: readonly RowTable[] = ['contacts', 'commitments', 'roles', 'participation'];

export interface WorkbookDiff {
  about: FieldChange[];
  tables: Record<RowTable, TableDiff<Record<string, unknown>>>;
  /** Every change counted: About fields plus rows added, removed and changed. */
  changes: number;
}

/** Differences from the workbook (`mine`) to the service's version (`theirs`). */
export function workbookDiff(mine: Submission, theirs: Submission): WorkbookDiff {
  const withOrg = (s: Submission, table: RowTable) =>
    (s[table] as unknown as Record<string, unknown>[]).map((row) => ({ ...row, organisationId: s.organisationId }));
  const tables = {} as WorkbookDiff['tables'];
  let changes = 0;
  for (const table of ROW_TABLES) {
    const keyOf = ROW_KEYS[table] as unknown as (row: Record<string, unknown>) => string;
    const diff = diffTable(withOrg(mine, table), withOrg(theirs, table), keyOf);
    const strip = (row: Record<string, unknown>) => {
      const { organisationId: _organisationId, ...rest } = row;
      return rest;
    };
    tables[table] = {
      added: diff.added.map(strip),
      removed: diff.removed.map(strip),
      changed: diff.changed.map((c) => ({ ...c, before: strip(c.before), after: strip(c.after) })),
    };
    changes += diff.added.length + diff.removed.length + diff.changed.length;
  }
  const about = fieldChanges(mine.about, theirs.about);
  return { about, tables, changes: changes + about.length };
}
