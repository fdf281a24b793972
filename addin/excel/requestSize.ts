/**
 * How big an Office.js request is, estimated before it is sent. Excel on the web refuses a request (one
 * `context.sync()`) of more than 5 MB, so large writes are split into chunks that each stay well under it.
 *
 * A request is JSON: for each queued call or property set, its object path and its arguments. The estimate
 * is the UTF-8 size of the arguments' JSON plus a fixed allowance per call that is larger than Office.js's
 * own overhead (about 100-150 bytes per action with its object path), so it errs on the large side.
 */

/** Excel on the web's limit on one request's payload. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** What the gateway puts in one request: a margin of 1.5 MB under the limit for the estimate's errors. */
export const REQUEST_BUDGET_BYTES = 3.5 * 1024 * 1024;
/** Excel on the web's limit on one response's payload (everything loaded in one `context.sync()`). */
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;
/** What the gateway loads in one request: the same margin under the limit as for requests. */
export const RESPONSE_BUDGET_BYTES = 3.5 * 1024 * 1024;

/** The allowance for one queued call or property set with its object path, on top of its arguments. */
export const ACTION_BYTES = 200;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value's JSON, as Office.js serialises an argument. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  if (json === undefined) return 0;
  // ASCII text (the common case) is one byte a character: skip the encoder for it.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(json) ? json.length : encoder.encode(json).length;
}

/** Estimated request bytes of `actions` calls carrying `payload` as their arguments. */
export function requestBytes(actions: number, payload: unknown = null): number {
  return actions * ACTION_BYTES + (payload === null ? 0 : jsonBytes(payload));
}
