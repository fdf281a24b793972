/**
 * The data flows of a register version (contract 1.1) as a matrix: one row per providing partner, one column
 * per recipient, each cell the number of datasets the provider shares with that recipient and the most
 * sensitive personal data category among them (for its colour). "All partners" reaches every other catalogue
 * organisation. Also a flat list of the same flows, the table alternative to the matrix.
 */
import { enumLabel, PERSONAL_DATA } from '../../../shared/enums.js';
import type { Register } from '../../../shared/types.js';

/** Personal data categories from least to most sensitive, with the colour of a cell whose worst is that one. */
export const SENSITIVITY_KEY: { id: string; label: string; colour: string }[] = PERSONAL_DATA.options.map((o, i) => ({
  id: o.id,
  label: o.label,
  colour: ['#e8f5e9', '#c8e6c9', '#fff3c4', '#ffe0b2', '#ffcdd2', '#ef9a9a'][i] ?? '#eeeeee',
}));
const RANK = new Map(SENSITIVITY_KEY.map((k, i) => [k.id, i]));

export interface FlowCell {
  count: number;
  /** The most sensitive category's id, or null when nothing flows. */
  worst: string | null;
  datasets: string[];
}

export interface DataFlows {
  providers: { id: string; name: string }[];
  recipients: { id: string; name: string }[];
  cells: FlowCell[][];
  /** Every non-empty cell, provider then recipient order: the table alternative. */
  list: { provider: string; recipient: string; count: number; worst: string; datasets: string[] }[];
}

export function dataFlows(register: Register): DataFlows {
  const rows = register.dataSharing ?? [];
  const orgs = register.organisations.map(({ id, name }) => ({ id, name }));
  const cells = new Map<string, FlowCell>();
  for (const d of rows) {
    const to = d.recipients === 'all' ? orgs.map((o) => o.id).filter((id) => id !== d.organisationId) : d.recipients;
    for (const r of to) {
      const key = `${d.organisationId}\u0000${r}`;
      const cell = cells.get(key) ?? { count: 0, worst: null, datasets: [] };
      cell.count++;
      cell.datasets.push(d.dataset);
      if (cell.worst === null || (RANK.get(d.personalData) ?? -1) > (RANK.get(cell.worst) ?? -1)) {
        cell.worst = d.personalData;
      }
      cells.set(key, cell);
    }
  }
  const providers = orgs.filter((o) => rows.some((d) => d.organisationId === o.id));
  const recipients = orgs.filter((r) => providers.some((p) => cells.has(`${p.id}\u0000${r.id}`)));
  const empty: FlowCell = { count: 0, worst: null, datasets: [] };
  const grid = providers.map((p) => recipients.map((r) => cells.get(`${p.id}\u0000${r.id}`) ?? empty));
  const list = providers.flatMap((p, i) =>
    recipients.flatMap((r, j) => {
      const c = grid[i]![j]!;
      return c.count === 0
        ? []
        : [
            {
              provider: p.name,
              recipient: r.name,
              count: c.count,
              worst: enumLabel(PERSONAL_DATA, c.worst ?? ''),
              datasets: c.datasets,
            },
          ];
    }),
  );
  return { providers, recipients, cells: grid, list };
}

export function sensitivityOf(id: string | null): { label: string; colour: string } | null {
  return SENSITIVITY_KEY.find((k) => k.id === id) ?? null;
}
