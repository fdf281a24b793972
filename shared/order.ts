/**
 * The one order of text in shared/: by UTF-16 code units, as JavaScript's `<` compares strings and RFC 8785
 * sorts keys. Unlike localeCompare it is the same on every machine and in every browser, so registers built
 * anywhere list rows in the same order.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
