/**
 * Compare any two register versions on the register page: two pickers (by default the page's version and the
 * one before it), the service's diff (GET /api/registers/{a}/diff/{b}) shown in the change list
 * (ChangesSection), with the organisation names of both versions. The default comparison is the one the page
 * already loaded; any other is fetched when chosen, with a loading line and the page's sentence for a fault.
 */
import { Field, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RegisterDiff } from '../../shared/diff.js';
import type { Register, RegisterOrganisation } from '../../shared/types.js';
import type { Session } from '../taskpane/auth/session.js';
import { NoticeBar } from '../taskpane/NoticeBar.js';
import { ChangesSection } from './ChangesSection.js';
import { registerFault, type FaultMessage } from './faults.js';

interface Compared {
  from: number;
  to: number;
  diff: RegisterDiff;
  organisations: RegisterOrganisation[];
}

export function Compare(props: {
  session: Session;
  /** Every register version (any order). */
  versions: number[];
  version: number;
  register: Register;
  previous: number | null;
  /** The diff from `previous` to `version`, already loaded with the page (null for the first version). */
  diff: RegisterDiff | null;
}) {
  const { session, version, register, previous } = props;
  const versions = [...props.versions].sort((a, b) => b - a);
  const [from, setFrom] = useState(previous ?? version);
  const [to, setTo] = useState(version);
  const [compared, setCompared] = useState<Compared | null>(null);
  const [fault, setFault] = useState<FaultMessage | null>(null);
  const isDefault = from === previous && to === version;
  const same = from === to;

  useEffect(() => {
    if (isDefault || same) return;
    let live = true;
    setFault(null);
    setCompared(null);
    const registerOf = (v: number) =>
      v === version ? Promise.resolve(register) : session.api.register(v).then((r) => r.register);
    Promise.all([session.api.registerDiff(from, to), registerOf(from), registerOf(to)])
      .then(([d, a, b]) => {
        if (!live) return;
        const names = new Map([...a.organisations, ...b.organisations].map((o) => [o.id, o]));
        setCompared({ from, to, diff: d.diff, organisations: [...names.values()] });
      })
      .catch((err: unknown) => {
        if (!live) return;
        setFault(registerFault(err, `Comparing version ${from} with version ${to}`));
      });
    return () => {
      live = false;
    };
  }, [from, to, isDefault, same, session, version, register]);

  const current = compared && compared.from === from && compared.to === to ? compared : null;
  const diff = isDefault ? props.diff : same ? null : (current?.diff ?? null);
  const organisations = current ? current.organisations : register.organisations;

  const pickers =
    versions.length > 1 ? (
      <div className="compare" data-testid="compare">
        <Field label="From version">
          <Select value={String(from)} onChange={(_, d) => setFrom(Number(d.value))} data-testid="compare-from">
            {versions.map((v) => (
              <option key={v} value={v}>
                Version {v}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="To version">
          <Select value={String(to)} onChange={(_, d) => setTo(Number(d.value))} data-testid="compare-to">
            {versions.map((v) => (
              <option key={v} value={v}>
                Version {v}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    ) : null;

  let empty = undefined;
  if (same && previous !== null) empty = <p>Choose two different versions to compare.</p>;
  else if (same && versions.length > 1)
    empty = (
      <p>
        This is the first register version: there is nothing earlier to compare it with. Choose another version to
        compare it with a later one.
      </p>
    );
  else if (!isDefault && !same)
    empty = fault ? (
      <div role="alert">
        <NoticeBar notice={{ intent: 'error', ...fault }} />
      </div>
    ) : (
      <div role="status" aria-live="polite">
        <Spinner size="small" label={`Comparing version ${from} with version ${to}…`} />
      </div>
    );

  return (
    <ChangesSection diff={diff} register={{ organisations }} version={version} empty={empty}>
      {pickers}
    </ChangesSection>
  );
}
