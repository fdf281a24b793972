/** What changed since the previous register version (the service's diff), or that this is the first one. */
import type { RegisterDiff } from '../../shared/diff.js';
import type { Register } from '../../shared/types.js';
import { changesView } from './model/changes.js';

export function ChangesSection({ diff, register }: { diff: RegisterDiff | null; register: Register }) {
  const view = diff ? changesView(diff, register) : null;
  return (
    <section className="card changes" aria-labelledby="changes-title" data-testid="changes">
      <h3 id="changes-title">{view ? `What changed since version ${view.from}` : 'What changed'}</h3>
      {!view ? (
        <p>This is the first register version: there is nothing earlier to compare it with.</p>
      ) : (
        <>
          <p style={{ marginTop: 0 }}>{view.headline}</p>
          {view.sections.map((s) => (
            <div key={s.title}>
              <h4 style={{ margin: '8px 0 0' }}>
                {s.title}: {s.summary}
              </h4>
              <ul>
                {s.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
                {s.more > 0 ? <li>and {s.more} more (download the register to see them all)</li> : null}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
