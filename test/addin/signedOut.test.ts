/**
 * One handler for an expired sign-in: the API client calls it once when a 401 persists after the silent
 * renewal (however many calls fail together), never when the renewal works or for another fault, so the pane's
 * and the register page's views need not check for it. The client is the real one, answered by a stubbed fetch.
 */
import { describe, expect, test } from '@jest/globals';
import { ApiFault, createApi, type TokenSource } from '../../addin/api/client.js';

const expired = () =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Expired.' }), {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  });
const registers = () =>
  new Response(JSON.stringify({ registers: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } });

/** A client whose service answers each call with `answer(bearer)`, with a renewal that gives `renewed`. */
function client(answer: (bearer: string) => Response, renewed: string | null, onSignedOut?: () => void) {
  const tokens: TokenSource = { token: async () => 'old', renew: async () => renewed };
  return createApi({
    baseUrl: 'http://service.test',
    tokens,
    fetch: async (request) => answer(((request as Request).headers.get('authorization') ?? '').replace(/^Bearer /, '')),
    ...(onSignedOut ? { onSignedOut } : {}),
  });
}

async function faultOf(call: Promise<unknown>): Promise<ApiFault> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ApiFault) return err;
    throw err;
  }
  throw new Error('the call did not fail');
}

describe('an expired sign-in', () => {
  test('calls the handler once for calls that fail together, and each call still fails as signed-out', async () => {
    let told = 0;
    const api = client(expired, null, () => told++);
    const faults = await Promise.all([
      faultOf(api.registers()),
      faultOf(api.register(1)),
      faultOf(api.signOffStatus(1)),
    ]);
    expect(faults.map((f) => f.kind)).toEqual(['signed-out', 'signed-out', 'signed-out']);
    expect(told).toBe(1);
  });

  test('the handler set on a client after it was made (the pane’s and the register page’s) is the one called', async () => {
    let byOption = 0;
    let byApp = 0;
    const api = client(expired, null, () => byOption++);
    const remove = api.onSignedOut(() => byApp++);
    await faultOf(api.registers());
    expect([byOption, byApp]).toEqual([0, 1]);
    // Removed (the view unmounted): a later expiry calls nothing.
    remove();
    await faultOf(api.registers());
    expect(byApp).toBe(1);
  });

  test('is not called when the silent renewal works, nor for any other fault', async () => {
    let told = 0;
    const renewing = client(
      (bearer) => (bearer === 'new' ? registers() : expired()),
      'new',
      () => told++,
    );
    await expect(renewing.registers()).resolves.toEqual([]);
    const refusing = client(
      () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'No.' }), {
          status: 403,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      null,
      () => told++,
    );
    await expect(faultOf(refusing.registers())).resolves.toMatchObject({ kind: 'forbidden' });
    expect(told).toBe(0);
  });

  test('a later expiry, after calls worked again, is told again', async () => {
    let told = 0;
    let valid = false;
    const api = client(
      () => (valid ? registers() : expired()),
      null,
      () => told++,
    );
    await faultOf(api.registers());
    valid = true;
    await api.registers();
    valid = false;
    await faultOf(api.registers());
    expect(told).toBe(2);
  });
});
