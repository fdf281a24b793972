/** The Participation table: forums the organisation takes part in. No rules beyond its columns. */
import type { Participation } from '../types.js';
import { dataRows, readRow, textOf, type IssueList, type LocatedTable } from '../table.js';

export function readParticipation(table: LocatedTable | null, issues: IssueList): Participation[] {
  if (!table) return [];
  return dataRows(table).map((row) => {
    const v = readRow(table, row, issues);
    return {
      forum: textOf(v, 'forum') ?? '',
      representative: textOf(v, 'representative') ?? '',
      frequency: textOf(v, 'frequency'),
      channel: textOf(v, 'channel'),
      notes: textOf(v, 'notes'),
    };
  });
}
