/** Reading a partnership catalogue from a JSON file (the CLI's `init`, the demo seed, the demo's builder). */
import { readFile } from 'node:fs/promises';
import { formatProblem, validateCatalogue } from '../../shared/catalogue.js';
import type { Catalogue } from '../../shared/types.js';
import { DomainError } from '../errors/domainError.js';

/** The file cannot be read, is not JSON, or is not a valid catalogue: the message says which, and where. */
export class CatalogueFileError extends DomainError {
  readonly kind = 'invalid-catalogue-file';

  constructor(message: string) {
    super(message);
    this.name = 'CatalogueFileError';
  }
}

/** Reads and validates a catalogue file; every problem is listed with its place. `shown` names it in messages. */
export async function readCatalogueFile(file: string, shown: string = file): Promise<Catalogue> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CatalogueFileError(
      `Cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}.`,
    );
  }
  if (text.startsWith('PK')) {
    throw new CatalogueFileError(
      `${shown} is a zip file (an Excel workbook?), not a catalogue: give the partnership catalogue's JSON file, such as examples/catalogue.json.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CatalogueFileError(`${shown} is not valid JSON: ${(err as Error).message}`);
  }
  const result = validateCatalogue(json);
  if ('problems' in result) {
    throw new CatalogueFileError(
      `${shown} is not a valid partnership catalogue:\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
  return result.catalogue;
}
