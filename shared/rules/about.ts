/**
 * The About table: Field/Value rows, checked against the partnership catalogue.
 *
 * Decisions:
 * - A Field that is not an About field is the warning `table/extra-column` (About's fields are its columns,
 *   written downwards) at the Field cell, and the row is ignored.
 * - A field given twice is `row/duplicate` at the second Field cell; the first is read.
 * - A required field without a row is `cell/required` on the About sheet (no cell to point at).
 * - Without a Field or Value column (`table/missing-column`) nothing is read, so nothing else is reported.
 * - Organisation ID matches a catalogue id ignoring case and is stored as the catalogue spells it.
 * - Name, sector, involvement and tier are kept as About states them; where one differs from the catalogue
 *   (names compared ignoring case and spacing) it is the warning `about/differs-from-catalogue`. A tier in
 *   About when the catalogue has none is not a difference: it supplies the tier. The warning names the
 *   organisation the ID points to and says to correct the ID first, since a mistyped ID is the likelier cause.
 * - When the Organisation ID is unknown or is another organisation's (`about/organisation-not-yours`), only
 *   that error is reported: comparing About with the wrong organisation would only add misleading warnings.
 */
import { isBlank } from '../cells.js';
import { ABOUT } from '../contract.js';
import { enumLabel, INVOLVEMENT, SECTOR } from '../enums.js';
import type { About, Catalogue, CatalogueOrganisation, Tier } from '../types.js';
import {
  dataRows,
  listForMessage,
  normaliseName,
  placeOf,
  rawCell,
  readCellAt,
  type CellData,
  type IssueList,
  type LocatedTable,
  type Place,
} from '../table.js';

export interface AboutResult {
  about: About | null;
  /** The catalogue organisation the workbook is for, when its Organisation ID is in the catalogue. */
  organisation: CatalogueOrganisation | null;
}

const FIELDS_BY_NAME = new Map(ABOUT.fields.map((f) => [normaliseName(f.header), f] as const));

function stringOrNull(v: CellData | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

export function readAbout(
  table: LocatedTable | null,
  catalogue: Catalogue,
  opts: { expectedOrganisationId?: string | undefined },
  issues: IssueList,
): AboutResult {
  if (!table) return { about: null, organisation: null };
  const values = new Map<string, CellData>();
  const places = new Map<string, Place>();
  const fieldRows = new Map<string, number>();
  /** Fields with a value that could not be read (already reported). */
  const invalid = new Set<string>();
  const fieldCol = ABOUT.columns[0];
  const valueCol = ABOUT.columns[1];
  if (!fieldCol || !valueCol) return { about: null, organisation: null };
  // Without its Field or Value column, the table/missing-column issue says it all: nothing can be read.
  if (!table.columns.has(fieldCol.key) || !table.columns.has(valueCol.key)) return { about: null, organisation: null };

  for (const row of dataRows(table)) {
    const name = readCellAt(fieldCol, rawCell(table, row, 'field'), placeOf(table, row, 'field'), issues, 'About row');
    if (typeof name !== 'string') continue;
    const field = FIELDS_BY_NAME.get(normaliseName(name));
    if (!field) {
      issues.add(
        'table/extra-column',
        `Field "${name}" is not an About field and is ignored. The fields are: ${ABOUT.fields.map((f) => f.header).join(', ')}.`,
        placeOf(table, row, 'field'),
      );
      continue;
    }
    const firstRow = fieldRows.get(field.key);
    if (firstRow !== undefined) {
      issues.add(
        'row/duplicate',
        `Field "${field.header}" is given again; it is already given in row ${firstRow}. Keep one row per field.`,
        placeOf(table, row, 'field'),
      );
      continue;
    }
    fieldRows.set(field.key, row.excelRow);
    const place = placeOf(table, row, 'value');
    places.set(field.key, place);
    const raw = rawCell(table, row, 'value');
    const value = readCellAt(field, raw, place, issues, 'workbook', field.header);
    if (value === null && !isBlank(raw)) invalid.add(field.key);
    values.set(field.key, value);
  }
  for (const field of ABOUT.fields) {
    if (field.required && !fieldRows.has(field.key)) {
      issues.add(
        'cell/required',
        `About has no "${field.header}" field; add a row with Field "${field.header}" and its value. ${field.help}`,
        { sheet: table.sheet },
      );
    }
  }

  const idText = stringOrNull(values.get('organisationId'));
  const idPlace = places.get('organisationId') ?? { sheet: table.sheet };
  let organisation: CatalogueOrganisation | null = null;
  /** The Organisation ID names another organisation than the one submitting: About is not compared. */
  let notYours = false;
  if (idText !== null) {
    const wanted = idText.toLowerCase();
    organisation = catalogue.organisations.find((o) => o.id.toLowerCase() === wanted) ?? null;
    if (!organisation) {
      issues.add(
        'about/unknown-organisation',
        `Organisation ID "${idText}" is not in the catalogue of ${catalogue.partnership.name}. The organisation ids are: ${listForMessage(catalogue.organisations.map((o) => o.id))}.`,
        idPlace,
      );
    } else if (
      opts.expectedOrganisationId !== undefined &&
      opts.expectedOrganisationId.toLowerCase() !== organisation.id.toLowerCase()
    ) {
      notYours = true;
      const expected = catalogue.organisations.find(
        (o) => o.id.toLowerCase() === opts.expectedOrganisationId?.toLowerCase(),
      );
      issues.add(
        'about/organisation-not-yours',
        `This workbook is for ${organisation.name} ("${organisation.id}"), but you may submit only for ${expected ? `${expected.name} ("${expected.id}")` : `"${opts.expectedOrganisationId}"`}.`,
        idPlace,
      );
    }
  }

  const tierId = stringOrNull(values.get('fundingTier'));
  const fundingTier = tierId === null ? null : (Number(tierId) as Tier);
  const about: About = {
    organisationId: organisation?.id ?? idText ?? '',
    organisationName: stringOrNull(values.get('organisationName')) ?? '',
    sector: stringOrNull(values.get('sector')),
    involvement: stringOrNull(values.get('involvement')),
    fundingTier,
    signatory: stringOrNull(values.get('signatory')),
    signedOn: stringOrNull(values.get('signedOn')),
  };
  if (organisation && !notYours)
    compareWithCatalogue(about, organisation, catalogue, places, invalid, table.sheet, issues);
  return { about, organisation };
}

function compareWithCatalogue(
  about: About,
  org: CatalogueOrganisation,
  catalogue: Catalogue,
  places: ReadonlyMap<string, Place>,
  invalid: ReadonlySet<string>,
  sheet: string,
  issues: IssueList,
): void {
  const differs = (key: string, header: string, stated: string, listed: string): void => {
    issues.add(
      'about/differs-from-catalogue',
      `${header} is ${stated} here but ${listed} for ${org.name} ("${org.id}") in the partnership catalogue; the catalogue's value is used. If the Organisation ID is wrong, correct it; otherwise correct this value, or ask the PMG to correct the catalogue if it is the catalogue that is wrong.`,
      places.get(key) ?? { sheet },
    );
  };
  if (about.organisationName !== '' && normaliseName(about.organisationName) !== normaliseName(org.name)) {
    differs('organisationName', 'Organisation name', `"${about.organisationName}"`, `"${org.name}"`);
  }
  if (about.sector !== null && about.sector !== org.sector) {
    differs('sector', 'Sector', `"${enumLabel(SECTOR, about.sector)}"`, `"${enumLabel(SECTOR, org.sector)}"`);
  }
  if (about.involvement !== null && about.involvement !== org.involvement) {
    differs(
      'involvement',
      'Involvement',
      `"${enumLabel(INVOLVEMENT, about.involvement)}"`,
      `"${enumLabel(INVOLVEMENT, org.involvement)}"`,
    );
  }
  const listedTier = org.tier ?? null;
  if (about.fundingTier !== null && listedTier !== null && about.fundingTier !== listedTier) {
    differs('fundingTier', 'Funding tier', String(about.fundingTier), String(listedTier));
  }
  if (
    catalogue.partnership.governanceModel === 'tiered' &&
    org.involvement === 'governance-and-funding' &&
    about.fundingTier === null &&
    listedTier === null &&
    !invalid.has('fundingTier')
  ) {
    issues.add(
      'about/tier-required',
      `${org.name} is a governance and funding partner of a tiered partnership, so it needs a Funding tier (1, 2 or 3); the catalogue has none, so give it here.`,
      places.get('fundingTier') ?? { sheet },
    );
  }
}
