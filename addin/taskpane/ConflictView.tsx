/**
 * A 412: someone saved a newer version since this workbook's base. The three-way merge of the workbook with it
 * (against the version both started from): what it took from each side without a question, the fields both
 * sides changed differently with base, mine and theirs to choose (per field, or per row), and one button to
 * write the merge into the workbook and submit it. Keep mine and Take theirs remain, each saying what it undoes.
 */
import {
  Button,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
  type RadioGroupOnChangeData,
} from '@fluentui/react-components';
import { rowLabel, type Conflict, type Side } from '../../shared/merge.js';
import { ukDateTime } from '../../shared/displayFormat.js';
import { changeText, fieldTitle, sheetTitle, shown } from './model/mergeText.js';
import type { WorkbookSync } from './useWorkbookSync.js';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, overflowWrap: 'anywhere' },
  list: { margin: `${tokens.spacingVerticalXXS} 0 0 ${tokens.spacingHorizontalL}`, padding: 0 },
  /** A difference's line, and a choice's label: a long address wraps. */
  item: { overflowWrap: 'anywhere' },
  question: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'grid',
    // One column no wider than the box: a long address in a choice wraps instead of widening the column.
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  rowButtons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  actions: { display: 'grid', rowGap: tokens.spacingVerticalS },
  action: { display: 'grid', rowGap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** The conflicts of one row together, so the row can be settled at once. */
function byRow(conflicts: readonly Conflict[]): Conflict[][] {
  const rows = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    const k = `${c.table}/${c.key}`;
    rows.set(k, [...(rows.get(k) ?? []), c]);
  }
  return [...rows.values()];
}

function choiceLabel(c: Conflict, side: Side, theirsBy: string): string {
  const value = side === 'base' ? c.base : side === 'mine' ? c.mine : c.theirs;
  const who = side === 'base' ? 'Before (base)' : side === 'mine' ? 'Yours' : `Theirs (${theirsBy})`;
  if (c.field === null)
    return `${who}: ${value === null ? 'row removed' : side === 'base' ? 'row as it was' : 'row kept, as changed'}`;
  return `${who}: ${shown(c.table, c.field, value)}`;
}

export function ConflictView({ sync }: { sync: WorkbookSync }) {
  const styles = useStyles();
  const { conflict, merge, undo, busy } = sync;
  if (!conflict || !merge || !undo) return null;
  const { theirs } = conflict;
  const rows = byRow(merge.conflicts);
  const where = (c: Conflict) => (c.key === '' ? sheetTitle(c.table) : `${sheetTitle(c.table)} ${rowLabel(c.row)}`);
  return (
    <section aria-labelledby="conflict-title" data-testid="conflict" className={styles.root}>
      <Text as="h2" id="conflict-title" weight="semibold" className={styles.heading}>
        Version {theirs.version} was submitted by {theirs.submittedBy} on {ukDateTime(theirs.submittedAt)}
      </Text>
      <Text size={200} className={styles.hint}>
        {conflict.base
          ? `Both your workbook and version ${theirs.version} started from version ${conflict.base.version}; each is compared with it.`
          : 'The version your workbook started from is not known, so every difference is a question.'}
      </Text>
      {merge.fromTheirs.length + merge.fromMine.length > 0 ? (
        <div data-testid="merged">
          <Text weight="semibold">Merged without a question</Text>
          <ul className={styles.list}>
            {merge.fromTheirs.map((c) => (
              <li key={`t${c.table}${c.key}`} className={styles.item}>
                <Text size={200}>
                  From version {theirs.version}: {changeText(c)}
                </Text>
              </li>
            ))}
            {merge.fromMine.map((c) => (
              <li key={`m${c.table}${c.key}`} className={styles.item}>
                <Text size={200}>From your workbook: {changeText(c)}</Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <div data-testid="questions" className={styles.root}>
          <Text weight="semibold">
            Changed on both sides: {merge.conflicts.length} question{merge.conflicts.length === 1 ? '' : 's'}
          </Text>
          {rows.map((row) => (
            <div
              key={`${row[0]!.table}/${row[0]!.key}`}
              role="group"
              aria-label={where(row[0]!)}
              className={styles.question}
            >
              <Text className={styles.legend}>{where(row[0]!)}</Text>
              {row.map((c) => (
                <RadioGroup
                  key={c.id}
                  aria-label={
                    c.field === null ? `${where(c)}: the whole row` : `${where(c)}: ${fieldTitle(c.table, c.field)}`
                  }
                  value={conflict.choices[c.id] ?? 'mine'}
                  disabled={busy}
                  onChange={(_, d: RadioGroupOnChangeData) => sync.choose([c.id], d.value as Side)}
                >
                  <Text size={200} weight="semibold">
                    {c.field === null ? 'The whole row' : fieldTitle(c.table, c.field)}
                  </Text>
                  {(['base', 'mine', 'theirs'] as const).map((side) => (
                    <Radio
                      key={side}
                      value={side}
                      label={{ children: choiceLabel(c, side, theirs.submittedBy), className: styles.item }}
                    />
                  ))}
                </RadioGroup>
              ))}
              {row.length > 1 ? (
                <div className={styles.rowButtons}>
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() =>
                      sync.choose(
                        row.map((c) => c.id),
                        'mine',
                      )
                    }
                  >
                    Yours for the whole row
                  </Button>
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() =>
                      sync.choose(
                        row.map((c) => c.id),
                        'theirs',
                      )
                    }
                  >
                    Theirs for the whole row
                  </Button>
                </div>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={sync.submitMerge}>
          Submit the merge (over version {theirs.version})
        </Button>
        <div className={styles.action}>
          <Button disabled={busy} onClick={sync.keepMine} aria-describedby="keep-mine-undoes">
            Keep mine (submit over version {theirs.version})
          </Button>
          <Text size={200} id="keep-mine-undoes" className={styles.hint} data-testid="keep-mine-undoes">
            {undo.keepMine
              ? `Undoes ${theirs.submittedBy}’s changes: ${undo.keepMine}.`
              : `Undoes nothing of ${theirs.submittedBy}’s.`}
          </Text>
        </div>
        <div className={styles.action}>
          <Button disabled={busy} onClick={sync.takeTheirs} aria-describedby="take-theirs-undoes">
            Take theirs (replace my tables)
          </Button>
          <Text size={200} id="take-theirs-undoes" className={styles.hint} data-testid="take-theirs-undoes">
            {undo.takeTheirs ? `Undoes your changes: ${undo.takeTheirs}.` : 'Undoes nothing of yours.'}
          </Text>
        </div>
      </div>
    </section>
  );
}
