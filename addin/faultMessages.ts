/**
 * What the add-in says when a call to the service fails, for both places it runs: the Excel task pane, which
 * holds the user's workbook, and the register page at `/`, which has none. Each kind of fault has one title
 * and one sentence here; the place only adds what is true there: the pane says nothing was stored and that
 * the workbook is unchanged (nothing it does on the network touches it), the register page does not, and a
 * few faults get advice that fits what the user was doing in that place.
 */
import { ApiFault, type FaultKind } from './api/client.js';

export interface FaultMessage {
  title: string;
  body: string;
}

/** Where a fault is shown. */
export type FaultPlace = 'pane' | 'register-page';

interface PlaceWording {
  /** Said after a refused request that could have stored something (422, 413, 5xx). */
  nothingStored: string | null;
  /** The last sentence of every message. */
  unchanged: string | null;
  /** What to do, where it depends on what the user does in this place. */
  advice: Partial<Record<FaultKind, string>>;
}

const PLACES: Record<FaultPlace, PlaceWording> = {
  pane: {
    nothingStored: 'Nothing was stored.',
    unchanged: 'Your workbook is unchanged.',
    advice: {
      invalid: 'The issues are listed below.',
      'too-large': 'Remove rows you do not need (or ask the PMG to raise the limit).',
    },
  },
  'register-page': {
    nothingStored: null,
    unchanged: null,
    advice: {
      forbidden: 'Ask the PMG to add you to the partnership catalogue.',
      'not-a-member': 'Ask the PMG to add you to the partnership catalogue.',
      'not-found': 'Reload the page to see the current register versions.',
      'too-large': 'Choose the appendix file itself, not a folder or archive of several.',
    },
  },
};

/**
 * Whether the service refused the signed-in user because they are no longer a member of the partnership (a
 * 403 problem of type not-a-member): they can still Check their workbook against the catalogue the pane holds,
 * but nothing that needs the service will work until the PMG adds them back.
 */
export function isNotAMember(err: unknown): boolean {
  return err instanceof ApiFault && err.kind === 'not-a-member';
}

/** Why the pane's Submit and Get latest are off after the service refused a removed member. */
export const NOT_A_MEMBER_REASON =
  'Submit and Get latest are off: the service no longer lists you as a member of the partnership. Ask the PMG to add you to the partnership catalogue again; Check still works on this workbook.';

interface Wording {
  title: string;
  /** What happened. */
  said: string;
  /** What to do, unless the place advises otherwise. */
  todo?: string;
  /** Whether the request could have stored something, so it is worth saying that nothing was. */
  couldStore?: boolean;
}

function wordingOf(err: unknown, action: string): { kind: FaultKind | null; wording: Wording } {
  if (!(err instanceof ApiFault)) {
    return {
      kind: null,
      wording: { title: `${action} did not work`, said: err instanceof Error ? err.message : String(err) },
    };
  }
  const detail = err.problem?.detail ?? err.message;
  const ref = err.problem?.requestId ? ` (reference ${err.problem.requestId})` : '';
  const wordings: Record<FaultKind, Wording> = {
    offline: {
      title: 'No connection to the service',
      said: `${action} needs the service, which cannot be reached.`,
      todo: 'Check your network and try again.',
    },
    'signed-out': { title: 'Your sign-in has expired', said: '', todo: 'Sign in again to carry on.' },
    stale: { title: 'Someone saved a newer version', said: detail },
    invalid: { title: 'The service found errors', said: detail, couldStore: true },
    'too-large': {
      title: 'Too large to send',
      said: `${detail} The service refused the request for its size.`,
      couldStore: true,
    },
    'rate-limited': {
      title: 'Too many requests',
      said: `The service asks you to wait${err.retryAfter ? ` ${err.retryAfter} seconds` : ' a moment'} before trying again.`,
    },
    server: {
      title: 'The service had a problem',
      said: `${action} failed: the service answered ${err.status ?? 'an error'}${ref}.`,
      todo: `Try again in a moment; if it keeps happening, tell the PMG${ref ? ' the reference' : ''}.`,
      couldStore: true,
    },
    forbidden: { title: 'Not allowed', said: detail },
    'not-a-member': {
      title: 'Not a member of the partnership',
      said: detail,
      todo: 'Ask the PMG to add you to the partnership catalogue again.',
    },
    'not-found': { title: 'Not found', said: detail },
    conflict: { title: 'Not possible now', said: detail },
    'no-catalogue': {
      title: 'No partnership catalogue yet',
      said: detail,
      todo: 'The PMG sets up the partnership catalogue first; try again once it has.',
    },
    'bad-request': { title: `${action} was refused`, said: detail },
  };
  return { kind: err.kind, wording: wordings[err.kind] };
}

/** The message for a failure of `action` ("Submitting", "Loading register version 3") shown in `place`. */
export function faultMessageIn(place: FaultPlace, err: unknown, action: string): FaultMessage {
  const here = PLACES[place];
  const { kind, wording: w } = wordingOf(err, action);
  const todo =
    place === 'pane' && isNotAMember(err)
      ? `${w.todo} Until then Check still works on your workbook, but Submit and Get latest do not.`
      : ((kind && here.advice[kind]) ?? w.todo);
  const body = [w.said, w.couldStore ? here.nothingStored : null, todo, here.unchanged]
    .filter((part): part is string => Boolean(part))
    .join(' ');
  return { title: w.title, body };
}

/** What the sign-in says when it comes back because the sign-in expired. */
export function signInExpiredIn(place: FaultPlace): FaultMessage {
  return faultMessageIn(place, new ApiFault('signed-out', 'The sign-in has expired.', 401), 'Signing in');
}
