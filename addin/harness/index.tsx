/**
 * The browser harness (`/harness.html` on a development service): the real task pane beside an in-memory
 * workbook, so the add-in can be tried, and is tested, without Excel. No Office.js is loaded.
 */
import { makeStyles } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App.js';
import { checkWorkbook } from '../../shared/checkWorkbook.js';
import { MemoryGateway, MemoryWorkbook } from './memoryWorkbook.js';
import { WorkbookGrid } from './WorkbookGrid.js';

const workbook = new MemoryWorkbook();
// Excel keeps the workbook when it reloads an idle pane: the harness keeps its in-memory workbook across a
// reload of the page the same way (this tab's sessionStorage), so a reload tests what the pane restores.
const KEPT = 'harness.workbook';
const kept = sessionStorage.getItem(KEPT);
if (kept) workbook.restore(kept);
window.addEventListener('pagehide', () => sessionStorage.setItem(KEPT, workbook.snapshot()));
const gateway = new MemoryGateway(workbook);
// For the browser tests, the pane's benchmark (bench/addin.ts) and poking at it from the console.
(window as unknown as { harness: object }).harness = { workbook, gateway, checkWorkbook };

const PANE_WIDTH = Number(new URLSearchParams(window.location.search).get('pane') ?? 320);

/** The page: the workbook, and the pane at its width on the right (Excel's colours, outside Fluent's provider). */
const useStyles = makeStyles({
  page: { display: 'grid', height: '100vh', font: '13px "Segoe UI", system-ui, sans-serif' },
  workbook: { minWidth: 0, minHeight: 0, borderRight: '1px solid #c8c6c4' },
  pane: { overflow: 'auto', minHeight: 0 },
});

function Harness() {
  const styles = useStyles();
  return (
    // The pane's width comes from the address (?pane=), so it stays inline.
    <div className={styles.page} style={{ gridTemplateColumns: `1fr ${PANE_WIDTH}px` }}>
      <section aria-label="Workbook" className={styles.workbook}>
        <WorkbookGrid workbook={workbook} />
      </section>
      {/* Not a landmark: in Excel the pane is a page of its own, whose <main> is top-level. */}
      <div data-testid="pane" className={styles.pane}>
        <App gateway={gateway} />
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Harness />);
