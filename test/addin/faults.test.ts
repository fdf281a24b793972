/**
 * What the add-in says for each fault, in both places it runs: the task pane (beside the user's workbook)
 * reassures that the workbook is unchanged; the register page (no workbook) never mentions one. The faults
 * come from the pane's real API client (addin/api/client.ts) answered by a stubbed fetch, as in the browser.
 */
import { describe, expect, test } from '@jest/globals';
import { ApiFault, createApi } from '../../addin/api/client.js';
import {
  faultMessageIn,
  isNotAMember,
  NOT_A_MEMBER_REASON,
  signInExpiredIn,
  type FaultMessage,
  type FaultPlace,
} from '../../addin/faultMessages.js';
import { registerFault } from '../../addin/register/faults.js';
import { faultMessage } from '../../addin/taskpane/faults.js';

const UNCHANGED = 'Your workbook is unchanged.';

/** The fault the client throws when the service answers `status` (after one failed silent renewal on a 401). */
async function faultOf(answer: () => Response | Promise<Response>): Promise<ApiFault> {
  const api = createApi({
    baseUrl: 'http://service.test',
    tokens: { token: async () => 'token', renew: async () => null },
    fetch: async () => answer(),
  });
  try {
    await api.registers();
  } catch (err) {
    if (err instanceof ApiFault) return err;
    throw err;
  }
  throw new Error('the call did not fail');
}

function answered(
  status: number,
  detail: string,
  extra: { requestId?: string; retryAfter?: string; type?: string } = {},
) {
  return faultOf(
    () =>
      new Response(
        JSON.stringify({
          type: extra.type ?? 'about:blank',
          title: 'Refused',
          status,
          detail,
          ...(extra.requestId ? { requestId: extra.requestId } : {}),
        }),
        {
          status,
          headers: {
            'Content-Type': 'application/problem+json',
            ...(extra.retryAfter ? { 'Retry-After': extra.retryAfter } : {}),
          },
        },
      ),
  );
}

const FAULTS: [name: string, fault: () => Promise<unknown>][] = [
  [
    'network down',
    () =>
      faultOf(() => {
        throw new TypeError('Failed to fetch');
      }),
  ],
  ['expired token', () => answered(401, 'The token has expired.')],
  ['400', () => answered(400, 'afterSeq must be a whole number.')],
  ['403', () => answered(403, 'You are not in the partnership catalogue.')],
  ['404', () => answered(404, 'There is no register version 9.')],
  ['409', () => answered(409, 'Version 3 is already signed off for Leeds.')],
  ['412', () => answered(412, 'Version 4 is newer than your version 3.')],
  ['422', () => answered(422, 'The submission has 2 errors.')],
  ['413', () => answered(413, 'The request is 12 MB; the limit is 10 MB.')],
  ['429', () => answered(429, 'Too many requests.', { retryAfter: '17' })],
  ['5xx', () => answered(503, 'Internal error.', { requestId: 'req-42' })],
  ['an error that is not the service’s', async () => new Error('The sign-in popup was closed.')],
];

describe.each<[FaultPlace, (err: unknown, action: string) => FaultMessage]>([
  ['pane', faultMessage],
  ['register-page', registerFault],
])('%s', (place, wording) => {
  test.each(FAULTS)('%s: a title, a body, the same as the shared wording', async (_, make) => {
    const fault = await make();
    const message = wording(fault, 'Reading the registers');
    expect(message.title.length).toBeGreaterThan(0);
    expect(message.body.length).toBeGreaterThan(0);
    expect(message.body).not.toMatch(/ {2}|^ | $/);
    expect(message).toEqual(faultMessageIn(place, fault, 'Reading the registers'));
    if (place === 'pane') expect(message.body.endsWith(UNCHANGED)).toBe(true);
    else expect(`${message.title} ${message.body}`).not.toMatch(/workbook/i);
  });

  test('the expired sign-in notice', () => {
    const notice = signInExpiredIn(place);
    expect(notice.title).toBe('Your sign-in has expired');
    if (place === 'pane') expect(notice.body).toBe(`Sign in again to carry on. ${UNCHANGED}`);
    else expect(notice.body).toBe('Sign in again to carry on.');
  });
});

describe('one wording of each fault, the place adding only what is true there', () => {
  test('network down names the action and asks to check the network', async () => {
    const fault = await FAULTS[0]![1]();
    expect(registerFault(fault, 'Loading the register versions')).toEqual({
      title: 'No connection to the service',
      body: 'Loading the register versions needs the service, which cannot be reached. Check your network and try again.',
    });
    expect(faultMessage(fault, 'Submitting')).toEqual({
      title: 'No connection to the service',
      body: `Submitting needs the service, which cannot be reached. Check your network and try again. ${UNCHANGED}`,
    });
  });

  test('a 5xx gives the reference to pass on; the pane adds that nothing was stored', async () => {
    const fault = await answered(503, 'Internal error.', { requestId: 'req-42' });
    const page = registerFault(fault, 'Loading register version 2');
    expect(page.title).toBe('The service had a problem');
    expect(page.body).toBe(
      'Loading register version 2 failed: the service answered 503 (reference req-42). Try again in a moment; if it keeps happening, tell the PMG the reference.',
    );
    expect(faultMessage(fault, 'Submitting').body).toBe(
      `Submitting failed: the service answered 503 (reference req-42). Nothing was stored. Try again in a moment; if it keeps happening, tell the PMG the reference. ${UNCHANGED}`,
    );
  });

  test('a 429 says how long to wait, in both places', async () => {
    const fault = await answered(429, 'Too many requests.', { retryAfter: '17' });
    for (const message of [registerFault(fault, 'Verifying a.docx'), faultMessage(fault, 'Submitting')]) {
      expect(message.title).toBe('Too many requests');
      expect(message.body).toContain('The service asks you to wait 17 seconds before trying again.');
    }
  });

  test('a 413 advises what fits the place: fewer rows in the pane, one appendix file on the page', async () => {
    const fault = await answered(413, 'The request is 12 MB; the limit is 10 MB.');
    expect(faultMessage(fault, 'Submitting')).toEqual({
      title: 'Too large to send',
      body: `The request is 12 MB; the limit is 10 MB. The service refused the request for its size. Nothing was stored. Remove rows you do not need (or ask the PMG to raise the limit). ${UNCHANGED}`,
    });
    expect(registerFault(fault, 'Verifying big.zip').body).toBe(
      'The request is 12 MB; the limit is 10 MB. The service refused the request for its size. Choose the appendix file itself, not a folder or archive of several.',
    );
  });

  test('a 422 gives the service’s detail; the pane points at its issue list', async () => {
    const fault = await answered(422, 'The submission has 2 errors.');
    expect(faultMessage(fault, 'Submitting')).toEqual({
      title: 'The service found errors',
      body: `The submission has 2 errors. Nothing was stored. The issues are listed below. ${UNCHANGED}`,
    });
    expect(registerFault(fault, 'Verifying a.docx')).toEqual({
      title: 'The service found errors',
      body: 'The submission has 2 errors.',
    });
  });

  test('a 412 says someone saved a newer version, with the service’s detail', async () => {
    const fault = await answered(412, 'Version 4 is newer than your version 3.');
    expect(faultMessage(fault, 'Submitting')).toEqual({
      title: 'Someone saved a newer version',
      body: `Version 4 is newer than your version 3. ${UNCHANGED}`,
    });
  });

  test('a 409 is told apart by its problem type: no catalogue yet is not "not possible now"', async () => {
    const problem = (type: string) =>
      faultOf(
        () =>
          new Response(JSON.stringify({ type, title: 'Conflict', status: 409, detail: 'Refused.' }), {
            status: 409,
            headers: { 'Content-Type': 'application/problem+json' },
          }),
      );
    const none = await problem('https://oda-register.example/problems/no-catalogue');
    expect(none.kind).toBe('no-catalogue');
    expect(faultMessage(none, 'Reading the registers').title).toBe('No partnership catalogue yet');
    const other = await problem('https://oda-register.example/problems/conflict');
    expect(other.kind).toBe('conflict');
    expect(faultMessage(other, 'Signing off').title).toBe('Not possible now');
  });

  test('a removed member is told to ask the PMG, that Check still works, and why Submit is off', async () => {
    const removed = await answered(403, 'pat@leeds.gov.uk is not a member of the partnership.', {
      type: 'https://oda-register.example/problems/not-a-member',
    });
    expect(removed.kind).toBe('not-a-member');
    expect(isNotAMember(removed)).toBe(true);
    expect(faultMessage(removed, 'Submitting')).toEqual({
      title: 'Not a member of the partnership',
      body: `pat@leeds.gov.uk is not a member of the partnership. Ask the PMG to add you to the partnership catalogue again. Until then Check still works on your workbook, but Submit and Get latest do not. ${UNCHANGED}`,
    });
    expect(NOT_A_MEMBER_REASON).toMatch(/Submit and Get latest are off.*PMG.*Check still works/);
    // Other refusals are not a lost membership, and keep their wording.
    const other = await answered(403, 'Only a member of the PMG may do this.');
    expect(isNotAMember(other)).toBe(false);
    expect(faultMessage(other, 'Consolidating').title).toBe('Not allowed');
    // It is the problem type that says so, not the wording.
    const worded = await answered(403, 'pat@leeds.gov.uk is not a member of the partnership.', {
      type: 'https://oda-register.example/problems/forbidden',
    });
    expect(isNotAMember(worded)).toBe(false);
    expect(faultMessage(worded, 'Submitting').title).toBe('Not allowed');
  });

  test('a removed member on the register page is told to ask the PMG, as any refused user is', async () => {
    const removed = await answered(403, 'pat@leeds.gov.uk is not a member of the partnership.', {
      type: 'https://oda-register.example/problems/not-a-member',
    });
    expect(registerFault(removed, 'Loading')).toEqual({
      title: 'Not a member of the partnership',
      body: 'pat@leeds.gov.uk is not a member of the partnership. Ask the PMG to add you to the partnership catalogue.',
    });
  });

  test('403 and 404 on the register page say what to do there', async () => {
    expect(registerFault(await answered(403, 'You are not in the partnership catalogue.'), 'Loading').body).toBe(
      'You are not in the partnership catalogue. Ask the PMG to add you to the partnership catalogue.',
    );
    expect(registerFault(await answered(404, 'There is no register version 9.'), 'Loading').body).toBe(
      'There is no register version 9. Reload the page to see the current register versions.',
    );
  });

  test('an expired sign-in asks to sign in again, whatever the client’s own message says', async () => {
    const fault = await answered(401, 'The token has expired.');
    expect(fault.kind).toBe('signed-out');
    expect(registerFault(fault, 'Loading')).toEqual(signInExpiredIn('register-page'));
    expect(faultMessage(fault, 'Submitting')).toEqual(signInExpiredIn('pane'));
  });

  test('the pane’s default action, and an error that is not the service’s', () => {
    expect(faultMessage(new Error('Excel is busy.'))).toEqual({
      title: 'That did not work',
      body: `Excel is busy. ${UNCHANGED}`,
    });
    expect(registerFault('Popup blocked.', 'Signing in')).toEqual({
      title: 'Signing in did not work',
      body: 'Popup blocked.',
    });
  });
});
