/**
 * What the register page says when a call fails: a title and one specific sentence naming what to do. The
 * page only reads registers (and sends a file to verify), so nothing is ever lost by a failure.
 */
import { ApiFault } from '../api/client.js';

export interface FaultMessage {
  title: string;
  body: string;
}

export function registerFault(err: unknown, action: string): FaultMessage {
  if (!(err instanceof ApiFault)) {
    return { title: `${action} did not work`, body: err instanceof Error ? err.message : String(err) };
  }
  const detail = err.problem?.detail ?? err.message;
  const ref = err.problem?.requestId ? ` (reference ${err.problem.requestId})` : '';
  switch (err.kind) {
    case 'offline':
      return {
        title: 'No connection to the service',
        body: `${action} needs the service, which cannot be reached. Check your network and try again.`,
      };
    case 'signed-out':
      return { title: 'Your sign-in has expired', body: 'Sign in again to carry on.' };
    case 'forbidden':
      return { title: 'Not allowed', body: `${detail} Ask the PMG to add you to the partnership catalogue.` };
    case 'not-found':
      return { title: 'Not found', body: `${detail} Reload the page to see the current register versions.` };
    case 'rate-limited':
      return {
        title: 'Too many requests',
        body: `The service asks you to wait${err.retryAfter ? ` ${err.retryAfter} seconds` : ' a moment'} before trying again.`,
      };
    case 'too-large':
      return {
        title: 'Too large to send',
        body: `${detail} Choose the appendix file itself, not a folder or archive of several.`,
      };
    case 'server':
      return {
        title: 'The service had a problem',
        body: `${action} failed: it answered ${err.status ?? 'an error'}${ref}. Try again in a moment; if it keeps happening, tell the PMG${ref ? ' the reference' : ''}.`,
      };
    default:
      return { title: `${action} was refused`, body: detail };
  }
}
