/**
 * The register versions as a dropdown, newest first as the service lists them, each with its date, how many
 * partners' workbooks it holds and its errors; used by the PMG view and the sign-off view. What choosing a
 * version does, and what shows when there is none yet, is each view's. The chosen version's label is shown in
 * full under the dropdown too, wrapped: at 320 px the dropdown cuts it off before its error count.
 */
import { Field, Select } from '@fluentui/react-components';
import type { RegisterSummary } from '../api/client.js';
import { useLayoutStyles } from './layout.js';
import { registerVersionLabel } from './model/registerVersions.js';

export function RegisterVersionPicker({
  registers,
  version,
  disabled,
  onChoose,
}: {
  registers: readonly RegisterSummary[];
  /** The chosen version, or null before one is. */
  version: number | null;
  disabled: boolean;
  onChoose: (version: number) => void;
}) {
  const layout = useLayoutStyles();
  const chosen = registers.find((r) => r.version === version);
  return (
    <Field
      label="Register version"
      hint={
        chosen ? (
          <span className={layout.wrap} data-testid="register-version-chosen">
            {registerVersionLabel(chosen)}
          </span>
        ) : undefined
      }
    >
      <Select
        root={{ className: layout.fit }}
        value={version === null ? '' : String(version)}
        disabled={disabled}
        onChange={(_, d) => onChoose(Number(d.value))}
      >
        {registers.map((r) => (
          <option key={r.version} value={r.version}>
            {registerVersionLabel(r)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
