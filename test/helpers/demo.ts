/** The demo partnership's files (examples/): its catalogue and its partners' workbooks. */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEMO_CATALOGUE = path.join(ROOT, 'examples/catalogue.json');
export const DEMO_WORKBOOKS = path.join(ROOT, 'examples/workbooks');

/** The partners with a demo workbook, in id order; Eastvale's has errors on purpose. */
export const DEMO_PARTNERS = [
  'eastvale-district-council',
  'northshire-county-council',
  'northshire-cvs',
  'northshire-fire-rescue',
  'northshire-icb',
  'northshire-ig-service',
  'northshire-police',
  'university-of-northshire',
];
export const DEMO_WITH_ERRORS = 'eastvale-district-council';

export const demoWorkbook = (id: string) => path.join(DEMO_WORKBOOKS, `${id}.xlsx`);
