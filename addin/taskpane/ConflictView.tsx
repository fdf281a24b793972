/**
 * A 412: someone saved a newer version since this workbook's base. Shows who and when, and what differs
 * between the workbook and that version (About field by field; rows added, removed and changed per table,
 * field by field), then lets the manager keep theirs (resubmit over the newer version) or take the server's.
 */
import { Button, Text } from '@fluentui/react-components';
import type { StoredSubmission } from '../api/client.js';
import { ABOUT, COMMITMENTS, CONTACTS, PARTICIPATION, ROLES, type ColumnDef } from '../../shared/contract.js';
import type { FieldChange } from '../../shared/diff.js';
import { cellOf } from './model/submissionRows.js';
import { ROW_TABLES, type RowTable, type WorkbookDiff } from './model/workbookDiff.js';

/** Each table's columns by key, to show a change as the workbook shows it: header and label. */
const COLUMNS: Record<RowTable | 'about', readonly ColumnDef[]> = {
  about: ABOUT.fields,
  contacts: CONTACTS.columns,
  commitments: COMMITMENTS.columns,
  roles: ROLES.columns,
  participation: PARTICIPATION.columns,
};

const TABLE_TITLES: Record<RowTable, string> = {
  contacts: 'Contacts',
  commitments: 'Commitments',
  roles: 'Roles',
  participation: 'Participation',
};

function show(col: ColumnDef | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  const shown = col ? cellOf(col, value) : value;
  return typeof shown === 'object' ? JSON.stringify(shown) : String(shown);
}

/** A row in a few words: its first identifying fields. */
function rowLabel(row: Record<string, unknown>): string {
  const parts = ['ref', 'name', 'email', 'activity', 'forum', 'description']
    .map((k) => row[k])
    .filter((v) => v !== null && v !== undefined && v !== '');
  return parts.slice(0, 2).map(String).join(' · ') || JSON.stringify(row);
}

function Changes({ changes, table }: { changes: FieldChange[]; table: RowTable | 'about' }) {
  return (
    <ul style={{ margin: '2px 0 4px 16px', padding: 0 }}>
      {changes.map((c) => {
        const col = COLUMNS[table].find((k) => k.key === c.field);
        return (
          <li key={c.field}>
            <Text size={200}>
              {col?.header ?? c.field}: yours {show(col, c.from)}, theirs {show(col, c.to)}
            </Text>
          </li>
        );
      })}
    </ul>
  );
}

export function ConflictView(props: {
  theirs: StoredSubmission;
  diff: WorkbookDiff;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { theirs, diff } = props;
  const when = new Date(theirs.submittedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="conflict-title" data-testid="conflict" style={{ display: 'grid', gap: 8 }}>
      <Text as="h3" id="conflict-title" weight="semibold">
        Version {theirs.version} was submitted by {theirs.submittedBy} on {when}
      </Text>
      <Text size={200}>
        {diff.changes === 0
          ? 'It holds the same as your workbook.'
          : `It differs from your workbook in ${diff.changes} place${diff.changes === 1 ? '' : 's'} ("yours" is the workbook, "theirs" version ${theirs.version}):`}
      </Text>
      {diff.about.length > 0 ? (
        <div data-testid="conflict-about">
          <Text weight="semibold">About</Text>
          <Changes changes={diff.about} table="about" />
        </div>
      ) : null}
      {ROW_TABLES.map((t) => {
        const d = diff.tables[t];
        if (d.added.length + d.removed.length + d.changed.length === 0) return null;
        return (
          <div key={t} data-testid={`conflict-${t}`}>
            <Text weight="semibold">
              {TABLE_TITLES[t]}: {d.added.length} only in theirs, {d.removed.length} only in yours, {d.changed.length}{' '}
              changed
            </Text>
            <ul style={{ margin: '2px 0 0 16px', padding: 0 }}>
              {d.added.map((row, n) => (
                <li key={`a${n}`}>
                  <Text size={200}>Only in theirs: {rowLabel(row)}</Text>
                </li>
              ))}
              {d.removed.map((row, n) => (
                <li key={`r${n}`}>
                  <Text size={200}>Only in yours: {rowLabel(row)}</Text>
                </li>
              ))}
              {d.changed.map((c) => (
                <li key={c.key}>
                  <Text size={200}>Changed: {rowLabel(c.before)}</Text>
                  <Changes changes={c.changes} table={t} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onKeepMine}>
          Keep mine (submit over version {theirs.version})
        </Button>
        <Button disabled={props.busy} onClick={props.onTakeTheirs}>
          Take theirs (replace my tables)
        </Button>
      </div>
    </section>
  );
}
