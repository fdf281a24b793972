/**
 * Field errors: what is wrong with one field of a request, named by a JSON pointer (RFC 6901) into it
 * (`/body/...`, `/params/...`, `/query/...`, `/headers/...`). Made here, where a request body is checked
 * (also on a worker thread), and sent by the API as the `errors` of a problem.
 */
export interface FieldError {
  /** JSON pointer into the request: `/body/...`, `/params/...`, `/query/...`, `/headers/...`. */
  pointer: string;
  detail: string;
}

/** A JSON pointer below `base` (RFC 6901 escaping of each part). */
export function pointerOf(base: string, path: readonly PropertyKey[]): string {
  return base + path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** A zod error as field errors with JSON pointers below `base` (`/body`, `/params`, `/query`). */
export function fieldErrors(
  base: string,
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
): FieldError[] {
  return error.issues.map((i): FieldError => ({ pointer: pointerOf(base, i.path), detail: i.message }));
}
