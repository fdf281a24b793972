import fc from 'fast-check';
import { consolidate, registerDigest } from '../../shared/consolidate.js';
import { digestOf, canonicalJson } from '../../shared/digest.js';
import type { Catalogue, Register, SubmissionSource } from '../../shared/types.js';
import { cleanSources, commitment, participation, testCatalogue } from '../helpers/registerFixtures.js';

describe('digestOf', () => {
  it('ignores key order and follows RFC 8785 number form', () => {
    expect(digestOf({ b: 1, a: [1, 'x'] })).toBe(digestOf({ a: [1, 'x'], b: 1 }));
    expect(canonicalJson({ b: 1.0, a: 1e21, c: 'é' })).toBe('{"a":1e+21,"b":1,"c":"é"}');
  });
  it('changes when any value changes', () => {
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(digestOf({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('register digest', () => {
  const OPTS = { version: 1, createdAt: '2025-06-01T12:00:00.000Z' };

  /** Every organisation submitted, with rows in every table and a stored warning. */
  function richSources(catalogue: Catalogue): SubmissionSource[] {
    return cleanSources(catalogue).map((s, i) => {
      s.submission.commitments = [
        commitment({ ref: `R${i}`, quantity: 15, unit: 'hours-per-week', notes: 'half days' }),
        commitment({ resourceType: 'funding', quantity: 1000.5 + i, unit: 'gbp', end: '2026-03-31' }),
        commitment({ resourceType: 'data', quantity: 2, unit: 'datasets', status: 'delivered' }),
      ];
      s.submission.participation = [
        participation({ forum: `Forum ${i}` }),
        participation({ forum: 'PMG', channel: null }),
      ];
      s.submission.roles = s.submission.roles.map((r) => ({ ...r, namedLead: 'Lead', notes: 'note' }));
      s.warnings = [
        {
          severity: 'warning',
          code: 'table/extra-column',
          message: 'Extra column',
          sheet: 'Contacts',
          row: 1,
          cell: 'H1',
        },
      ];
      s.digest = digestOf(s.submission);
      return s;
    });
  }

  /** Rebuilds every object with its keys in an order drawn from `seed`. */
  function reorderKeys(value: unknown, seed: number): unknown {
    let state = seed >>> 0 || 1;
    const next = () => (state = (state * 1103515245 + 12345) >>> 0);
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (v === null || typeof v !== 'object') return v;
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i > 0; i--) {
        const j = next() % (i + 1);
        [keys[i], keys[j]] = [keys[j]!, keys[i]!];
      }
      return Object.fromEntries(keys.map((k) => [k, walk((v as Record<string, unknown>)[k])]));
    };
    return walk(value);
  }

  /** A value different from `v` of a kind the field can hold. */
  function changed(v: unknown): unknown {
    if (typeof v === 'string') return `${v}x`;
    if (typeof v === 'number') return v + 1;
    if (typeof v === 'boolean') return !v;
    return 'x';
  }

  it('is the same on every run, whatever the order of sources or of keys', () => {
    const catalogue = testCatalogue();
    const expected = consolidate(catalogue, richSources(catalogue), OPTS).digest;
    expect(consolidate(catalogue, richSources(catalogue), OPTS).digest).toBe(expected);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(richSources(catalogue), { minLength: 5, maxLength: 5 }),
        fc.integer(),
        (sources, seed) => {
          const shuffledCatalogue = reorderKeys(catalogue, seed) as Catalogue;
          shuffledCatalogue.organisations.reverse();
          const shuffledSources = reorderKeys(sources, seed + 1) as SubmissionSource[];
          const register = consolidate(shuffledCatalogue, shuffledSources, OPTS);
          expect(register.digest).toBe(expected);
          expect(registerDigest(reorderKeys(register, seed + 2) as Register)).toBe(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  const ROW_TABLES = [
    'organisations',
    'contacts',
    'commitments',
    'roles',
    'participation',
    'sources',
    'issues',
  ] as const;

  it('changes when any single value of any row of the register changes', () => {
    const catalogue = testCatalogue();
    const register = consolidate(catalogue, richSources(catalogue), OPTS);
    fc.assert(
      fc.property(fc.constantFrom(...ROW_TABLES), fc.nat(), fc.nat(), (table, rowPick, fieldPick) => {
        const copy = structuredClone(register);
        const rows = copy[table] as unknown as Record<string, unknown>[];
        const row = rows[rowPick % rows.length]!;
        const fields = Object.keys(row);
        const field = fields[fieldPick % fields.length]!;
        row[field] = changed(row[field]);
        expect(registerDigest(copy)).not.toBe(register.digest);
      }),
      { numRuns: 300 },
    );
  });

  it('changes when any single value of a submitted row or of About changes', () => {
    const catalogue = testCatalogue();
    const digest = consolidate(catalogue, richSources(catalogue), OPTS).digest;
    // Roles' activity names come from the catalogue, and About repeats the catalogue's name, sector and
    // involvement (the catalogue wins): those submitted values do not reach the register.
    const ignored: Record<string, string[]> = {
      roles: ['activity'],
      about: ['organisationId', 'organisationName', 'sector', 'involvement', 'fundingTier'],
    };
    const TABLES = ['contacts', 'commitments', 'roles', 'participation', 'about'] as const;
    fc.assert(
      fc.property(
        fc.nat(4),
        fc.constantFrom(...TABLES),
        fc.nat(),
        fc.nat(),
        (sourcePick, table, rowPick, fieldPick) => {
          const sources = richSources(catalogue);
          const submission = sources[sourcePick]!.submission;
          const rows = (table === 'about' ? [submission.about] : submission[table]) as unknown as Record<
            string,
            unknown
          >[];
          fc.pre(rows.length > 0);
          const row = rows[rowPick % rows.length]!;
          const fields = Object.keys(row).filter((f) => !(ignored[table] ?? []).includes(f));
          const field = fields[fieldPick % fields.length]!;
          row[field] = changed(row[field]);
          expect(consolidate(catalogue, sources, OPTS).digest).not.toBe(digest);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('changes with the catalogue: a renamed organisation, a changed setting', () => {
    const catalogue = testCatalogue();
    const digest = consolidate(catalogue, richSources(catalogue), OPTS).digest;
    const renamed = testCatalogue();
    renamed.organisations[0]!.name = 'City Police Service';
    expect(consolidate(renamed, richSources(catalogue), OPTS).digest).not.toBe(digest);
    const hours = testCatalogue();
    hours.partnership.fullTimeHoursPerWeek = 37;
    expect(consolidate(hours, richSources(catalogue), OPTS).digest).not.toBe(digest);
    // Writing the default out changes nothing.
    const explicit = testCatalogue();
    explicit.partnership.fullTimeHoursPerWeek = 37.5;
    expect(consolidate(explicit, richSources(catalogue), OPTS).digest).toBe(digest);
  });
});
