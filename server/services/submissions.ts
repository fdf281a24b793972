/**
 * Submitting partner workbooks. Where is a submission stored? In storeSubmission, whatever it came from: a PUT
 * of raw tables (checked from its bytes by server/requests/submissionBody.ts), an uploaded file (read and checked on a worker
 * thread) and the CLI's import (read into raw tables, checked by submitTables), each checked by
 * shared/checkWorkbook.ts. It holds the If-Match rules (preconditions.ts), keeps an unchanged workbook from
 * becoming a new version, and makes the one store call.
 */
import { checkWorkbook, type WorkbookCheck } from '../../shared/checkWorkbook.js';
import type { Catalogue, RawTables } from '../../shared/types.js';
import { VersionConflictError } from '../store/errors.js';
import { nativeSha256Hex } from '../store/nativeDigest.js';
import type { Store, StoredSubmission, SubmissionSourceKind } from '../store/types.js';
import { ValidationFailed } from './errors.js';
import { baseVersionFor, expectedVersion, type WritePrecondition } from './preconditions.js';

/** Which version a submission replaces. */
export type Replaces =
  /** The API: the version the request's If-Match names, under the rules of preconditions.ts. */
  | { kind: 'if-match'; precondition: WritePrecondition }
  /** The CLI's import of a file the PMG holds: whatever version is current. */
  | { kind: 'current' }
  /** A version known to the caller (null: the first); a stale one is the store's VersionConflictError. */
  | { kind: 'version'; version: number | null };

export interface SubmitOutcome {
  /** The new version, or the current one when the workbook is identical to it. */
  stored: StoredSubmission;
  /** False when the workbook was identical to the version it replaces: nothing was stored, no audit event. */
  created: boolean;
}

export interface StoreSubmissionInput {
  store: Store;
  /** The organisation written to; the workbook's own when null (the CLI's import). */
  organisationId: string | null;
  /** The workbook checked (without its submission object: the store writes the canonical text). */
  checked: Omit<WorkbookCheck, 'submission'>;
  /** Email of whoever submits. */
  actor: string;
  source: SubmissionSourceKind;
  fileName: string | null;
  replaces: Replaces;
}

/**
 * Stores a checked workbook as the organisation's next version, with its warnings. A workbook with errors
 * throws ValidationFailed carrying every issue (after a broken If-Match rule, which is reported first), and
 * nothing is stored. A workbook identical to the version it replaces is not stored again: the outcome is that
 * version with `created: false`. A stale version throws PreconditionFailed (If-Match) or VersionConflictError.
 */
export async function storeSubmission(input: StoreSubmissionInput): Promise<SubmitOutcome> {
  const { store, checked, replaces } = input;
  const organisationId = input.organisationId ?? checked.organisationId;
  const subject = `The submission of ${organisationId}`;
  if (checked.canonical === null || checked.digest === null || organisationId === null) {
    if (organisationId !== null && replaces.kind === 'if-match') {
      baseVersionFor(replaces.precondition, await store.latestSubmissionVersion(organisationId), subject);
    }
    throw new ValidationFailed(checked.report.issues, checked.organisationId, checked.report);
  }
  const { canonical, digest } = checked;
  let base: number | null;
  if (replaces.kind === 'version') base = replaces.version;
  else if (replaces.kind === 'current') base = await store.latestSubmissionVersion(organisationId);
  else {
    const expected = expectedVersion(replaces.precondition);
    // If-Match: * or If-None-Match are settled against the current version first (rare; see baseVersionFor).
    base =
      expected !== undefined
        ? expected
        : baseVersionFor(replaces.precondition, await store.latestSubmissionVersion(organisationId), subject);
  }

  // The check's digest, compared with the base version's (the store works out the new version's itself).
  if (base !== null && (await digestOfVersion(store, organisationId, base)) === digest) {
    // Identical to the version it replaces, provided that version is still the current one.
    const current = await store.latestSubmissionVersion(organisationId);
    const same = current === base ? await store.getSubmission(organisationId, base) : null;
    if (same) return { stored: same, created: false };
    if (replaces.kind === 'if-match') baseVersionFor(replaces.precondition, current, subject);
    if (replaces.kind === 'current') return storeSubmission(input);
  }

  try {
    const stored = await store.appendSubmission({
      organisationId,
      baseVersion: base,
      canonical,
      warnings: checked.warnings,
      actor: input.actor,
      source: input.source,
      fileName: input.fileName,
    });
    remember(store, stored);
    return { stored, created: true };
  } catch (error) {
    if (error instanceof VersionConflictError && replaces.kind === 'if-match') {
      baseVersionFor(replaces.precondition, error.current, subject);
    }
    throw error;
  }
}

/** Checks raw tables (the CLI's import, the demo seed) and stores them: storeSubmission. */
export async function submitTables(input: {
  store: Store;
  catalogue: Catalogue;
  tables: RawTables;
  actor: string;
  source: SubmissionSourceKind;
  fileName?: string | null;
  /** When set, a workbook for another organisation is the error `about/organisation-not-yours`. */
  expectedOrganisationId?: string;
  replaces: Replaces;
}): Promise<SubmitOutcome> {
  // Every issue listed: the CLI's --json lists them all.
  const checked = checkWorkbook(input.tables, input.catalogue, {
    expectedOrganisationId: input.expectedOrganisationId,
    listLimit: 'all',
    sha256Hex: nativeSha256Hex,
  });
  return storeSubmission({
    store: input.store,
    organisationId: input.expectedOrganisationId ?? null,
    checked,
    actor: input.actor,
    source: input.source,
    fileName: input.fileName ?? null,
    replaces: input.replaces,
  });
}

/**
 * Digests of versions seen, per store: a version never changes, so what was written or read once is known, and
 * the common write (If-Match naming the version this process stored last) needs no read to see whether it is
 * unchanged. Bounded; a version not known is read once.
 */
const knownDigests = new WeakMap<Store, Map<string, string>>();
const KNOWN_DIGESTS_MAX = 10_000;

function remember(store: Store, s: Pick<StoredSubmission, 'organisationId' | 'version' | 'digest'>): void {
  let known = knownDigests.get(store);
  if (!known) knownDigests.set(store, (known = new Map()));
  const oldest = known.size >= KNOWN_DIGESTS_MAX ? known.keys().next() : null;
  if (oldest && !oldest.done) known.delete(oldest.value);
  known.set(`${s.organisationId}\n${s.version}`, s.digest);
}

async function digestOfVersion(store: Store, organisationId: string, version: number): Promise<string | null> {
  const known = knownDigests.get(store)?.get(`${organisationId}\n${version}`);
  if (known !== undefined) return known;
  const stored = await store.getSubmission(organisationId, version);
  if (stored) remember(store, stored);
  return stored?.digest ?? null;
}
