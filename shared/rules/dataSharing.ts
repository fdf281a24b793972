/**
 * The Data sharing table (contract 1.1, optional): one row per dataset the organisation shares.
 *
 * Decisions:
 * - Refs are unique ignoring case and surrounding spaces, as in Commitments.
 * - Recipients: `All partners` (any case) on its own is stored as "all"; otherwise the cell is split at `;`,
 *   each part matched to a catalogue organisation by id or name (ignoring case and spacing), and stored as
 *   the ids in id order without repeats, so "A; B" and "B; A" are the same sharing. Each part that is not a
 *   catalogue organisation (or `All partners` among named ones) is one `data-sharing/unknown-recipient`.
 * - A rule about a missing value (lawful basis, condition, DPIA, review date, agreement) looks at the cell
 *   itself: a cell that holds a value the parser refused already has its own issue, and gets no second one.
 *   The rules apply to the Personal data value as read; a blank or unknown Personal data applies none.
 * - A review date after the MoU's end is fine (a review may be due after it); one before its start is
 *   `data-sharing/review-before-mou`.
 */
import { ALL_PARTNERS } from '../contract.js';
import { isBlank } from '../cells.js';
import { ukDate } from '../displayFormat.js';
import { enumLabel, IDENTIFIABLE, NEEDS_CONDITION, NEEDS_LAWFUL_BASIS, PERSONAL_DATA } from '../enums.js';
import { compareCodeUnits } from '../order.js';
import type { CatalogueOrganisation, DataSharing, Partnership } from '../types.js';
import {
  dataRows,
  listForMessage,
  normaliseName,
  placeOf,
  rawCell,
  readRow,
  textOf,
  type IssueList,
  type LocatedTable,
} from '../table.js';

/** Matches recipients text to catalogue ids: "all", the ids in id order, and the parts that matched nothing. */
export function matchRecipients(
  text: string,
  organisations: readonly CatalogueOrganisation[],
): { recipients: 'all' | string[]; unknown: string[] } {
  const all = normaliseName(ALL_PARTNERS);
  if (normaliseName(text) === all) return { recipients: 'all', unknown: [] };
  const byName = new Map<string, string>();
  for (const o of organisations) byName.set(normaliseName(o.id), o.id);
  for (const o of organisations) if (!byName.has(normaliseName(o.name))) byName.set(normaliseName(o.name), o.id);
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const part of text.split(';')) {
    const name = part.trim();
    if (name === '') continue;
    const id = byName.get(normaliseName(name));
    if (id === undefined) unknown.push(name);
    else ids.add(id);
  }
  return { recipients: [...ids].sort(compareCodeUnits), unknown };
}

export function readDataSharing(
  table: LocatedTable | null,
  catalogue: { partnership: Partnership; organisations: readonly CatalogueOrganisation[] },
  issues: IssueList,
): DataSharing[] {
  if (!table) return [];
  const rows: DataSharing[] = [];
  const refRows = new Map<string, number>();
  const { mouStart, mouEnd } = catalogue.partnership;
  for (const row of dataRows(table)) {
    const v = readRow(table, row, issues);
    const recipientsText = textOf(v, 'recipients');
    let recipients: 'all' | string[] = [];
    if (recipientsText !== null) {
      const matched = matchRecipients(recipientsText, catalogue.organisations);
      recipients = matched.recipients;
      for (const name of matched.unknown) {
        issues.add(
          'data-sharing/unknown-recipient',
          normaliseName(name) === normaliseName(ALL_PARTNERS)
            ? `Recipients names "${ALL_PARTNERS}" among other recipients; write "${ALL_PARTNERS}" on its own, or name each recipient.`
            : `Recipient "${name}" is not an organisation of the partnership catalogue; write "${ALL_PARTNERS}", or names or ids separated by ; from: ${listForMessage(catalogue.organisations.map((o) => o.name))}.`,
          placeOf(table, row, 'recipients'),
        );
      }
    }
    const d: DataSharing = {
      ref: textOf(v, 'ref'),
      dataset: textOf(v, 'dataset') ?? '',
      recipients,
      purpose: textOf(v, 'purpose') ?? '',
      personalData: textOf(v, 'personalData') ?? '',
      lawfulBasis: textOf(v, 'lawfulBasis'),
      condition: textOf(v, 'condition'),
      controllerRole: textOf(v, 'controllerRole') ?? '',
      agreementRef: textOf(v, 'agreementRef'),
      dpiaRef: textOf(v, 'dpiaRef'),
      reviewDate: textOf(v, 'reviewDate'),
      retention: textOf(v, 'retention'),
      status: textOf(v, 'status') ?? '',
      notes: textOf(v, 'notes'),
    };
    rows.push(d);

    if (d.ref !== null) {
      const key = d.ref.toLowerCase();
      const first = refRows.get(key);
      if (first === undefined) refRows.set(key, row.excelRow);
      else {
        issues.add(
          'row/duplicate',
          `Ref "${d.ref}" is already used in row ${first}; each dataset needs its own Ref (or none).`,
          placeOf(table, row, 'ref'),
        );
      }
    }
    const missing = (key: string): boolean => isBlank(rawCell(table, row, key));
    const category = `"${enumLabel(PERSONAL_DATA, d.personalData)}" data`;
    if (NEEDS_LAWFUL_BASIS.includes(d.personalData) && missing('lawfulBasis')) {
      issues.add(
        'data-sharing/lawful-basis-required',
        `Lawful basis is required for ${category}: choose the UK GDPR Article 6 basis, or Law enforcement (DPA 2018 Part 3).`,
        placeOf(table, row, 'lawfulBasis'),
      );
    }
    if (NEEDS_CONDITION.includes(d.personalData) && missing('condition')) {
      issues.add(
        'data-sharing/condition-required',
        `Condition is required for ${category}: name the UK GDPR Article 9 or 10 condition, or the DPA 2018 Schedule 1 or 8 condition.`,
        placeOf(table, row, 'condition'),
      );
    }
    if (NEEDS_CONDITION.includes(d.personalData) && missing('dpiaRef')) {
      issues.add(
        'data-sharing/no-dpia',
        `${category} should have a data protection impact assessment: give its reference in DPIA ref.`,
        placeOf(table, row, 'dpiaRef'),
      );
    }
    if (IDENTIFIABLE.includes(d.personalData) && missing('reviewDate')) {
      issues.add(
        'data-sharing/no-review-date',
        `Sharing ${category} should have a review date.`,
        placeOf(table, row, 'reviewDate'),
      );
    }
    if (IDENTIFIABLE.includes(d.personalData) && missing('agreementRef')) {
      issues.add(
        'data-sharing/no-agreement',
        `Sharing ${category} should have a data sharing agreement (an MoU alone is not one): give its reference, or its Information Sharing Gateway reference, in Agreement ref.`,
        placeOf(table, row, 'agreementRef'),
      );
    }
    if (d.reviewDate !== null && d.reviewDate < mouStart) {
      issues.add(
        'data-sharing/review-before-mou',
        `Review date ${ukDate(d.reviewDate)} is before the MoU period ${ukDate(mouStart)} to ${ukDate(mouEnd)} starts; check the date.`,
        placeOf(table, row, 'reviewDate'),
      );
    }
  }
  return rows;
}
