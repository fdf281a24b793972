/** Parsing of command-line option values, so every command refuses a bad value with the same kind of line. */
import { UserError } from './errors.js';

/**
 * `text` as a whole number from `min` to `max`, else a UserError naming the option and what was given.
 * `expected` says what the option takes; by default "a whole number from MIN to MAX".
 */
export function wholeNumber(
  option: string,
  text: string,
  min: number,
  max: number,
  expected = `a whole number from ${min} to ${max}`,
): number {
  // Digits only: Number() would also take "0x1", "1e2", " 3" and "".
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UserError(`${option} must be ${expected} (got "${text}").`, 2);
  }
  return n;
}
