/**
 * The register versions as a dropdown, newest first as the service lists them, each with its date, how many
 * partners' workbooks it holds and its errors; used by the PMG view and the sign-off view. What choosing a
 * version does, and what shows when there is none yet, is each view's.
 */
import { Field, Select } from '@fluentui/react-components';
import type { RegisterSummary } from '../api/client.js';
import { FIT } from './layout.js';

/** One option's words: "Version 3, 30/11/2026: 8 of 9 partners, 1 error". */
export function registerVersionLabel(r: RegisterSummary): string {
  const date = new Date(r.createdAt).toLocaleDateString('en-GB');
  return `Version ${r.version}, ${date}: ${r.submissions} of ${r.organisations} partners, ${r.errors} error${r.errors === 1 ? '' : 's'}`;
}

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
