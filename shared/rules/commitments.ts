/**
 * The Commitments table.
 *
 * Decisions:
 * - Refs are unique ignoring case and surrounding spaces ("C1" and "c1" are the same Ref).
 * - Outside the MoU period (a warning): a Start before the MoU starts or after it ends is reported at Start;
 *   an End after the MoU ends at End. An open-ended commitment (blank End) is read as lasting while the MoU
 *   does and is not reported.
 */
import { DEFAULT_PROJECT } from '../contract.js';
import { ukDate } from '../displayFormat.js';
import { enumLabel, RESOURCE_TYPE, UNIT, UNITS_BY_RESOURCE_TYPE } from '../enums.js';
import type { Commitment, Partnership } from '../types.js';
import { dataRows, numberOf, placeOf, readRow, textOf, type IssueList, type LocatedTable } from '../table.js';

export function readCommitments(table: LocatedTable | null, partnership: Partnership, issues: IssueList): Commitment[] {
  if (!table) return [];
  const commitments: Commitment[] = [];
  const refRows = new Map<string, number>();
  // In words once, not for every row (a PUT of 50 rows formatted it 100 times).
  const period = `the MoU period ${ukDate(partnership.mouStart)} to ${ukDate(partnership.mouEnd)}`;
  for (const row of dataRows(table)) {
    const v = readRow(table, row, issues);
    const c: Commitment = {
      ref: textOf(v, 'ref'),
      resourceType: textOf(v, 'resourceType') ?? '',
      description: textOf(v, 'description') ?? '',
      quantity: numberOf(v, 'quantity') ?? 0,
      unit: textOf(v, 'unit') ?? '',
      start: textOf(v, 'start') ?? '',
      end: textOf(v, 'end'),
      project: textOf(v, 'project') ?? DEFAULT_PROJECT,
      status: textOf(v, 'status') ?? '',
      notes: textOf(v, 'notes'),
    };
    commitments.push(c);

    if (c.ref !== null) {
      const key = c.ref.toLowerCase();
      const first = refRows.get(key);
      if (first === undefined) refRows.set(key, row.excelRow);
      else {
        issues.add(
          'row/duplicate',
          `Ref "${c.ref}" is already used in row ${first}; each commitment needs its own Ref (or none).`,
          placeOf(table, row, 'ref'),
        );
      }
    }
    const quantity = numberOf(v, 'quantity');
    if (quantity !== null && quantity <= 0) {
      issues.add(
        'cell/range',
        `Quantity ${quantity} is not allowed; it must be greater than 0.`,
        placeOf(table, row, 'quantity'),
      );
    }
    const allowed = UNITS_BY_RESOURCE_TYPE[c.resourceType];
    if (c.unit !== '' && allowed && !allowed.includes(c.unit)) {
      issues.add(
        'commitment/unit-mismatch',
        `Unit "${enumLabel(UNIT, c.unit)}" does not fit resource type "${enumLabel(RESOURCE_TYPE, c.resourceType)}"; use one of: ${allowed.map((u) => enumLabel(UNIT, u)).join(', ')}.`,
        placeOf(table, row, 'unit'),
      );
    }
    if (c.start !== '' && c.end !== null && c.end < c.start) {
      issues.add(
        'commitment/end-before-start',
        `End ${ukDate(c.end)} is before Start ${ukDate(c.start)}; a commitment cannot end before it starts.`,
        placeOf(table, row, 'end'),
      );
    }
    if (c.start !== '' && (c.start < partnership.mouStart || c.start > partnership.mouEnd)) {
      issues.add(
        'commitment/outside-mou-period',
        `Start ${ukDate(c.start)} is outside ${period}; check the date, or note why the commitment falls outside it.`,
        placeOf(table, row, 'start'),
      );
    }
    if (c.end !== null && c.end > partnership.mouEnd) {
      issues.add(
        'commitment/outside-mou-period',
        `End ${ukDate(c.end)} is after ${period} ends; check the date, or note why the commitment runs beyond it.`,
        placeOf(table, row, 'end'),
      );
    }
  }
  return commitments;
}
