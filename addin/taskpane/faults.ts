/**
 * What the pane says when something fails: a title and a sentence for each kind of fault, each naming what to
 * do, and each saying that the workbook is unchanged (nothing the pane does on the network touches it).
 */
import { ApiFault } from '../api/client.js';

export interface FaultMessage {
  title: string;
  body: string;
}

const UNCHANGED = 'Your workbook is unchanged.';

export function faultMessage(err: unknown, action = 'That'): FaultMessage {
  if (!(err instanceof ApiFault)) {
    const detail = err instanceof Error ? err.message : String(err);
    return { title: `${action} did not work`, body: `${detail} ${UNCHANGED}` };
  }
  const detail = err.problem?.detail ?? err.message;
  const ref = err.problem?.requestId ? ` (reference ${err.problem.requestId})` : '';
  switch (err.kind) {
    case 'offline':
      return {
        title: 'No connection to the service',
        body: `${action} needs the service, which cannot be reached. Check your network and try again. ${UNCHANGED}`,
      };
    case 'signed-out':
      return {
        title: 'Your sign-in has expired',
        body: `Sign in again, then repeat what you were doing. ${UNCHANGED}`,
      };
    case 'stale':
      return { title: 'Someone saved a newer version', body: `${detail} ${UNCHANGED}` };
    case 'invalid':
      return {
        title: 'The service found errors',
        body: `${detail} Nothing was stored; the issues are listed below. ${UNCHANGED}`,
      };
    case 'too-large':
      return {
        title: 'Too large to send',
        body: `${detail} The service refused the request for its size and stored nothing. Remove rows you do not need (or ask the PMG to raise the limit). ${UNCHANGED}`,
      };
    case 'rate-limited':
      return {
        title: 'Too many requests',
        body: `The service asks you to wait${err.retryAfter ? ` ${err.retryAfter} seconds` : ' a moment'} before trying again. ${UNCHANGED}`,
      };
    case 'server':
      return {
        title: 'The service had a problem',
        body: `It answered ${err.status ?? 'an error'}${ref}: nothing was stored. Try again in a moment; if it keeps happening, tell the PMG${ref ? ' the reference' : ''}. ${UNCHANGED}`,
      };
    case 'forbidden':
      return { title: 'Not allowed', body: `${detail} ${UNCHANGED}` };
    case 'not-found':
      return { title: 'Not found', body: `${detail} ${UNCHANGED}` };
    case 'conflict':
      return { title: 'Not possible now', body: `${detail} ${UNCHANGED}` };
    case 'bad-request':
      return { title: `${action} was refused`, body: `${detail} ${UNCHANGED}` };
  }
}
