import fc from 'fast-check';
import { Hl7RejectionCode } from '../hl7v2.errors';
import { parseHl7Feed } from './parse-hl7-feed';

const header = 'MSH|^~\\&|HIS|H|R|F|20240101||ADT^A01|C1|P|2.5\r';

describe('parseHl7Feed on hostile input', () => {
  it('never throws and answers every input with at least one result and an ACK', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const results = parseHl7Feed(Buffer.concat([Buffer.from(header), Buffer.from(bytes)]));
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) {
          expect(r.ack.text.startsWith('MSH')).toBe(true);
          // INTERNAL_ERROR would mean an unexpected exception inside our code.
          expect(r.accepted || r.rejection.code !== Hl7RejectionCode.INTERNAL_ERROR).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated real messages', () => {
    const base = Buffer.from(
      header + 'EVN|A01|20240101\rPID|1||M1^^^H^MR~110105196503120021^^^CHN^NI||王^建国||19650312|M\rPV1|1|I|W1^1^1\r',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        (edits) => {
          const bytes = Buffer.from(base);
          for (const [at, value] of edits) bytes[at] = value;
          const results = parseHl7Feed(bytes);
          expect(results.length).toBeGreaterThan(0);
          for (const r of results)
            expect(r.accepted || r.rejection.code !== Hl7RejectionCode.INTERNAL_ERROR).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
