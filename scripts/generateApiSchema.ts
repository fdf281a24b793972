/**
 * `npm run gen:api`: the service's OpenAPI document (built from the declared routes, exactly as
 * GET /api/openapi.json serves it in development) turned into TypeScript types for the pane's one API client,
 * written to addin/api/schema.d.ts, which is checked in. test/addin/apiSchema.test.ts regenerates it and fails
 * when the checked-in file differs, so the client cannot drift from the service.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import prettier from 'prettier';
import { ROOT, serviceDocument } from './serviceDocument.js';

export const SCHEMA_FILE = path.join(ROOT, 'addin/api/schema.d.ts');

const HEADER = `/**
 * The sync service's API as TypeScript types, generated from its OpenAPI document by \`npm run gen:api\`
 * (scripts/generateApiSchema.ts). Do not edit: change the routes in server/api and regenerate.
 */
`;

/** The text schema.d.ts should hold: openapi-typescript's output, formatted as the repository formats. */
export async function generatedSchema(): Promise<string> {
  const ast = await openapiTS(serviceDocument() as unknown as OpenAPI3, { alphabetize: true });
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  return prettier.format(HEADER + astToString(ast), { ...options, parser: 'typescript' });
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const text = await generatedSchema();
  writeFileSync(SCHEMA_FILE, text);
  process.stdout.write(`wrote ${path.relative(ROOT, SCHEMA_FILE)} (${text.length} characters)\n`);
}
