import { Hl7RejectionCode } from '../hl7v2.errors';
import { buildAck } from './build-ack';

const original = {
  sendingApplication: 'HIS',
  sendingFacility: 'HOSP',
  receivingApplication: 'REVISIT',
  receivingFacility: 'FU',
  triggerEvent: 'A01',
  controlId: 'MSG-42',
  processingId: 'P',
};

const segments = (text: string): string[][] =>
  text
    .split('\r')
    .filter(Boolean)
    .map((s) => s.split('|'));

describe('buildAck', () => {
  it('acknowledges with AA, echoing the control id and swapping sender and receiver', () => {
    const ack = buildAck({
      original: { ...original, version: '2.5.1' },
      ackControlId: 'A1',
      timestamp: '20240101000000+0000',
    });
    const [msh, msa] = segments(ack.text);
    expect(ack.code).toBe('AA');
    expect(msh!.slice(0, 12)).toEqual([
      'MSH',
      '^~\\&',
      'REVISIT',
      'FU',
      'HIS',
      'HOSP',
      '20240101000000+0000',
      '',
      'ACK^A01^ACK',
      'A1',
      'P',
      '2.5.1',
    ]);
    expect(msa).toEqual(['MSA', 'AA', 'MSG-42']);
    expect(ack.text.endsWith('\r')).toBe(true);
  });

  it('rejects an unsupported type with AR and a v2.5+ ERR (ERR-2 location, ERR-3 0357 code, ERR-4, ERR-8)', () => {
    const ack = buildAck({
      original: { ...original, version: '2.8' },
      rejection: {
        code: Hl7RejectionCode.UNSUPPORTED_MESSAGE_TYPE,
        detail: 'Message type ORU^R01 is not supported',
        location: { segment: 'MSH', sequence: 1, field: 9 },
      },
      ackControlId: 'A2',
      timestamp: '20240101000000+0000',
    });
    const err = segments(ack.text)[2]!;
    expect(ack.code).toBe('AR');
    expect(err[2]).toBe('MSH^1^9');
    expect(err[3]).toBe('200^Unsupported message type^HL70357');
    expect(err[4]).toBe('E');
    expect(err[8]).toBe('Message type ORU\\S\\R01 is not supported (MSH-9)');
  });

  it('uses AE for content errors and the ERR-1 (ELD) layout for v2.3/2.4 senders', () => {
    const ack = buildAck({
      original: { ...original, version: '2.3' },
      rejection: {
        code: Hl7RejectionCode.MISSING_REQUIRED_FIELD,
        detail: 'PID-3 holds no patient identifier',
        location: { segment: 'PID', sequence: 1, field: 3 },
      },
      ackControlId: 'A3',
      timestamp: '20240101000000+0000',
    });
    const [msh, msa, err] = segments(ack.text);
    expect(ack.code).toBe('AE');
    expect(msh![8]).toBe('ACK^A01');
    expect(msa![3]).toBe('MISSING_REQUIRED_FIELD: PID-3 holds no patient identifier');
    expect(err).toEqual(['ERR', 'PID^1^3^101&Required field missing&HL70357']);
  });

  it('still builds an ACK when the original header could not be read', () => {
    const ack = buildAck({
      rejection: { code: Hl7RejectionCode.NO_MESSAGE, detail: 'No MSH' },
      ackControlId: 'A4',
      timestamp: '20240101000000+0000',
    });
    expect(ack.code).toBe('AR');
    expect(segments(ack.text)[1]).toEqual(['MSA', 'AR', '']);
  });
});
