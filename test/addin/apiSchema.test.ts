/**
 * The pane's API types (addin/api/schema.d.ts) are generated from the service's OpenAPI document; this test
 * regenerates them and fails when the checked-in file differs, so a route change without `npm run gen:api`
 * is caught in CI.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@jest/globals';
import { generatedSchema, SCHEMA_FILE } from '../../scripts/generateApiSchema.js';

test('addin/api/schema.d.ts matches the service’s OpenAPI document (run npm run gen:api after changing a route)', async () => {
  const expected = await generatedSchema();
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(expected);
}, 60_000);
