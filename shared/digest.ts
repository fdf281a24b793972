/**
 * Digests: SHA-256 of the RFC 8785 canonical JSON of a value, as "sha256:<hex>". Pure (no node:crypto), so the
 * add-in bundle can compute the same digest as the server.
 *
 * Speed (a register of 100k commitments is ~30 MB of JSON; docs/register-format.md, bench/consolidate.ts): RFC 8785
 * writes strings and numbers exactly as ECMAScript's JSON.stringify does and differs from it only in the order of
 * object keys (sorted by UTF-16 code units) and in refusing NaN, Infinity and lone surrogates. So the text is made by
 * the native JSON.stringify, in pieces:
 * - objects are walked member by member, keys sorted once per object shape;
 * - arrays go in batches of BATCH items; a batch of table rows (objects of one shape holding only strings,
 *   numbers, booleans and null) is JSON.stringify'd with the sorted keys as its property list, which writes the
 *   members in that order; any other batch is JSON.stringify'd from a copy whose objects have their keys inserted
 *   in sorted order;
 * - JavaScript enumerates integer-like keys ("1", "10") first and in numeric order, whatever the insertion order:
 *   an object whose keys a copy would not keep in RFC 8785 order goes through the `canonicalize` package.
 * The digest hashes the pieces as they come (@noble/hashes, incrementally), so no text of the whole value is made.
 */
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { isWellFormedText } from './guards.js';
import { maxUtf8Bytes, writeUtf8 } from './utf8.js';

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

function checkString(text: string): string {
  if (!isWellFormedText(text)) throw new Error('Lone surrogate is not allowed');
  return text;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function makeShape(keys: readonly string[]): Shape {
  for (const key of keys) checkString(key);
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
 * and symbol members are left out and become null in arrays, as JSON.stringify does; toJSON is applied.
 */
function canonicalCopy(root: unknown): unknown {
  const ancestors = new Set<object>();
  // The last shape seen at each depth: the rows of one table share a shape, so this hits almost always.
  const shapes: (Shape | undefined)[] = [];

  const copy = (value: unknown, depth: number): unknown => {
    switch (typeof value) {
      case 'string':
        return checkString(value);
      case 'boolean':
        return value;
      case 'number':
        return checkNumber(value);
      case 'object':
        return value === null ? null : copyObject(value, depth);
      case 'bigint':
        throw new TypeError('BigInt is not allowed');
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
        if (typeof item === 'string') out[key] = checkString(item);
        else if (item === null) out[key] = null;
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

/** Canonical text of a value small enough to copy whole; undefined when it has no JSON form. */
function canonicalPiece(value: unknown): string | undefined {
  let text: string | undefined;
  try {
    text = JSON.stringify(canonicalCopy(value));
  } catch (e) {
    if (!(e instanceof Misordered)) throw e;
    text = canonicalize(value);
  }
  return text;
}

/** Array items canonicalised as one piece: the rows of a large table go in pieces of this many. */
const BATCH = 1024;

const hasNoJsonForm = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

const isPlainMember = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';

/**
 * Canonical text of table rows: objects of one shape whose members are strings, numbers, booleans or null. Then
 * JSON.stringify with the sorted keys as its property list writes each row's members in canonical order (in the
 * list's order, integer-like keys too) with no copy. Undefined when the rows are not such rows.
 */
function flatRowsPiece(rows: readonly unknown[]): string | undefined {
  const first = rows[0];
  if (!isPlainMember(first) || Array.isArray(first)) return undefined;
  const keys = Object.keys(first);
  const shape = makeShape(keys);
  for (const row of rows) {
    if (!isPlainMember(row) || Array.isArray(row) || !sameKeys(Object.keys(row), keys)) return undefined;
    const members = row as Record<string, unknown>;
    for (const key of shape.sorted) {
      const member = members[key];
      if (typeof member === 'string') checkString(member);
      else if (typeof member === 'number') checkNumber(member);
      else if (member !== null && typeof member !== 'boolean') return undefined;
    }
  }
  return JSON.stringify(rows, shape.sorted as string[]);
}

/** Canonical text of an array small enough to copy whole. */
const arrayPiece = (items: readonly unknown[]): string => flatRowsPiece(items) ?? canonicalPiece(items)!;

/**
 * Writes the canonical text of `value` to `write`, in pieces whose concatenation is the text: the members of
 * objects one by one and large arrays in batches of items, so that no copy of the whole value is made, and a
 * digest needs no text of the whole value either.
 */
function writeCanonical(value: unknown, write: (piece: string) => void): void {
  const ancestors = new Set<object>();
  /** Writes the text of a value of an object member or the root; false when it has no JSON form. */
  const walk = (v: unknown): boolean => {
    if (!isPlainMember(v)) {
      const piece = canonicalPiece(v);
      if (piece === undefined) return false;
      write(piece);
      return true;
    }
    if (ancestors.has(v)) throw new Error('Circular reference detected');
    ancestors.add(v);
    if (Array.isArray(v)) {
      if (v.length <= BATCH) write(arrayPiece(v));
      else {
        write('[');
        for (let start = 0; start < v.length; start += BATCH) {
          if (start > 0) write(',');
          write(arrayPiece(v.slice(start, start + BATCH)).slice(1, -1));
        }
        write(']');
      }
    } else {
      const shape = makeShape(Object.keys(v));
      if (shape.misordered) write(canonicalPiece(v)!);
      else {
        const members = v as Record<string, unknown>;
        let separator = '{';
        for (const key of shape.sorted) {
          const member = members[key];
          if (hasNoJsonForm(member)) continue;
          const name = `${separator}${JSON.stringify(key)}:`;
          if (isPlainMember(member)) write(name);
          else {
            const piece = canonicalPiece(member);
            if (piece === undefined) continue;
            write(name);
            write(piece);
            separator = ',';
            continue;
          }
          walk(member);
          separator = ',';
        }
        write(separator === '{' ? '{}' : '}');
      }
    }
    ancestors.delete(v);
    return true;
  };
  if (!walk(value)) throw new TypeError('Value has no JSON form');
}

/** RFC 8785 canonical JSON text of a JSON value. */
export function canonicalJson(value: unknown): string {
  const pieces: string[] = [];
  writeCanonical(value, (piece) => pieces.push(piece));
  return pieces.join('');
}

/** Characters encoded and hashed at a time: small enough for the bytes to stay in cache, and bounds memory. */
const CHUNK = 1 << 16;

/** An incremental SHA-256 of UTF-8 text given in pieces. */
function textHasher() {
  const hash = sha256.create();
  let buffer = new Uint8Array(CHUNK * 3 + 3);
  let pending = '';
  const encode = (text: string): void => {
    if (buffer.length < maxUtf8Bytes(text)) buffer = new Uint8Array(maxUtf8Bytes(text));
    hash.update(buffer.subarray(0, writeUtf8(text, buffer)));
  };
  const flush = (): void => {
    if (pending.length > 0) encode(pending);
    pending = '';
  };
  return {
    update(text: string): void {
      if (pending.length + text.length < CHUNK) {
        // Small pieces (keys, punctuation, short values) are gathered.
        pending += text;
        return;
      }
      flush();
      if (text.length <= 4 * CHUNK) {
        encode(text);
        return;
      }
      // A long text goes in chunks, so its bytes never take more than a few times CHUNK; never split a pair.
      for (let start = 0; start < text.length;) {
        let end = Math.min(start + CHUNK, text.length);
        const last = text.charCodeAt(end - 1);
        if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
        encode(text.slice(start, end));
        start = end;
      }
    },
    hex(): string {
      flush();
      return bytesToHex(hash.digest());
    },
  };
}

export function sha256Hex(text: string): string {
  const hasher = textHasher();
  hasher.update(text);
  return hasher.hex();
}

export function digestOf(value: unknown): string {
  const hasher = textHasher();
  writeCanonical(value, (piece) => hasher.update(piece));
  return `sha256:${hasher.hex()}`;
}
