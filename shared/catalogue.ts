/**
 * The partnership catalogue (docs/service.md, "The partnership catalogue"): its schema, its validation with
 * messages that name the place of each problem, and the defaulted partnership settings.
 *
 * Unknown keys are refused (a misspelt `tierWieghts` would otherwise silently fall back to the default).
 * Ids are letters, digits, '.', '_' and '-' because they appear in web addresses and file names. Organisation ids
 * are unique ignoring case, as About matches them. Text must be well-formed (no unpaired surrogate), or no
 * register holding it could be digested or stored.
 */
import * as z from 'zod';
import { INVOLVEMENT, SECTOR } from './enums.js';
import { BROKEN_TEXT, isRecord, isWellFormedText } from './guards.js';
import { compareCodeUnits } from './order.js';
import { GOVERNANCE_MODELS, MEMBER_ROLES, type Catalogue, type Partnership } from './types.js';

export interface CatalogueProblem {
  /** Where the problem is, e.g. `organisations[3].sector`; empty for the catalogue as a whole. */
  path: string;
  message: string;
}

export const DEFAULT_TIER_WEIGHTS = { 1: 3, 2: 2, 3: 1 } as const;
export const DEFAULT_FULL_TIME_HOURS_PER_WEEK = 37.5;
export const DEFAULT_WORKING_DAYS_PER_MONTH = 21.67;

/** Involvements that take part in governance and so carry a stake. */
export const GOVERNING_INVOLVEMENTS: readonly string[] = ['governance-and-funding', 'governance'];

export function isGoverning(involvement: string | null | undefined): boolean {
  return involvement != null && GOVERNING_INVOLVEMENTS.includes(involvement);
}

export interface PartnershipSettings {
  tierWeights: { 1: number; 2: number; 3: number };
  fullTimeHoursPerWeek: number;
  workingDaysPerMonth: number;
}

export function partnershipSettings(p: Partnership): PartnershipSettings {
  return {
    tierWeights: p.tierWeights
      ? { 1: p.tierWeights[1], 2: p.tierWeights[2], 3: p.tierWeights[3] }
      : { ...DEFAULT_TIER_WEIGHTS },
    fullTimeHoursPerWeek: p.fullTimeHoursPerWeek ?? DEFAULT_FULL_TIME_HOURS_PER_WEEK,
    workingDaysPerMonth: p.workingDaysPerMonth ?? DEFAULT_WORKING_DAYS_PER_MONTH,
  };
}

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Organisation and activity ids: letters, digits, '.', '_' or '-', starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const idSchema = z
  .string()
  .regex(ID_PATTERN, { error: "must be letters, digits, '.', '_' or '-', starting with a letter or digit" });
const textSchema = z.string().refine(isWellFormedText, { error: BROKEN_TEXT });
const nameSchema = textSchema.refine((s) => s.trim() !== '', { error: 'must not be blank' });
const dateSchema = z.string().refine(isIsoDate, { error: 'must be a date written yyyy-mm-dd' });
const positiveSchema = z.number().positive({ error: 'must be greater than 0' });

function enumIds<T extends string>(ids: readonly [T, ...T[]]) {
  return z.enum(ids, {
    error: (iss) => `${describe(iss.input)} is not one of ${ids.join(', ')}`,
  });
}

function optionIds(options: readonly { id: string }[]): [string, ...string[]] {
  const [first, ...rest] = options.map((o) => o.id);
  if (first === undefined) throw new Error('An enumeration needs options');
  return [first, ...rest];
}

const tierSchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: (iss) => `${describe(iss.input)} is not a funding tier: use 1, 2, 3 or null`,
});

export const partnershipSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  governanceModel: enumIds(GOVERNANCE_MODELS),
  mouStart: dateSchema,
  mouEnd: dateSchema,
  tierWeights: z.strictObject({ 1: positiveSchema, 2: positiveSchema, 3: positiveSchema }).optional(),
  fullTimeHoursPerWeek: positiveSchema.optional(),
  workingDaysPerMonth: positiveSchema.optional(),
});

export const catalogueOrganisationSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  sector: enumIds(optionIds(SECTOR.options)),
  involvement: enumIds(optionIds(INVOLVEMENT.options)),
  tier: tierSchema.nullable().optional(),
});

export const activitySchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  category: textSchema.optional(),
});

export const memberSchema = z.strictObject({
  email: z.email({ error: (iss) => `${describe(iss.input)} is not a valid email address` }),
  organisationId: idSchema.optional(),
  role: enumIds(MEMBER_ROLES),
});

/** The shape of a catalogue; `validateCatalogue` adds the checks across entries (unique ids, references). */
export const catalogueSchema = z.strictObject({
  partnership: partnershipSchema,
  organisations: z.array(catalogueOrganisationSchema),
  activities: z.array(activitySchema),
  members: z.array(memberSchema),
});

/** `["organisations", 3, "sector"]` -> `organisations[3].sector`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** `organisations[3].sector: "council" is not one of ...` */
export function formatProblem(p: CatalogueProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value) ?? String(value);
}

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  object: 'an object',
  array: 'a list',
};

function zodProblem(issue: z.core.$ZodIssue): CatalogueProblem[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return [
        {
          path,
          message:
            issue.input === undefined
              ? 'is required'
              : `must be ${KIND[issue.expected] ?? issue.expected}, not ${describe(issue.input)}`,
        },
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: 'is not a field of the catalogue',
      }));
    default:
      return [{ path, message: issue.message }];
  }
}

function entries(input: Record<string, unknown>, key: string): [number, Record<string, unknown>][] {
  const list = input[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i): [number, Record<string, unknown>][] => (isRecord(item) ? [[i, item]] : []));
}

/** Reports each value of `field` that repeats an earlier one (compared by `norm`). */
function duplicates(
  listName: string,
  list: [number, Record<string, unknown>][],
  field: string,
  norm: (s: string) => string,
  what: string,
): CatalogueProblem[] {
  const seen = new Map<string, number>();
  const problems: CatalogueProblem[] = [];
  for (const [i, item] of list) {
    const value = item[field];
    if (typeof value !== 'string') continue;
    const first = seen.get(norm(value));
    if (first === undefined) {
      seen.set(norm(value), i);
      continue;
    }
    const firstValue = list.find(([j]) => j === first)?.[1][field];
    const differently = firstValue === value ? '' : ` (${JSON.stringify(firstValue)})`;
    problems.push({
      path: `${listName}[${i}].${field}`,
      message: `${JSON.stringify(value)} repeats the ${what} of ${listName}[${first}]${differently}`,
    });
  }
  return problems;
}

/** Checks across entries; defensive, so they run (and report) even when some entries are malformed. */
function crossProblems(input: Record<string, unknown>): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const p = input.partnership;
  if (isRecord(p)) {
    const { mouStart, mouEnd } = p;
    if (typeof mouStart === 'string' && typeof mouEnd === 'string' && isIsoDate(mouStart) && isIsoDate(mouEnd)) {
      if (mouEnd < mouStart)
        problems.push({ path: 'partnership.mouEnd', message: `${mouEnd} is before mouStart ${mouStart}` });
    }
  }
  const same = (s: string) => s;
  const lower = (s: string) => s.trim().toLowerCase();
  const organisations = entries(input, 'organisations');
  const activities = entries(input, 'activities');
  const members = entries(input, 'members');
  // About matches an Organisation ID ignoring case, so two ids differing only in case would be ambiguous.
  problems.push(...duplicates('organisations', organisations, 'id', lower, 'id (ignoring case)'));
  problems.push(...duplicates('activities', activities, 'id', same, 'id'));
  problems.push(...duplicates('activities', activities, 'name', lower, 'name (ignoring case)'));
  problems.push(...duplicates('members', members, 'email', lower, 'email (ignoring case)'));

  // The Roles sheet matches an activity by name or id: a name that is another activity's id is ambiguous.
  const activityIds = new Map<string, number>();
  for (const [i, a] of activities) if (typeof a.id === 'string') activityIds.set(a.id.toLowerCase(), i);
  for (const [i, a] of activities) {
    if (typeof a.name !== 'string') continue;
    const other = activityIds.get(lower(a.name));
    const otherName = other === undefined ? undefined : activities.find(([j]) => j === other)?.[1].name;
    // A name equal to the other's name as well is already reported as a repeated name.
    if (other !== undefined && other !== i && !(typeof otherName === 'string' && lower(otherName) === lower(a.name)))
      problems.push({
        path: `activities[${i}].name`,
        message: `${JSON.stringify(a.name)} is the id of activities[${other}], so a workbook naming it would be ambiguous`,
      });
  }

  // Without a list of organisations there is nothing to check members against.
  const orgsKnown = Array.isArray(input.organisations);
  const orgIds = new Set(organisations.map(([, o]) => o.id).filter((id): id is string => typeof id === 'string'));
  for (const [i, m] of members) {
    if (m.organisationId === undefined) {
      if (m.role === 'line-manager')
        problems.push({
          path: `members[${i}].organisationId`,
          message: 'is required for a line-manager (the organisation whose workbook they keep)',
        });
    } else if (typeof m.organisationId === 'string' && orgsKnown && !orgIds.has(m.organisationId)) {
      problems.push({
        path: `members[${i}].organisationId`,
        message: `${JSON.stringify(m.organisationId)} is not the id of an organisation of the catalogue`,
      });
    }
  }
  return problems;
}

/** Validates a catalogue as received (JSON); every problem is reported at once, in document order. */
export function validateCatalogue(input: unknown): { catalogue: Catalogue } | { problems: CatalogueProblem[] } {
  const parsed = catalogueSchema.safeParse(input, { reportInput: true });
  if (!isRecord(input)) return { problems: [{ path: '', message: 'The catalogue must be a JSON object' }] };
  const problems = [...(parsed.success ? [] : parsed.error.issues.flatMap(zodProblem)), ...crossProblems(input)];
  if (problems.length > 0 || !parsed.success) {
    return { problems: sortProblems(problems) };
  }
  return { catalogue: parsed.data };
}

/** Document order: by path, with list indices compared as numbers. */
function sortProblems(problems: CatalogueProblem[]): CatalogueProblem[] {
  const parts = (path: string) => path.split(/[.[\]]+/).filter((s) => s !== '');
  const cmp = (a: string, b: string): number => {
    const pa = parts(a);
    const pb = parts(b);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const x = pa[i] as string;
      const y = pb[i] as string;
      if (x === y) continue;
      const nx = Number(x);
      const ny = Number(y);
      if (Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
      return TOP_ORDER.indexOf(x) - TOP_ORDER.indexOf(y) || compareCodeUnits(x, y);
    }
    return pa.length - pb.length;
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => cmp(a.p.path, b.p.path) || a.i - b.i)
    .map(({ p }) => p);
}

const TOP_ORDER = ['partnership', 'organisations', 'activities', 'members'];
