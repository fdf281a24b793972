/**
 * Data sharing (contract 1.1) on the register page: providers down, recipients across, each cell the number
 * of datasets shared, coloured by the most sensitive personal data among them (named in the cell too, so the
 * colour is never the only cue), with a key, and the same flows as a plain table for screen readers and print.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Register } from '../../shared/types.js';
import { useLayoutStyles } from '../taskpane/layout.js';
import { dataFlows, SENSITIVITY_KEY, sensitivityOf } from './model/dataFlows.js';

/**
 * Its own styles, not only register.html's: the PMG view of the task pane shows this section too, without the
 * register page's stylesheet. A table wider than its place scrolls sideways and keeps its row labels in view.
 */
const useStyles = makeStyles({
  region: { overflowX: 'auto', maxWidth: '100%', marginTop: tokens.spacingVerticalS },
  table: { borderCollapse: 'collapse' },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    verticalAlign: 'top',
  },
  rowLabel: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset -1px 0 ${tokens.colorNeutralStroke1}`,
  },
  key: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    listStyle: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  keyItem: { display: 'flex', columnGap: tokens.spacingHorizontalSNudge, alignItems: 'center' },
  swatch: {
    display: 'inline-block',
    minWidth: '28px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusSmall,
  },
});

/** The swatch and cell colours are the data's (each sensitivity's own), so they stay inline. */
export function DataFlowsSection({ register }: { register: Register }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const flows = dataFlows(register);
  if (flows.providers.length === 0) return null;
  return (
    <section className="card" aria-labelledby="flows-title" data-testid="data-flows">
      <h3 id="flows-title">Data sharing</h3>
      <ul className={`key ${styles.key}`} aria-label="Key: most sensitive personal data shared">
        {SENSITIVITY_KEY.map((k) => (
          <li key={k.id} className={styles.keyItem}>
            <span className={`swatch ${styles.swatch}`} aria-hidden="true" style={{ background: k.colour }}>
              &nbsp;
            </span>
            {k.label}
          </li>
        ))}
      </ul>
      <div role="region" aria-label="Data flows, scrolls sideways" tabIndex={0} className={`scroll ${styles.region}`}>
        <table className={`matrix ${styles.table}`}>
          <caption className={layout.visuallyHidden}>
            Datasets each provider shares with each recipient, by most sensitive category
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>
                Provider
              </th>
              {flows.recipients.map((r) => (
                <th scope="col" className={styles.cell} key={r.id}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {flows.providers.map((p, i) => (
              <tr key={p.id}>
                <th scope="row" className={`${styles.cell} ${styles.rowLabel}`}>
                  {p.name}
                </th>
                {flows.cells[i]!.map((c, j) => {
                  const s = sensitivityOf(c.worst);
                  return (
                    <td
                      key={flows.recipients[j]!.id}
                      className={styles.cell}
                      style={s ? { background: s.colour } : undefined}
                      title={c.count > 0 ? c.datasets.join('; ') : undefined}
                    >
                      {c.count > 0 ? `${c.count} · ${s?.label ?? ''}` : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details>
        <summary>The data flows as a table</summary>
        <div
          className={`scroll ${styles.region}`}
          role="region"
          aria-label="Data flows as a table, scrolls sideways"
          tabIndex={0}
        >
          <table className={styles.table} data-testid="data-flows-table">
            <caption className={layout.visuallyHidden}>Datasets each provider shares with each recipient</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>
                  Provider
                </th>
                <th scope="col" className={styles.cell}>
                  Recipient
                </th>
                <th scope="col" className={styles.cell}>
                  Datasets
                </th>
                <th scope="col" className={styles.cell}>
                  Most sensitive personal data
                </th>
              </tr>
            </thead>
            <tbody>
              {flows.list.map((f) => (
                <tr key={`${f.provider}\u0000${f.recipient}`}>
                  <td className={styles.cell}>{f.provider}</td>
                  <td className={styles.cell}>{f.recipient}</td>
                  <td className={styles.cell}>{`${f.count}: ${f.datasets.join('; ')}`}</td>
                  <td className={styles.cell}>{f.worst}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
