/** Maps a signed-in user to the partnership: the catalogue's members, looked up by email. */
import type { MemberGrant, MemberLookup } from '../auth/types.js';
import type { Catalogue } from '../../shared/types.js';
import type { Store } from '../store/types.js';

export function findMember(catalogue: Catalogue, email: string): MemberGrant | null {
  const wanted = email.trim().toLowerCase();
  const member = catalogue.members.find((m) => m.email.toLowerCase() === wanted);
  return member ? { role: member.role, organisationId: member.organisationId ?? null } : null;
}

/** A lookup against the store's current catalogue, so catalogue edits take effect at once. */
export function memberLookup(store: Store): MemberLookup {
  return async (email) => {
    const stored = await store.getCatalogue();
    return stored ? findMember(stored.catalogue, email) : null;
  };
}
