/**
 * Register versions: consolidation (the latest submission of every partner becomes the next register version),
 * and a version looked up with the sign-offs recorded of it.
 */
import { consolidate } from '../../shared/consolidate.js';
import type { SubmissionSource } from '../../shared/types.js';
import { NotFoundError } from '../store/errors.js';
import type { SignOff, Store, StoredRegister, StoredSubmission } from '../store/types.js';
import { requireCatalogue } from './catalogue.js';

/** The error of a register version that does not exist (a 404 problem at the API). */
function noSuchRegister(version: number): NotFoundError {
  return new NotFoundError(`There is no register version ${version}.`);
}

/** The register version, or NotFoundError (a 404 problem at the API). */
export async function requireRegister(store: Store, version: number): Promise<StoredRegister> {
  const stored = await store.getRegister(version);
  if (!stored) throw noSuchRegister(version);
  return stored;
}

/**
 * A register version (`latest`: the newest) with the sign-offs recorded of it, as its appendices and their
 * verification show them; null when there is no such version.
 */
export async function registerWithSignOffs(
  store: Store,
  version: number | 'latest',
): Promise<{ stored: StoredRegister; signOffs: SignOff[] } | null> {
  const stored = version === 'latest' ? await store.latestRegister() : await store.getRegister(version);
  return stored ? { stored, signOffs: await store.listSignOffs(stored.version) } : null;
}

/** registerWithSignOffs of a version that must exist: NotFoundError (a 404 problem at the API) when it does not. */
export async function requireRegisterWithSignOffs(
  store: Store,
  version: number,
): Promise<{ stored: StoredRegister; signOffs: SignOff[] }> {
  const found = await registerWithSignOffs(store, version);
  if (!found) throw noSuchRegister(version);
  return found;
}

export function toSource(s: StoredSubmission): SubmissionSource {
  return {
    organisationId: s.organisationId,
    version: s.version,
    digest: s.digest,
    submission: s.submission,
    warnings: s.warnings,
  };
}

export interface ConsolidateOutcome {
  /** The new register version, or the latest one when consolidating would only repeat it. */
  stored: StoredRegister;
  /** False when nothing changed since the latest register (same digest): no new version, no audit event. */
  created: boolean;
}

/** Thrown inside createRegister's transaction to store nothing: the register built is the latest one again. */
class SameAsLatest extends Error {
  constructor(readonly version: number) {
    super(`Register version ${version} is unchanged.`);
  }
}

/**
 * Creates the next register version from the current catalogue and latest submissions. When the result would
 * be identical to the latest register (the same digest: nothing consolidated changed), that register is the
 * outcome and nothing is stored, so the partners' sign-offs of it still stand; `force` stores a new version
 * anyway.
 */
export async function consolidateNow(opts: {
  store: Store;
  actor: string;
  force?: boolean;
}): Promise<ConsolidateOutcome> {
  const { store } = opts;
  await requireCatalogue(store);
  const [latest] = opts.force ? [] : await store.listRegisters();
  try {
    const stored = await store.createRegister(
      ({ version, catalogue, sources, createdAt }) => {
        const register = consolidate(catalogue, sources.map(toSource), { version, createdAt });
        // Compared with the register this one follows (another may have been created since it was listed).
        if (latest && version === latest.version + 1 && register.digest === latest.digest) {
          throw new SameAsLatest(latest.version);
        }
        return register;
      },
      { actor: opts.actor },
    );
    return { stored, created: true };
  } catch (error) {
    if (!(error instanceof SameAsLatest)) throw error;
    return { stored: await requireRegister(store, error.version), created: false };
  }
}
