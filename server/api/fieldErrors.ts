/** A zod error as field errors with JSON pointers below `base` (`/body`, `/params`, `/query`). */
import { pointerOf, type FieldError } from '../http/problem.js';

export function fieldErrors(
  base: string,
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
): FieldError[] {
  return error.issues.map((i): FieldError => ({ pointer: pointerOf(base, i.path), detail: i.message }));
}
