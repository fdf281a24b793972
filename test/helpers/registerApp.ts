/** A test app holding register version 1: Leeds and the police submitted the test catalogue's good tables. */
import { consolidateNow } from '../../server/services/registers.js';
import { submitTables } from '../../server/services/submissions.js';
import { LEEDS, POLICE, testCatalogue } from './catalogue.js';
import { goodRawTables } from './rawTables.js';
import { makeTestApp, MEMBERS, type TestApp, type TestAppOptions } from './testApp.js';

export async function makeRegisterApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const t = await makeTestApp(opts);
  const catalogue = testCatalogue();
  for (const id of [LEEDS, POLICE]) {
    await submitTables({
      store: t.store,
      catalogue,
      tables: goodRawTables(catalogue, id),
      actor: 'lm@test',
      source: 'cli',
      replaces: { kind: 'version', version: null },
    });
  }
  await consolidateNow({ store: t.store, actor: MEMBERS.pmg });
  return t;
}
