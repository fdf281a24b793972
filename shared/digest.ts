/**
 * Digests: SHA-256 of the RFC 8785 canonical JSON of a value, as "sha256:<hex>". Pure (no node:crypto), so the
 * add-in bundle can compute the same digest as the server.
 *
 * Speed (a register of 100k commitments is ~30 MB of JSON): RFC 8785 writes strings and numbers exactly as
 * ECMAScript's JSON.stringify does and differs from it only in the order of object keys (sorted by UTF-16 code
 * units). So the canonical text is JSON.stringify of a copy of the value whose objects have their keys inserted
 * in that order; the copy is cheap (the sorted order is computed once per object shape) and JSON.stringify is
 * native. JavaScript enumerates integer-like keys ("1", "10") first and in numeric order, whatever the order of
 * insertion; an object whose keys would come out in another order than RFC 8785's is detected, and then the
 * whole value goes through the `canonicalize` package instead, so the text is the same either way.
 */
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The keys of one object shape, in the order RFC 8785 writes them. */
interface Shape {
  keys: readonly string[];
  sorted: readonly string[];
  /** True when JavaScript would enumerate `sorted`, inserted in that order, in another order. */
  misordered: boolean;
}

/** Thrown inside the walk when the fast path cannot produce the canonical order. */
class Misordered extends Error {}

function checkNumber(n: number): number {
  if (Number.isNaN(n)) throw new Error('NaN is not allowed');
  if (!Number.isFinite(n)) throw new Error('Infinity is not allowed');
  return n;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function makeShape(keys: readonly string[]): Shape {
  const sorted = [...keys].sort();
  let misordered = false;
  // Only integer-like keys (which start with a digit) are enumerated out of insertion order.
  if (sorted.some((k) => k.charCodeAt(0) >= 0x30 && k.charCodeAt(0) <= 0x39)) {
    const probe: Record<string, null> = {};
    for (const k of sorted) probe[k] = null;
    misordered = !sameKeys(Object.keys(probe), sorted);
  }
  return { keys, sorted, misordered };
}

/**
 * A copy of `value` with every object's keys in canonical order, holding only JSON values: undefined, function
 * and symbol members are left out and become null in arrays, as JSON.stringify does; toJSON is applied. Strings
 * are copied unchecked: lone surrogates are found in the text afterwards (see canonicalJson).
 */
function canonicalCopy(root: unknown): unknown {
  const ancestors = new Set<object>();
  // The last shape seen at each depth: the rows of one table share a shape, so this hits almost always.
  const shapes: (Shape | undefined)[] = [];

  const copy = (value: unknown, depth: number): unknown => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        return checkNumber(value);
      case 'object':
        return value === null ? null : copyObject(value, depth);
      default:
        return undefined;
    }
  };

  const copyObject = (value: object, depth: number): unknown => {
    if (ancestors.has(value)) throw new Error('Circular reference detected');
    ancestors.add(value);
    let result: unknown;
    const toJson = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJson === 'function') {
      result = copy(toJson.call(value), depth);
    } else if (Array.isArray(value)) {
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = copy(value[i], depth + 1);
        out[i] = item === undefined ? null : item;
      }
      result = out;
    } else {
      const keys = Object.keys(value);
      let shape = shapes[depth];
      if (shape === undefined || !sameKeys(shape.keys, keys)) {
        shape = makeShape(keys);
        shapes[depth] = shape;
      }
      if (shape.misordered) throw new Misordered();
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of shape.sorted) {
        const item = source[key];
        // Most members are strings or null: no call for them.
        if (typeof item === 'string' || item === null) out[key] = item;
        else {
          const copied = copy(item, depth + 1);
          if (copied !== undefined) out[key] = copied;
        }
      }
      result = out;
    }
    ancestors.delete(value);
    return result;
  };
  return copy(root, 0);
}

/**
 * True when a string of the value held a lone surrogate. JSON.stringify writes one as a `\udxxx` escape (and
 * every other character below U+10000 that it escapes, as `\u00xx`), so a text without `\ud` has none; where
 * there is one, the backslashes before it tell an escape from an escaped backslash followed by "ud".
 */
function hasEscapedSurrogate(text: string): boolean {
  for (let i = text.indexOf('\\ud'); i !== -1; i = text.indexOf('\\ud', i + 1)) {
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0 && /^[89a-f]/.test(text.charAt(i + 3))) return true;
  }
  return false;
}

/** RFC 8785 canonical JSON text of a JSON value. */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(canonicalCopy(value));
  } catch (e) {
    if (!(e instanceof Misordered)) throw e;
    text = canonicalize(value);
  }
  if (text === undefined) throw new TypeError('Value has no JSON form');
  if (hasEscapedSurrogate(text)) throw new Error('Lone surrogate is not allowed');
  return text;
}

/** Characters encoded and hashed at a time: small enough for the bytes to stay in cache, and bounds memory. */
const CHUNK = 1 << 16;

export function sha256Hex(text: string): string {
  const hash = sha256.create();
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(Math.min(text.length, CHUNK + 1) * 3);
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + CHUNK, text.length);
    // Never split a surrogate pair between two chunks.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    const { written } = encoder.encodeInto(text.slice(start, end), buffer);
    hash.update(buffer.subarray(0, written));
    start = end;
  }
  return bytesToHex(hash.digest());
}

export function digestOf(value: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(value))}`;
}
