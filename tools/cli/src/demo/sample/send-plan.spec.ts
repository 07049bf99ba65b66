import { type GroundTruthMessage } from '@revisit/sample-data';
import { csvFilesInOrder, lanesByPerson, mllpFrame, parseSendOrder, readAck, SendTally, takeFrame } from './send-plan';

const message = (seq: number, person: string, extra: Partial<GroundTruthMessage> = {}): GroundTruthMessage => ({
  seq,
  at: `2026-11-0${(seq % 9) + 1}T08:00:00+08:00`,
  feed: 'hl7v2',
  source: 'demo-his',
  org: 'org-demo-hospital',
  person,
  file: 'hl7/demo-his/adt-2026-11.hl7',
  events: [],
  ...extra,
});

describe('the demo loader send plan', () => {
  it('sends in the ground truth seq order, whatever order the lines come in', () => {
    const lines = [message(3, 'P3'), message(1, 'P1'), message(2, 'P2')].map((m) => JSON.stringify(m)).join('\n');
    expect(parseSendOrder(`${lines}\n\n`).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('frames exactly the message at offset/length and reads the frame back', () => {
    const file = Buffer.from('MSH|^~\\&|A\rPID|1\rMSH|^~\\&|B\rPID|2\r', 'latin1');
    const second = file.indexOf('MSH|^~\\&|B');
    const frame = mllpFrame(file, second, file.length - second);
    expect(frame[0]).toBe(0x0b);
    expect(frame.subarray(-2)).toEqual(Buffer.of(0x1c, 0x0d));
    expect(frame.subarray(1, -2).toString('latin1')).toBe('MSH|^~\\&|B\rPID|2\r');
    expect(() => mllpFrame(file, second, file.length)).toThrow(RangeError);

    // An ACK arriving in two TCP chunks is whole only once its FS CR is in.
    const ack = Buffer.from('\x0bMSH|^~\\&|ACK\rMSA|AA|DH1\r\x1c\r', 'latin1');
    expect(takeFrame(ack.subarray(0, 10))).toBeUndefined();
    expect(takeFrame(ack)?.payload.toString('latin1')).toBe('MSH|^~\\&|ACK\rMSA|AA|DH1\r');
  });

  it('reads the ACK code and, for AE/AR, the error code ingest put in ERR', () => {
    expect(readAck(Buffer.from('MSH|^~\\&|REVISIT\rMSA|AA|DH000000001\r'))).toEqual({ code: 'AA' });
    expect(
      readAck(
        Buffer.from(
          'MSH|^~\\&|REVISIT\rMSA|AR|DH2\rERR||PID^1|207^Application error^HL70357|E|SOURCE_NOT_AUTHENTICATED^x\r',
        ),
      ),
    ).toEqual({ code: 'AR', error: 'SOURCE_NOT_AUTHENTICATED' });
    expect(readAck(Buffer.from('MSH|^~\\&|REVISIT\rMSA|AE|DH3\rERR||PID^1|102^Data type error^HL70357|E\r'))).toEqual({
      code: 'AE',
      error: '102',
    });
  });

  it('keeps every person on one lane, in order, and uses the lanes', () => {
    const messages = Array.from({ length: 400 }, (_, i) => message(i + 1, `P${i % 37}`));
    const lanes = lanesByPerson(messages, 4);
    expect(lanes).toHaveLength(4);
    expect(lanes.flat()).toHaveLength(messages.length);
    for (const lane of lanes) expect(lane.map((m) => m.seq)).toEqual([...lane.map((m) => m.seq)].sort((a, b) => a - b));
    const laneOf = new Map<string, number>();
    lanes.forEach((lane, index) =>
      lane.forEach((m) => {
        expect(laneOf.get(m.person) ?? index).toBe(index);
        laneOf.set(m.person, index);
      }),
    );
  });

  it('imports each CSV file once, in the order its first row is due, with its row count', () => {
    const csv = (seq: number, file: string) => message(seq, 'P', { feed: 'erp-csv', file });
    expect(csvFilesInOrder([csv(1, 'b.csv'), message(2, 'P'), csv(3, 'a.csv'), csv(4, 'b.csv')])).toEqual([
      { file: 'b.csv', rows: 2 },
      { file: 'a.csv', rows: 1 },
    ]);
  });

  it('sums outcomes per feed and names the rejection codes', () => {
    const tally = new SendTally();
    tally.record('hl7v2', true, 'AA');
    tally.record('hl7v2', false, 'AR SOURCE_NOT_AUTHENTICATED');
    tally.record('hl7v2', false, 'AR SOURCE_NOT_AUTHENTICATED');
    tally.record('erp-csv', true, undefined, 10);
    tally.record('erp-csv', false, 'csv.quantity-invalid');
    expect(tally.sent).toBe(14);
    expect(tally.rejected).toBe(3);
    expect(tally.lines()).toEqual([
      '  HL7 v2 messages (MLLP)  3 sent, 1 accepted, 2 rejected (AR SOURCE_NOT_AUTHENTICATED 2)',
      '  ERP CSV rows            11 sent, 10 accepted, 1 rejected (csv.quantity-invalid 1)',
    ]);
  });
});
