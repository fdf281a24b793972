/**
 * What changed between two register versions (the service's diff): by default since the previous version, or
 * that this is the first one. `children` (the version pickers) go under the heading; `empty` replaces the
 * first-version sentence when there is no diff for another reason; `version` is the page's version, so a
 * comparison ending elsewhere is headed with both ends.
 */
import type { ReactNode } from 'react';
import type { RegisterDiff } from '../../shared/diff.js';
import type { Register } from '../../shared/types.js';
import { changesView } from './model/changes.js';
import { useSpacing } from './spacing.js';

export function ChangesSection({
  diff,
  register,
  version,
  empty,
  children,
}: {
  diff: RegisterDiff | null;
  register: Pick<Register, 'organisations'>;
  version?: number;
  empty?: ReactNode;
  children?: ReactNode;
}) {
  const space = useSpacing();
  const view = diff ? changesView(diff, register) : null;
  return (
    <section className="card changes" aria-labelledby="changes-title" data-testid="changes">
      <h3 id="changes-title">
        {!view
          ? 'What changed'
          : view.from > view.to
            ? `What changed from version ${view.from} back to version ${view.to}`
            : version === undefined || view.to === version
              ? `What changed since version ${view.from}`
              : `What changed from version ${view.from} to version ${view.to}`}
      </h3>
      {children}
      {!view ? (
        (empty ?? <p>This is the first register version: there is nothing earlier to compare it with.</p>)
      ) : (
        <>
          <p className={space.lead}>{view.headline}</p>
          {view.sections.map((s) => (
            <div key={s.title}>
              <h4 className={space.sectionTitle}>
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
