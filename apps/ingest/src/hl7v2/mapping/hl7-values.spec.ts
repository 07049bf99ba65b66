import { parseHl7Message } from '../parse/parse-message';
import { coded } from './hl7-values';

const message = (rxd2: string) =>
  parseHl7Message(
    [
      'MSH|^~\\&|HIS|HOSP|REVISIT|REVISIT|20260301093000||RDS^O13^RDS_O13|M1|P|2.5',
      `RXD|1|${rxd2}|20260301093000|28|片`,
    ].join('\r'),
  );

describe('coded HL7 values (CE/CWE)', () => {
  it('keeps the alternate identifier (components 4-6) beside the local code', () => {
    const rxd = message('YP0081^苯磺酸氨氯地平片^L^C08CA01^amlodipine^WC').first('RXD');
    expect(coded(rxd, 2)).toEqual({
      code: 'YP0081',
      display: '苯磺酸氨氯地平片',
      system: 'L',
      alternates: [{ code: 'C08CA01', display: 'amlodipine', system: 'WC' }],
    });
  });

  it('uses the alternate as the value when the primary identifier is empty, without repeating it', () => {
    const rxd = message('^^^C08CA01^amlodipine^WC').first('RXD');
    expect(coded(rxd, 2)).toEqual({ code: 'C08CA01', display: 'amlodipine', system: 'WC' });
  });
});
