/**
 * The register versions as a dropdown, newest first as the service lists them, each with its date, how many
 * partners' workbooks it holds and its errors; used by the PMG view and the sign-off view. What choosing a
 * version does, and what shows when there is none yet, is each view's.
 */
import { Field, Select } from '@fluentui/react-components';
import type { RegisterSummary } from '../api/client.js';
import { FIT } from './layout.js';
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
  return (
    <Field label="Register version">
      <Select
        root={FIT}
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
