/**
 * Appendix H, Data sharing (contract 1.1), for the information governance leads: present only when the
 * register has Data sharing rows, so the appendices of contract 1 registers are unchanged.
 *
 * - "Datasets shared": every row of `register.dataSharing`, per providing partner (register order: organisation
 *   id, then row order), with its recipients named, purpose, personal data, lawful basis and condition,
 *   controller role, agreement and DPIA references, review date, retention and status: the contract's columns.
 * - "Information governance contacts": the named IG lead, Caldicott Guardian, SIRO and DPO of every partner
 *   that has one, in register order.
 * - "Data flows": one row per providing partner, one column per recipient, the number of datasets it shares
 *   with that recipient ("All partners" counts for every other partner); blank where none.
 */
import { ALL_PARTNERS, DATA_SHARING } from '../../../shared/contract.js';
import type { Register } from '../../../shared/types.js';
import type { AppendixColumn, AppendixSection, AppendixTable, Value } from './model.js';

export const DATA_SHARING_LETTER = 'H';
export const DATA_SHARING_TITLE = 'Data sharing';
/** The contact roles an IG lead wants named, in this order. */
export const IG_ROLES = ['information-governance-lead', 'caldicott-guardian', 'siro', 'dpo'] as const;

/** The recipients of a row as text: "All partners" or the organisations' names separated by "; ". */
export function recipientsText(recipients: 'all' | readonly string[], names: ReadonlyMap<string, string>): string {
  return recipients === 'all' ? ALL_PARTNERS : recipients.map((id) => names.get(id) ?? id).join('; ');
}

/** Who receives a row's data: every other organisation for "all". */
export function recipientIds(
  providerId: string,
  recipients: 'all' | readonly string[],
  all: readonly string[],
): string[] {
  return recipients === 'all' ? all.filter((id) => id !== providerId) : [...recipients];
}

export function dataSharingSection(
  r: Register,
  names: ReadonlyMap<string, string>,
  columnOf: (key: string) => AppendixColumn,
  organisationColumns: readonly AppendixColumn[],
): AppendixSection | null {
  const rows = r.dataSharing ?? [];
  if (rows.length === 0) return null;
  const name = (id: string) => names.get(id) ?? id;
  const shared = DATA_SHARING.columns.map((c) => columnOf(c.key));
  const datasets: AppendixTable = {
    id: 'data-sharing',
    letter: DATA_SHARING_LETTER,
    title: 'Datasets shared',
    columns: [...organisationColumns, ...shared],
    rows: rows.map((d) => [
      d.organisationId,
      name(d.organisationId),
      ...shared.map((col): Value => {
        if (col.key === 'recipients') return recipientsText(d.recipients, names);
        return d[col.key as keyof typeof d] as Value;
      }),
    ]),
  };

  const contactKeys = ['contactRole', 'name', 'jobTitle', 'email', 'phone'];
  const contactColumns = contactKeys.map(columnOf);
  const rank = (role: string) => IG_ROLES.indexOf(role as (typeof IG_ROLES)[number]);
  const igContacts = r.contacts
    .map((c, n) => ({ c, n }))
    .filter(({ c }) => rank(c.contactRole) >= 0)
    .sort(
      (a, b) =>
        (a.c.organisationId < b.c.organisationId ? -1 : a.c.organisationId > b.c.organisationId ? 1 : 0) ||
        rank(a.c.contactRole) - rank(b.c.contactRole) ||
        a.n - b.n,
    )
    .map(({ c }) => c);
  const contacts: AppendixTable = {
    id: 'ig-contacts',
    letter: DATA_SHARING_LETTER,
    title: 'Information governance contacts',
    columns: [...organisationColumns, ...contactColumns],
    rows: igContacts.map((c) => [
      c.organisationId,
      name(c.organisationId),
      ...contactKeys.map((k) => c[k as keyof typeof c] as Value),
    ]),
  };

  const allIds = r.organisations.map((o) => o.id);
  const providers = allIds.filter((id) => rows.some((d) => d.organisationId === id));
  const counts = new Map<string, number>();
  for (const d of rows) {
    for (const to of recipientIds(d.organisationId, d.recipients, allIds)) {
      const key = `${d.organisationId}\u0000${to}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const receivers = allIds.filter((to) => providers.some((from) => counts.has(`${from}\u0000${to}`)));
  const flows: AppendixTable = {
    id: 'data-flows',
    letter: DATA_SHARING_LETTER,
    title: 'Data flows (datasets by provider and recipient)',
    columns: [
      { key: 'provider', header: 'Provider', kind: 'text', width: 36 },
      ...receivers.map((id) => {
        const header = name(id);
        const twice = receivers.some((o) => o !== id && name(o) === header);
        return { key: id, header: twice ? `${header} (${id})` : header, kind: 'count' as const, width: 14 };
      }),
    ],
    rows: providers.map((from) => [name(from), ...receivers.map((to) => counts.get(`${from}\u0000${to}`) ?? null)]),
  };
  return { letter: DATA_SHARING_LETTER, title: DATA_SHARING_TITLE, tables: [datasets, contacts, flows] };
}
