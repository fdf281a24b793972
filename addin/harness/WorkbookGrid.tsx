/**
 * The harness's stand-in for Excel: one tab per sheet of the in-memory workbook and a plain editable grid
 * (each cell an input labelled with its address), highlighted cells in red, the selected cell outlined,
 * focused and scrolled to. Large sheets show a window of rows around the selection.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { columnLetter } from '../../shared/cells.js';
import type { Cell, MemoryWorkbook } from './memoryWorkbook.js';
import { a1 } from './memoryWorkbook.js';

/** Rows shown at once; the rest are reachable by selecting a cell from the pane. */
const WINDOW = 200;
/** Blank rows below a table's last row, to type new rows into. */
const SPARE_ROWS = 3;

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
      <p style={{ padding: 12 }} data-testid="empty-workbook">
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
    <div style={{ display: 'grid', gridTemplateRows: 'auto 1fr', height: '100%', minHeight: 0 }}>
      <div
        role="tablist"
        aria-label="Sheets"
        style={{ display: 'flex', flexWrap: 'wrap', gap: 2, padding: 4, background: '#f3f2f1' }}
      >
        {workbook.sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s === sheet}
            data-sheet-tab={s.name}
            onClick={() => setActive(s.name)}
            style={{
              border: '1px solid #c8c6c4',
              background: s === sheet ? '#fff' : '#edebe9',
              fontWeight: s === sheet ? 600 : 400,
              padding: '4px 10px',
              cursor: 'pointer',
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div style={{ overflow: 'auto', minHeight: 0 }}>
        {first > 0 ? <p style={{ margin: 4, fontSize: 12 }}>Rows 1 to {first} are above this window.</p> : null}
        <table
          role="grid"
          aria-label={`Sheet ${sheet.name}`}
          data-grid={sheet.name}
          style={{ borderCollapse: 'collapse', fontSize: 12 }}
        >
          <thead>
            <tr>
              <th />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} style={{ background: '#f3f2f1', border: '1px solid #e1dfdd', padding: '0 4px' }}>
                  {columnLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th style={{ background: '#f3f2f1', border: '1px solid #e1dfdd', padding: '0 4px' }}>{r + 1}</th>
                {Array.from({ length: width }, (_, c) => {
                  const address = a1(r, c);
                  const value = sheet.cells[r]?.[c] ?? null;
                  const isSelected = selected?.sheet === sheet.name && selected.cell === address;
                  const flagged = workbook.isHighlighted(sheet.name, address);
                  const fill = typeof value === 'string' ? sheet.fills?.[value] : undefined;
                  return (
                    <td key={c} style={{ border: '1px solid #e1dfdd', padding: 0 }}>
                      <input
                        ref={isSelected ? selectedRef : undefined}
                        aria-label={`${sheet.name} ${address}`}
                        data-cell={address}
                        data-highlighted={flagged ? 'true' : undefined}
                        data-selected={isSelected ? 'true' : undefined}
                        value={value === null ? '' : String(value)}
                        onChange={(e) => workbook.setCell(sheet.name, r, c, parseTyped(e.target.value))}
                        style={{
                          width: c === 0 && sheet.table === 'About' ? 150 : 110,
                          border: 'none',
                          padding: '2px 4px',
                          fontWeight: r === 0 ? 600 : 400,
                          background: flagged
                            ? '#fde7e9'
                            : (fill ?? (r === 0 && sheet.table ? '#deecf9' : 'transparent')),
                          outline: isSelected ? '2px solid #107c10' : undefined,
                        }}
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
