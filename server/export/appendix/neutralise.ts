/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet reads a cell that begins with `=`, `+`, `-`, `@`, a
 * tab or a carriage return as a formula. Every free text an appendix writes to a CSV file or an Excel cell goes
 * through `neutralise`, which prefixes such text with a single quote, so it is shown as text and never run.
 * Numbers are written as numbers (a negative number stays a number) and never pass through here.
 */

const LIVE_START = /^[=+\-@\t\r]/;

/** The text as it is safe to put in a spreadsheet cell: prefixed with `'` when it could start a formula. */
export function neutralise(text: string): string {
  return LIVE_START.test(text) ? `'${text}` : text;
}

/** Whether a spreadsheet would treat this text as a formula. */
export function isLive(text: string): boolean {
  return LIVE_START.test(text);
}
