/** compiled() (server/store/compiledQueries.ts): compiled once, each run with its own parameters. */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { compiled } from '../../server/store/compiledQueries.js';

interface Db {
  people: { name: string; team: string; age: number };
}

let db: Kysely<Db>;
beforeEach(async () => {
  db = new Kysely<Db>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  await db.schema
    .createTable('people')
    .addColumn('name', 'text')
    .addColumn('team', 'text')
    .addColumn('age', 'integer')
    .execute();
});
afterEach(() => db.destroy());

test('a compiled insert and select run with the values of each call, in the order given', async () => {
  const insert = compiled<Db, [string, string, number], never>(
    3,
    () => db,
    (d, name, team, age) => d.insertInto('people').values({ name: name!, team: team!, age: age! }),
  );
  const olderIn = compiled<Db, [string, number], { name: string }>(
    2,
    () => db,
    (d, team, age) =>
      d.selectFrom('people').select('name').where('team', '=', team!).where('age', '>', age!).orderBy('name'),
  );
  await insert.run(db, 'Ada', 'blue', 36);
  await insert.run(db, 'Bo', 'blue', 20);
  await insert.run(db, 'Cy', 'red', 50);
  expect(await olderIn.run(db, 'blue', 30)).toEqual([{ name: 'Ada' }]);
  expect(await olderIn.run(db, 'blue', 10)).toEqual([{ name: 'Ada' }, { name: 'Bo' }]);
  expect(await olderIn.run(db, 'red', 10)).toEqual([{ name: 'Cy' }]);
  await db.transaction().execute(async (trx) => {
    await insert.run(trx, 'Di', 'red', 60);
  });
  expect(await olderIn.run(db, 'red', 55)).toEqual([{ name: 'Di' }]);
});

test('a query that does not use every placeholder is refused', async () => {
  const broken = compiled<Db, [string, number], { name: string }>(
    2,
    () => db,
    (d, team) => d.selectFrom('people').select('name').where('team', '=', team!),
  );
  await expect(broken.run(db, 'blue', 1)).rejects.toThrow('does not use all its 2 parameters');
});
