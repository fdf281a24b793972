/**
 * Hot queries compiled once and run with fresh parameters: Kysely otherwise builds and compiles the same query
 * tree on every call. A query is built through Kysely (so it stays one query layer and each database gets its
 * own SQL) with placeholder values that stand for the parameters, compiled with the store's own Kysely
 * instance, and the placeholders' positions among the compiled parameters are noted; each run passes the same
 * CompiledQuery with the new values in those positions to `executeQuery` of whichever connection or
 * transaction runs it.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/** A placeholder value for parameter `i` (text no real value contains). */
export function placeholder(i: number): string {
  return `\u0000oda-parameter-${i}\u0000`;
}

export interface Compiled<DB, A extends unknown[], R> {
  /** Runs on `db`: the store's Kysely, a connection or a transaction of it. */
  run(db: Kysely<DB>, ...args: A): Promise<R[]>;
}

/**
 * `build(db, p0, p1, ...)` must use each placeholder as a whole value exactly where the argument goes; compiled
 * on first use with `compileOn` (the store's Kysely: the SQL of its database).
 */
export function compiled<DB, A extends unknown[], R>(
  arity: A['length'],
  compileOn: () => Kysely<DB>,
  // Placeholders are typed never so that they stand for a value of any column.
  build: (db: Kysely<DB>, ...placeholders: never[]) => Compilable<R>,
): Compiled<DB, A, R> {
  let query: CompiledQuery<R> | null = null;
  let slots: number[] = [];
  return {
    async run(db, ...args) {
      if (query === null) {
        const names = Array.from({ length: arity }, (_, i) => placeholder(i));
        const made = build(compileOn(), ...(names as never[])).compile();
        const found = names.map((name) => made.parameters.indexOf(name));
        if (found.some((i) => i < 0)) throw new Error(`A compiled query does not use all its ${arity} parameters.`);
        slots = found;
        query = made;
      }
      const parameters = query.parameters.slice();
      slots.forEach((slot, i) => (parameters[slot] = args[i]));
      const result = await db.executeQuery<R>({ ...query, parameters });
      return result.rows;
    },
  };
}
