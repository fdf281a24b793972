/** Who has confirmed a register version, who has not yet, whether it is ready for the MoU and what blocks it. */
import type { SignOffStatus } from '../api/client.js';
import { signOffView } from './model/signOffs.js';
import { useSpacing } from './spacing.js';

export function SignOffSummary({ status }: { status: SignOffStatus }) {
  const space = useSpacing();
  const view = signOffView(status);
  return (
    <section aria-labelledby="signoff-title" data-testid="sign-offs">
      <h3 id="signoff-title">Sign-off</h3>
      <p className={space.summary}>
        <span className={`badge ${view.ready ? 'ready' : 'waiting'}`}>
          {view.ready ? 'Ready for the MoU' : 'Not ready'}
        </span>{' '}
        {view.headline}. {view.readiness}
      </p>
      {view.confirmed.length > 0 ? (
        <>
          <h4 className={space.subheading}>Confirmed</h4>
          <ul className={space.flush}>
            {view.confirmed.map((c) => (
              <li key={c.organisation}>
                {c.organisation}: {c.by}, {c.on}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.waitingFor.length > 0 ? (
        <p className={space.sectionTitle}>
          <strong>Still to confirm:</strong> {view.waitingFor.join(', ')}.
        </p>
      ) : null}
      {view.blocking.length > 0 ? (
        <>
          <h4 className={space.subheading}>Blocking issues</h4>
          <ul className={space.flush}>
            {view.blocking.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
