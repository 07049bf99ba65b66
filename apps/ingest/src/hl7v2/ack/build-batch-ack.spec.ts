import { readBatchEnvelope } from '../framing/batch-envelope';
import { buildBatchAck } from './build-batch-ack';

const fields = (text: string, name: string): string[] =>
  text
    .split('\r')
    .find((s) => s.startsWith(name))!
    .split('|');

describe('buildBatchAck', () => {
  const batch = [
    'FHS|^~\\&|HIS|RENJI|REVISIT|FU|20240301081500||file.hl7||F-77',
    'BHS|^~\\&|HIS|RENJI|REVISIT|FU|20240301081500||||B-42',
    'MSH|^~\\&|HIS|RENJI|REVISIT|FU|20240301081500||ADT^A01|M1|P|2.5',
    'BTS|1',
    'FTS|1',
  ].join('\r');

  it('answers a batch with a batch of ACKs naming the batch it answers and counting them', () => {
    const acks = [Buffer.from('MSH|^~\\&|REVISIT|FU|HIS|RENJI|x||ACK|A1|P|2.5\rMSA|AA|M1'), Buffer.from('MSA|AE|M2\r')];
    const text = buildBatchAck({
      envelope: readBatchEnvelope(Buffer.from(batch, 'latin1')),
      acks,
      controlId: 'R1',
      timestamp: '20240301081501+0000',
    }).toString('latin1');

    const segments = text.split('\r').filter(Boolean);
    expect(segments.map((s) => s.slice(0, 3))).toEqual(['FHS', 'BHS', 'MSH', 'MSA', 'MSA', 'BTS', 'FTS']);
    const bhs = fields(text, 'BHS');
    expect(bhs.slice(2, 6)).toEqual(['REVISIT', 'FU', 'HIS', 'RENJI']);
    expect(bhs[11]).toBe('B-42');
    expect(fields(text, 'FHS')[11]).toBe('F-77');
    expect(fields(text, 'BTS')[1]).toBe('2');
  });

  it('synthesises a BHS when several messages arrive without batch headers', () => {
    const text = buildBatchAck({
      envelope: {},
      acks: [Buffer.from('MSA|AA|M1')],
      controlId: 'R2',
      timestamp: '20240301081501+0000',
      receivingApplication: 'REVISIT',
    }).toString('latin1');
    expect(text.split('\r').filter(Boolean)[0]).toMatch(/^BHS\|\^~\\&\|REVISIT\|/);
    expect(text).not.toContain('FHS');
  });
});
