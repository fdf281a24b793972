/** Awaiting a promise that must reject, for tests of refusals and failures. */

type Constructor<T> = abstract new (...args: never[]) => T;

/**
 * Awaits `promise`, which must reject, and returns what it rejected with; a promise that resolves fails the
 * test. The rejection must be an instance of `type` (default Error).
 */
export async function rejection(promise: Promise<unknown>): Promise<Error>;
export async function rejection<T>(promise: Promise<unknown>, type: Constructor<T>): Promise<T>;
export async function rejection(promise: Promise<unknown>, type: Constructor<unknown> = Error): Promise<unknown> {
  const outcome = await promise.then(
    () => ({ rejected: false as const }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error('expected the promise to reject, but it resolved');
  if (!(outcome.error instanceof type)) throw new Error(`expected a ${type.name}, got ${String(outcome.error)}`);
  return outcome.error;
}
