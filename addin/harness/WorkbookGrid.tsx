/**
 * The harness's stand-in for Excel: one tab per sheet of the in-memory workbook and a plain editable grid
 * (each cell an input labelled with its address), highlighted cells in red, the selected cell outlined,
 * focused and scrolled to. Large sheets show a window of rows around the selection.
 */
import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { columnLetter } from '../../shared/cells.js';
import type { Cell, MemoryWorkbook } from './memoryWorkbook.js';
import { a1 } from './memoryWorkbook.js';

/** Rows shown at once; the rest are reachable by selecting a cell from the pane. */
const WINDOW = 200;
/** Blank rows below a table's last row, to type new rows into. */
const SPARE_ROWS = 3;

/**
 * Excel's look, not Fluent's (the grid is outside the pane's FluentProvider, so Fluent's tokens are not defined
 * here): Excel's greys, its selection green and its error fill. A cell's own fill from the workbook stays inline.
 */
const useStyles = makeStyles({
  empty: { padding: '12px' },
  frame: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100%', minHeight: 0 },
  tabs: { display: 'flex', flexWrap: 'wrap', gap: '2px', padding: '4px', background: '#f3f2f1' },
  tab: { border: '1px solid #c8c6c4', background: '#edebe9', fontWeight: 400, padding: '4px 10px', cursor: 'pointer' },
  tabActive: { background: '#fff', fontWeight: 600 },
  scroll: { overflow: 'auto', minHeight: 0 },
  above: { margin: '4px', fontSize: '12px' },
  grid: { borderCollapse: 'collapse', fontSize: '12px' },
  heading: { background: '#f3f2f1', border: '1px solid #e1dfdd', padding: '0 4px' },
  cell: { border: '1px solid #e1dfdd', padding: 0 },
  input: { width: '110px', border: 'none', padding: '2px 4px', fontWeight: 400, background: 'transparent' },
  inputWide: { width: '150px' },
  inputHeader: { fontWeight: 600 },
  inputTableHeader: { background: '#deecf9' },
  inputFlagged: { background: '#fde7e9' },
  inputSelected: { outline: '2px solid #107c10' },
});

function useVersion(workbook: MemoryWorkbook): number {
  const version = useRef(0);
  return useSyncExternalStore(
    (listener) =>
      workbook.subscribe(() => {
        version.current++;
        listener();
      }),
    () => version.current,
  );
}

function parseTyped(text: string): Cell {
  return text === '' ? null : text;
}

export function WorkbookGrid({ workbook }: { workbook: MemoryWorkbook }) {
  const styles = useStyles();
  useVersion(workbook);
  const [active, setActive] = useState<string | null>(null);
  const selected = workbook.selected;
  const sheet = (active ? workbook.sheet(active) : undefined) ?? workbook.sheets[0];
  const selectedRef = useRef<HTMLInputElement | null>(null);
  const pendingFocus = useRef(false);

  // A cell selected by the pane shows its sheet, then takes the focus once it is drawn; the tabs stay free.
  useEffect(() => {
    if (!selected) return;
    setActive(selected.sheet);
    pendingFocus.current = true;
  }, [selected]);
  useEffect(() => {
    if (pendingFocus.current && selectedRef.current) {
      pendingFocus.current = false;
      selectedRef.current.focus();
      selectedRef.current.scrollIntoView({ block: 'center', inline: 'center' });
    }
  });

  if (!sheet) {
    return (
      <p className={styles.empty} data-testid="empty-workbook">
        An empty workbook. Sign in on the right and choose “Set up workbook”.
      </p>
    );
  }
  const width = Math.max(...sheet.cells.map((r) => r.length), 1);
  const selectedRow = selected && selected.sheet === sheet.name ? Number(/\d+/.exec(selected.cell)?.[0] ?? 1) - 1 : 0;
  const first = Math.max(0, Math.min(selectedRow - WINDOW / 2, sheet.cells.length - WINDOW));
  const last = Math.min(sheet.cells.length + (sheet.table ? SPARE_ROWS : 0), first + WINDOW);
  const rows = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);

  return (
    <div className={styles.frame}>
      <div role="tablist" aria-label="Sheets" className={styles.tabs}>
        {workbook.sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s === sheet}
            data-sheet-tab={s.name}
            onClick={() => setActive(s.name)}
            className={mergeClasses(styles.tab, s === sheet && styles.tabActive)}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className={styles.scroll}>
        {first > 0 ? <p className={styles.above}>Rows 1 to {first} are above this window.</p> : null}
        <table role="grid" aria-label={`Sheet ${sheet.name}`} data-grid={sheet.name} className={styles.grid}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} className={styles.heading}>
                  {columnLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th className={styles.heading}>{r + 1}</th>
                {Array.from({ length: width }, (_, c) => {
                  const address = a1(r, c);
                  const value = sheet.cells[r]?.[c] ?? null;
                  const isSelected = selected?.sheet === sheet.name && selected.cell === address;
                  const flagged = workbook.isHighlighted(sheet.name, address);
                  const fill = typeof value === 'string' ? sheet.fills?.[value] : undefined;
                  return (
                    <td key={c} className={styles.cell}>
                      <input
                        ref={isSelected ? selectedRef : undefined}
                        aria-label={`${sheet.name} ${address}`}
                        data-cell={address}
                        data-highlighted={flagged ? 'true' : undefined}
                        data-selected={isSelected ? 'true' : undefined}
                        value={value === null ? '' : String(value)}
                        onChange={(e) => workbook.setCell(sheet.name, r, c, parseTyped(e.target.value))}
                        className={mergeClasses(
                          styles.input,
                          c === 0 && sheet.table === 'About' && styles.inputWide,
                          r === 0 && styles.inputHeader,
                          r === 0 && !!sheet.table && styles.inputTableHeader,
                          flagged && styles.inputFlagged,
                          isSelected && styles.inputSelected,
                        )}
                        style={fill && !flagged ? { background: fill } : undefined}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
