/** Reading and replacing the partnership catalogue. */
import { validateCatalogue } from '../../shared/catalogue.js';
import type { Catalogue, CatalogueOrganisation } from '../../shared/types.js';
import { NotFoundError } from '../store/errors.js';
import type { Store, StoredCatalogue } from '../store/types.js';
import { NotPossible } from './errors.js';

/** The error of an operation that needs the catalogue before the PMG has loaded one. */
export function noCatalogue(): NotPossible {
  return new NotPossible(
    'There is no partnership catalogue yet: a PMG member must load one first (PUT /api/catalogue or `oda-register init`).',
    'no-catalogue',
  );
}

/** The current catalogue; NotPossible('no-catalogue') when the PMG has not loaded one yet. */
export async function requireCatalogue(store: Store): Promise<StoredCatalogue> {
  return loadedCatalogue(await store.getCatalogue());
}

/** A catalogue already read (the API's one snapshot per request); NotPossible('no-catalogue') when none. */
export function loadedCatalogue(snapshot: StoredCatalogue | null): StoredCatalogue {
  if (!snapshot) throw noCatalogue();
  return snapshot;
}

/** The organisation of the catalogue; NotFoundError (404 at the API) when the catalogue does not list it. */
export function requireOrganisation(catalogue: Catalogue, id: string): CatalogueOrganisation {
  const org = catalogue.organisations.find((o) => o.id === id);
  if (!org) throw new NotFoundError(`There is no organisation "${id}" in the partnership catalogue.`);
  return org;
}

/**
 * Validates and stores a new catalogue. `expectedVersion` is the version the caller edited (null for the
 * first); a stale one throws the store's VersionConflictError. Invalid input throws
 * NotPossible('invalid-catalogue') carrying every problem, and stores nothing.
 */
export async function replaceCatalogue(opts: {
  store: Store;
  input: unknown;
  actor: string;
  expectedVersion?: number | null;
}): Promise<StoredCatalogue> {
  const result = validateCatalogue(opts.input);
  if ('problems' in result) {
    const n = result.problems.length;
    throw new NotPossible(
      `The catalogue has ${n} problem${n === 1 ? '' : 's'}; nothing was stored.`,
      'invalid-catalogue',
      result.problems,
    );
  }
  return opts.store.putCatalogue(result.catalogue, {
    actor: opts.actor,
    ...(opts.expectedVersion !== undefined ? { expectedVersion: opts.expectedVersion } : {}),
  });
}
