/**
 * The role matrix as a heat map: activities down, organisations across, each cell its letters (R, A, C, I)
 * on the key's colour, the full role for screen readers, and a flag on activities without exactly one
 * accountable partner. It scrolls sideways on a phone (the region is focusable, so keyboards can too).
 */
import type { Register } from '../../shared/types.js';
import { RACI_KEY, roleMatrix } from './model/roleMatrix.js';
import { useSpacing } from './spacing.js';

export function RoleMatrixSection({ register }: { register: Register }) {
  const space = useSpacing();
  const matrix = roleMatrix(register);
  return (
    <section className="card" aria-labelledby="matrix-title" data-testid="matrix">
      <h3 id="matrix-title">Roles and responsibilities</h3>
      {matrix.rows.length === 0 ? (
        <p>No partner has named a role yet.</p>
      ) : (
        <>
          <ul className="key" aria-label="Key">
            {RACI_KEY.map((k) => (
              <li key={k.letter}>
                <span className={`swatch tone-${k.letter}`} aria-hidden="true">
                  {k.letter}
                </span>
                {k.label}
              </li>
            ))}
          </ul>
          <div
            className={`scroll ${space.below}`}
            role="region"
            aria-label="Role matrix, scrolls sideways"
            tabIndex={0}
          >
            <table className="matrix">
              <caption className="sr-only">Roles of each organisation in each activity</caption>
              <thead>
                <tr>
                  <th scope="col">Activity</th>
                  {matrix.organisations.map((o) => (
                    <th scope="col" key={o.id}>
                      {o.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((row) => (
                  <tr key={row.activityId}>
                    <th scope="row">
                      {row.activity}
                      {row.accountable !== 1 ? (
                        <span className="flag">
                          {row.accountable === 0 ? 'No accountable partner' : `${row.accountable} accountable partners`}
                        </span>
                      ) : null}
                    </th>
                    {row.cells.map((c, i) => (
                      <td
                        key={matrix.organisations[i]!.id}
                        className={c.tone ? `tone-${c.tone}` : undefined}
                        title={c.leads.length > 0 ? `${c.words}; lead: ${c.leads.join(', ')}` : c.words}
                      >
                        <span aria-hidden="true">{c.letters}</span>
                        <span className="sr-only">{c.letters ? c.words : 'No role'}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
