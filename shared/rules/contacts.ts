/**
 * The Contacts table. Exactly one contact is the primary Point of contact.
 *
 * Decision: Primary = Yes on a contact whose role is not Point of contact is allowed and kept; it marks the
 * main person in that role (the main PMG member, say). Only the Point of contact role must have exactly
 * one primary.
 */
import { enumLabel, CONTACT_ROLE } from '../enums.js';
import type { Contact } from '../types.js';
import {
  booleanOf,
  dataRows,
  placeOf,
  readRow,
  textOf,
  type DataRow,
  type IssueList,
  type LocatedTable,
} from '../table.js';

const POINT_OF_CONTACT = 'point-of-contact';

export function readContacts(table: LocatedTable | null, issues: IssueList): Contact[] {
  if (!table) return [];
  const contacts: Contact[] = [];
  const pointRows: { primary: boolean; row: DataRow }[] = [];
  for (const row of dataRows(table)) {
    const v = readRow(table, row, issues);
    const contact: Contact = {
      name: textOf(v, 'name') ?? '',
      jobTitle: textOf(v, 'jobTitle'),
      email: textOf(v, 'email') ?? '',
      phone: textOf(v, 'phone'),
      contactRole: textOf(v, 'contactRole') ?? '',
      primary: booleanOf(v, 'primary') ?? false,
    };
    contacts.push(contact);
    if (contact.contactRole === POINT_OF_CONTACT) pointRows.push({ primary: contact.primary, row });
  }

  const label = enumLabel(CONTACT_ROLE, POINT_OF_CONTACT);
  const primaries = pointRows.filter((p) => p.primary);
  if (primaries.length === 0) {
    const first = pointRows[0];
    issues.add(
      'contacts/no-primary',
      first
        ? `No ${label} is marked Primary; set Primary to Yes on exactly one ${label} row.`
        : `No contact is the primary ${label}; add a contact with Contact role "${label}" and Primary "Yes".`,
      first ? placeOf(table, first.row, 'primary') : { sheet: table.sheet },
    );
  }
  const [firstPrimary, ...others] = primaries;
  for (const other of others) {
    issues.add(
      'contacts/multiple-primary',
      `Only one ${label} may be Primary, and row ${firstPrimary?.row.excelRow} is already; set Primary to No here or there.`,
      placeOf(table, other.row, 'primary'),
    );
  }
  return contacts;
}
