/** A register version's issues: cross-partner issues first, then each partner's workbook notes. */
import type { Register } from '../../shared/types.js';
import { issueGroups, type IssueLine } from './model/issues.js';
import { useSpacing } from './spacing.js';

function Lines({ issues }: { issues: IssueLine[] }) {
  return (
    <ul className="issues">
      {issues.map((i, n) => (
        <li key={n} className={i.severity}>
          <span className="sev">{i.severity === 'error' ? 'Error' : 'Warning'}:</span> {i.message}
          {i.where ? <div className="where">{i.where}</div> : null}
        </li>
      ))}
    </ul>
  );
}

export function IssuesSection({ register }: { register: Register }) {
  const space = useSpacing();
  const groups = issueGroups(register);
  return (
    <section className="card" aria-labelledby="issues-title" data-testid="issues">
      <h3 id="issues-title">Issues</h3>
      <p className={space.lead}>
        {groups.errors} errors and {groups.warnings} warnings in this version.
      </p>
      <h4>Across partners</h4>
      {groups.crossPartner.length === 0 ? <p>No cross-partner issues.</p> : <Lines issues={groups.crossPartner} />}
      {groups.byOrganisation.length > 0 ? (
        <details className={space.part}>
          <summary>
            Notes from partners&apos; workbooks ({groups.byOrganisation.reduce((n, g) => n + g.issues.length, 0)})
          </summary>
          {groups.byOrganisation.map((g) => (
            <div key={g.organisation}>
              <h5 className={space.organisation}>{g.organisation}</h5>
              <Lines issues={g.issues} />
            </div>
          ))}
        </details>
      ) : null}
    </section>
  );
}
