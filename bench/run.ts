/**
 * `npm run bench [-- name...]`: the speed targets of the project, each measured against a baseline run in the
 * same process, printed as ratios. Names: consolidate, import, parse, api, addin, startup (default: all). Exits 1 when a target is
 * missed and --strict is given.
 */
import { benchAddin } from './addin.js';
import { benchApi } from './api.js';
import { benchConsolidate } from './consolidate.js';
import { benchExports } from './exports.js';
import { benchImport } from './importWorkbooks.js';
import type { Verdict } from './measure.js';
import { benchParse } from './parse.js';
import { benchStartup } from './startup.js';

const benches: Record<string, () => Promise<Verdict>> = {
  consolidate: () => benchConsolidate(),
  import: () => benchImport(),
  parse: () => benchParse(),
  api: () => benchApi(),
  addin: () => benchAddin(),
  exports: async () => ({ name: 'exports', ok: (await benchExports()).every((v) => v.ok) }),
  startup: () => benchStartup(),
};

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const names = args.filter((a) => !a.startsWith('--'));
const chosen = names.length ? names : Object.keys(benches);
const unknown = chosen.filter((n) => !benches[n]);
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
const verdicts: Verdict[] = [];
for (const name of chosen) verdicts.push(await benches[name]!());
const missed = verdicts.filter((v) => !v.ok);
console.log(missed.length ? `${missed.length} target(s) missed.` : 'All targets met.');
if (strict && missed.length) process.exit(1);
