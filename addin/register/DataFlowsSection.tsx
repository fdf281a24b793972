/**
 * Data sharing (contract 1.1) on the register page: providers down, recipients across, each cell the number
 * of datasets shared, coloured by the most sensitive personal data among them (named in the cell too, so the
 * colour is never the only cue), with a key, and the same flows as a plain table for screen readers and print.
 */
import type { Register } from '../../shared/types.js';
import { dataFlows, SENSITIVITY_KEY, sensitivityOf } from './model/dataFlows.js';

export function DataFlowsSection({ register }: { register: Register }) {
  const flows = dataFlows(register);
  if (flows.providers.length === 0) return null;
  return (
    <section className="card" aria-labelledby="flows-title" data-testid="data-flows">
      <h3 id="flows-title">Data sharing</h3>
      <ul className="key" aria-label="Key: most sensitive personal data shared">
        {SENSITIVITY_KEY.map((k) => (
          <li key={k.id}>
            <span className="swatch" aria-hidden="true" style={{ background: k.colour }}>
              &nbsp;
            </span>
            {k.label}
          </li>
        ))}
      </ul>
      <div
        className="scroll"
        role="region"
        aria-label="Data flows, scrolls sideways"
        tabIndex={0}
        style={{ marginTop: 8 }}
      >
        <table className="matrix">
          <caption className="sr-only">
            Datasets each provider shares with each recipient, by most sensitive category
          </caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              {flows.recipients.map((r) => (
                <th scope="col" key={r.id}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {flows.providers.map((p, i) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                {flows.cells[i]!.map((c, j) => {
                  const s = sensitivityOf(c.worst);
                  return (
                    <td
                      key={flows.recipients[j]!.id}
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
        <table data-testid="data-flows-table">
          <caption className="sr-only">Datasets each provider shares with each recipient</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Recipient</th>
              <th scope="col">Datasets</th>
              <th scope="col">Most sensitive personal data</th>
            </tr>
          </thead>
          <tbody>
            {flows.list.map((f) => (
              <tr key={`${f.provider}\u0000${f.recipient}`}>
                <td>{f.provider}</td>
                <td>{f.recipient}</td>
                <td>{`${f.count}: ${f.datasets.join('; ')}`}</td>
                <td>{f.worst}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
