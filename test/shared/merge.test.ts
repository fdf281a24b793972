import { changesOf, fateOfChanges, mergeThreeWay } from '../../shared/merge.js';
import type { DataSharing, Submission } from '../../shared/types.js';
import { commitment, contact, participation, role, submission, testCatalogue } from '../helpers/registerFixtures.js';

/** Harbourline's version both managers started from: two commitments, two contacts, a role, a forum. */
function baseVersion(): Submission {
  return submission(testCatalogue(), 'acme-council', {
    commitments: [
      commitment({ ref: 'C1', description: 'Leakage analyst', quantity: 0.5 }),
      commitment({ ref: 'C2', description: 'Reservoir data', resourceType: 'data', unit: 'datasets', quantity: 2 }),
    ],
    roles: [role('data-sharing', 'Data sharing', 'responsible')],
    participation: [participation()],
  });
}

describe('mergeThreeWay', () => {
  test('the Harbourline case: A changed C1, B changed a job title; both edits merge without a question', () => {
    const base = baseVersion();
    const theirs = structuredClone(base); // A's version, saved first
    theirs.commitments[0]!.description = 'Leakage and demand analyst';
    theirs.commitments[0]!.quantity = 0.8;
    const mine = structuredClone(base); // B's workbook
    mine.contacts[0]!.jobTitle = 'Head of Data';

    const result = mergeThreeWay(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.commitments[0]).toMatchObject({ description: 'Leakage and demand analyst', quantity: 0.8 });
    expect(result.merged.contacts[0]!.jobTitle).toBe('Head of Data');
    expect(result.fromTheirs).toEqual([
      expect.objectContaining({ table: 'commitments', kind: 'changed', fields: ['description', 'quantity'] }),
    ]);
    expect(result.fromMine).toEqual([
      expect.objectContaining({ table: 'contacts', kind: 'changed', fields: ['jobTitle'] }),
    ]);
  });

  test('different fields of one row merge; rows added and removed on either side are kept in order', () => {
    const base = baseVersion();
    const mine = structuredClone(base);
    mine.commitments[0]!.notes = 'Reviewed in May';
    mine.participation.push(participation({ forum: 'Data quality group' }));
    const theirs = structuredClone(base);
    theirs.commitments[0]!.quantity = 0.6;
    theirs.commitments.splice(1, 1); // C2 removed
    theirs.contacts.unshift(contact({ name: 'New Lead', email: 'new.lead@acme.example', primary: false }));

    const { merged, conflicts } = mergeThreeWay(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.commitments).toEqual([{ ...base.commitments[0]!, notes: 'Reviewed in May', quantity: 0.6 }]);
    expect(merged.contacts.map((c) => c.email)).toEqual([
      'new.lead@acme.example',
      'poc@acme-council.example',
      'pmg@acme-council.example',
    ]);
    expect(merged.participation.map((p) => p.forum)).toEqual(['PMG', 'Data quality group']);
  });

  test('a field both changed differently is a question with base, mine and theirs; choices settle it', () => {
    const base = baseVersion();
    const mine = structuredClone(base);
    mine.commitments[0]!.quantity = 0.7;
    mine.commitments[0]!.status = 'delivered';
    const theirs = structuredClone(base);
    theirs.commitments[0]!.quantity = 0.8;

    const result = mergeThreeWay(base, mine, theirs);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        id: 'commitments/ref:C1/quantity',
        field: 'quantity',
        base: 0.5,
        mine: 0.7,
        theirs: 0.8,
      }),
    ]);
    expect(result.merged.commitments[0]).toMatchObject({ quantity: 0.7, status: 'delivered' });
    expect(result.fromMine).toEqual([expect.objectContaining({ fields: ['status'] })]);
    expect(result.fromTheirs).toEqual([]);
    const taken = mergeThreeWay(base, mine, theirs, { 'commitments/ref:C1/quantity': 'theirs' }).merged;
    expect(taken.commitments[0]).toMatchObject({ quantity: 0.8, status: 'delivered' });
    const asBefore = mergeThreeWay(base, mine, theirs, { 'commitments/ref:C1/quantity': 'base' }).merged;
    expect(asBefore.commitments[0]!.quantity).toBe(0.5);
  });

  test('the same change on both sides is not a question', () => {
    const base = baseVersion();
    const mine = structuredClone(base);
    mine.about.signatory = 'Jo Bloggs';
    const theirs = structuredClone(mine);
    const result = mergeThreeWay(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual(mine);
    expect(result.fromTheirs).toEqual([]);
  });

  test('About merges field by field', () => {
    const base = baseVersion();
    const mine = structuredClone(base);
    mine.about.signatory = 'Jo Bloggs';
    const theirs = structuredClone(base);
    theirs.about.signedOn = '2025-05-01';
    const { merged, conflicts } = mergeThreeWay(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.about).toMatchObject({ signatory: 'Jo Bloggs', signedOn: '2025-05-01' });
  });

  test('a row removed on one side and changed on the other is a row question', () => {
    const base = baseVersion();
    const mine = structuredClone(base);
    mine.roles = [];
    const theirs = structuredClone(base);
    theirs.roles[0]!.namedLead = 'Kim Park';
    const result = mergeThreeWay(base, mine, theirs);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ id: 'roles/activityId:data-sharing/*', field: null, mine: null }),
    ]);
    expect(result.merged.roles).toEqual([]);
    expect(mergeThreeWay(base, mine, theirs, { 'roles/activityId:data-sharing/*': 'theirs' }).merged.roles).toEqual(
      theirs.roles,
    );
  });

  test('contacts match by email ignoring case; a table the merge has never heard of is merged by Ref', () => {
    // Data sharing (contract 1.1) rows, complete as the parser gives them.
    const sharing = (ref: string, dataset: string, status: string): DataSharing => ({
      ref,
      dataset,
      recipients: 'all',
      purpose: 'Leakage analysis',
      personalData: 'none',
      lawfulBasis: null,
      condition: null,
      controllerRole: 'controller',
      agreementRef: null,
      dpiaRef: null,
      reviewDate: null,
      retention: null,
      status,
      notes: null,
    });
    type WithSharing = Submission & { dataSharing: DataSharing[] };
    const base: WithSharing = { ...baseVersion(), dataSharing: [sharing('DS1', 'Leaks', 'proposed')] };
    const mine = structuredClone(base);
    mine.contacts[0]!.email = mine.contacts[0]!.email.toUpperCase();
    mine.dataSharing[0]!.status = 'agreed';
    const theirs = structuredClone(base);
    theirs.dataSharing[0]!.dataset = 'Leakage by district';
    theirs.dataSharing.push(sharing('DS2', 'Bursts', 'proposed'));
    const { merged, conflicts } = mergeThreeWay(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.contacts).toHaveLength(2);
    expect(merged.dataSharing).toEqual([
      sharing('DS1', 'Leakage by district', 'agreed'),
      sharing('DS2', 'Bursts', 'proposed'),
    ]);
  });

  test('without a base every difference is a question', () => {
    const base = baseVersion();
    const mine = structuredClone(base);
    mine.commitments[0]!.quantity = 0.7;
    const result = mergeThreeWay(null, mine, base);
    expect(result.conflicts.map((c) => c.id)).toEqual(['commitments/ref:C1/quantity']);
  });
});

describe('what Keep mine and Take theirs undo, and what became of a manager’s changes', () => {
  test('changesOf lists one side’s changes against the base', () => {
    const base = baseVersion();
    const theirs = structuredClone(base);
    theirs.commitments[0]!.quantity = 0.8;
    theirs.participation = [];
    expect(changesOf(base, theirs)).toEqual([
      expect.objectContaining({ table: 'commitments', key: 'ref:C1', kind: 'changed', fields: ['quantity'] }),
      expect.objectContaining({ table: 'participation', kind: 'removed' }),
    ]);
  });

  test('fateOfChanges: kept by a merge, overwritten by a later Keep mine', () => {
    const before = baseVersion();
    const a = structuredClone(before);
    a.commitments[0]!.quantity = 0.8;
    a.commitments[0]!.description = 'Leakage and demand analyst';
    const merged = structuredClone(a);
    merged.contacts[0]!.jobTitle = 'Head of Data';
    expect(fateOfChanges(before, a, merged).map((f) => f.fate)).toEqual(['kept']);
    const overwritten = structuredClone(before);
    overwritten.contacts[0]!.jobTitle = 'Head of Data';
    expect(fateOfChanges(before, a, overwritten)).toEqual([
      expect.objectContaining({ fate: 'overwritten', overwrittenFields: ['description', 'quantity'] }),
    ]);
  });
});
