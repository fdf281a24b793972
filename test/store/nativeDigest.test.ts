/** The service's node:crypto digests give exactly the digests of shared/digest.ts, which the add-in uses too. */
import fc from 'fast-check';
import { digestOf, sha256Hex } from '../../shared/digest.js';
import { parseWorkbook } from '../../shared/parse.js';
import { nativeDigestOf, nativeSha256Hex } from '../../server/store/nativeDigest.js';
import { hashAuditEvent } from '../../server/store/auditChain.js';
import { goodRawTables } from '../helpers/rawTables.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';

describe('nativeDigestOf', () => {
  test('agrees with digestOf on any JSON value, including lone surrogates and non-ASCII text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        expect(nativeDigestOf(value)).toBe(digestOf(value));
        expect(nativeDigestOf({ text })).toBe(digestOf({ text }));
        expect(nativeSha256Hex(text)).toBe(sha256Hex(text));
      }),
      { numRuns: 300 },
    );
  });

  test('agrees with digestOf on a parsed submission and a catalogue', () => {
    const catalogue = testCatalogue();
    const submission = parseWorkbook(goodRawTables(catalogue, LEEDS), catalogue).submission;
    expect(submission).not.toBeNull();
    expect(nativeDigestOf(submission)).toBe(digestOf(submission));
    expect(nativeDigestOf(catalogue)).toBe(digestOf(catalogue));
  });

  test('hashes a known text to its published SHA-256', () => {
    expect(nativeSha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('the audit hash is the sha256 of the canonical event, as documented', () => {
    const event = {
      seq: 1,
      at: '2025-04-01T08:00:00.000Z',
      actor: 'chair@wy-oda.org.uk',
      action: 'catalogue.put' as const,
      subject: 'catalogue',
      digestBefore: null,
      digestAfter: 'sha256:00',
      detailDigest: null,
      prevHash: '',
    };
    // An event without details hashes as events did before detail digests were kept (migration 003).
    expect(hashAuditEvent(event)).toBe(
      sha256Hex(
        '{"action":"catalogue.put","actor":"chair@wy-oda.org.uk","at":"2025-04-01T08:00:00.000Z","digestAfter":"sha256:00","digestBefore":null,"prevHash":"","seq":1,"subject":"catalogue"}',
      ),
    );
    expect(hashAuditEvent({ ...event, detailDigest: 'sha256:11' })).toBe(
      sha256Hex(
        '{"action":"catalogue.put","actor":"chair@wy-oda.org.uk","at":"2025-04-01T08:00:00.000Z","detailDigest":"sha256:11","digestAfter":"sha256:00","digestBefore":null,"prevHash":"","seq":1,"subject":"catalogue"}',
      ),
    );
  });
});
