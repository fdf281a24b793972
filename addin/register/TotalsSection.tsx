/**
 * Commitment totals per organisation: an inline SVG bar chart per measure (the value written beside every bar,
 * a title and description for screen readers), and the same numbers as a table for anyone who prefers one.
 */
import type { Register } from '../../shared/types.js';
import { MEASURES, totalsCharts, withUnit, type TotalsChart } from './model/totals.js';
import { useSpacing } from './spacing.js';

const ROW = 40;
/** Bars take at most this share of the width, leaving room for the value after them. */
const BAR_SHARE = 72;

function BarChart({ chart }: { chart: TotalsChart }) {
  const space = useSpacing();
  const id = `chart-${chart.key}`;
  // Organisations with nothing for this measure are named in one line under the chart, not drawn as empty bars.
  const bars = chart.bars.filter((b) => b.value !== 0);
  const none = chart.bars.filter((b) => b.value === 0).map((b) => b.organisation);
  const height = bars.length * ROW;
  return (
    <figure>
      <figcaption id={`${id}-caption`}>{withUnit(chart)}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
        height={height}
        data-testid={id}
        className={space.chart}
      >
        <title id={`${id}-title`}>{`${chart.title} by organisation, largest first`}</title>
        <desc id={`${id}-desc`}>{bars.map((b) => `${b.organisation}: ${b.label}`).join('; ') || 'None'}</desc>
        {bars.map((b, i) => {
          const y = i * ROW;
          const width = `${(b.fraction * BAR_SHARE).toFixed(2)}%`;
          const after = `${(b.fraction * BAR_SHARE + 1).toFixed(2)}%`;
          return (
            <g key={b.organisation}>
              <text x="0" y={y + 13} fontSize="12" fill="#242424">
                {b.organisation}
              </text>
              <rect x="0" y={y + 18} width="100%" height="14" fill="#f0f0f0" />
              {b.value > 0 ? <rect x="0" y={y + 18} width={width} height="14" fill="#0f6cbd" /> : null}
              <text x={after} y={y + 30} fontSize="12" fontWeight="600" fill="#242424">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
      {none.length > 0 ? (
        <p className="chart-total">{bars.length === 0 ? 'None from any partner.' : `None from: ${none.join(', ')}.`}</p>
      ) : null}
      <p className="chart-total">Partnership total: {chart.total}</p>
    </figure>
  );
}

export function TotalsSection({ register }: { register: Register }) {
  const space = useSpacing();
  const charts = totalsCharts(register);
  const byKey = new Map(charts.map((c) => [c.key, c]));
  const names = new Map(register.organisations.map((o) => [o.id, o.name]));
  return (
    <section className="card" aria-labelledby="totals-title" data-testid="totals">
      <h3 id="totals-title">Commitments by organisation</h3>
      <p className={space.lead}>Agreed and delivered commitments; proposed and withdrawn ones do not count.</p>
      <div className="charts">
        {charts.map((c) => (
          <BarChart key={c.key} chart={c} />
        ))}
      </div>
      <details className={space.part}>
        <summary>Show the totals as a table</summary>
        <div className="scroll" role="region" aria-label="Commitment totals table" tabIndex={0}>
          <table data-testid="totals-table">
            <caption>Commitment totals by organisation</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                {MEASURES.map((m) => (
                  <th scope="col" className="num" key={m.key}>
                    {withUnit(m)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {register.totals.byOrganisation.map((t) => (
                <tr key={t.organisationId}>
                  <th scope="row">{names.get(t.organisationId) ?? t.organisationId}</th>
                  {MEASURES.map((m) => (
                    <td className="num" key={m.key}>
                      {m.format(t[m.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">All partners</th>
                {MEASURES.map((m) => (
                  <td className="num" key={m.key}>
                    {byKey.get(m.key)!.total}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </section>
  );
}
