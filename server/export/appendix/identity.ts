/**
 * How an exported file names the register version it shows: the same four properties in every format (Word
 * custom properties, the Excel cover sheet, the CSV README, the JSON register's own fields), read back by
 * `verify`.
 */
import type { AppendixIdentity } from './model.js';

export const PROPERTY = {
  partnership: 'ODA partnership',
  version: 'ODA register version',
  digest: 'ODA register digest',
  asOf: 'ODA sign-offs as at',
} as const;

export function identityProperties(id: AppendixIdentity): Record<string, string> {
  return {
    [PROPERTY.partnership]: id.partnershipId,
    [PROPERTY.version]: String(id.version),
    [PROPERTY.digest]: id.digest,
    [PROPERTY.asOf]: id.asOf,
  };
}

/** What a file says about its register: version, digest and the sign-off moment (null when not given). */
export interface ClaimedIdentity {
  version: number;
  digest: string;
  asOf: string | null;
}

/** The claimed identity from the four properties, or null when the version or digest is missing or malformed. */
export function claimedIdentity(props: Record<string, string | undefined>): ClaimedIdentity | null {
  const version = props[PROPERTY.version]?.trim();
  const digest = props[PROPERTY.digest]?.trim();
  if (!version || !/^[1-9]\d{0,15}$/.test(version) || !digest || !/^sha256:[0-9a-f]{64}$/.test(digest)) return null;
  const asOf = props[PROPERTY.asOf]?.trim();
  return { version: Number(version), digest, asOf: asOf && !Number.isNaN(Date.parse(asOf)) ? asOf : null };
}
