import * as iconv from 'iconv-lite';
import { Hl7RejectionCode } from '../hl7v2.errors';
import { parseHl7Feed } from './parse-hl7-feed';

const fixed = { now: () => new Date('2024-03-01T00:00:00Z'), newControlId: () => 'ACK-1' };

/** Builds a segment from field number -> value, so tests do not count pipes. */
function segment(id: string, fields: Record<number, string>): string {
  const last = Math.max(...Object.keys(fields).map(Number));
  return [id, ...Array.from({ length: last }, (_, i) => fields[i + 1] ?? '')].join('|');
}

const chineseAdt = [
  'MSH|^~\\&|HIS|SH-RJ-HOSP|REVISIT|FU|20240301081500||ADT^A04^ADT_A01|HIS-0001|P|2.5||||||GB 18030-2000',
  'EVN|A04|20240301081500',
  'PID|1||0012345^^^SH-RJ-HOSP^MR~110105196503120021^^^CHN^NI~YB9876543^^^SH-YB^INS||王^建国^^^^^L^I~Wang^Jianguo^^^^^L^A||19650312|M|||徐汇区漕溪北路88号^^上海市^上海^200030^CHN||13912345678^PRN^CP~021-64041990^PRN^PH|021-12345678^WPN^PH',
  segment('PV1', {
    1: '1',
    2: 'O',
    3: 'CARD^^^SH-RJ-HOSP',
    7: 'D001^李^医生',
    10: 'CARD',
    19: 'V2024030101',
    44: '20240301081000',
  }),
  'DG1|1||I10^原发性高血压^ICD10',
].join('\r');

describe('parseHl7Feed', () => {
  it('maps a GB 18030 ADT^A04 from a Chinese HIS to patient-registered and encounter-started', () => {
    const [result] = parseHl7Feed(iconv.encode(chineseAdt, 'gb18030'), fixed);
    expect(result!.accepted).toBe(true);
    if (!result!.accepted) return;
    expect(result!.charset).toBe('gb18030');
    expect(result!.events.map((e) => e.type)).toEqual([
      'revisit.source.patient-registered.v1',
      'revisit.clinical.encounter-started.v1',
    ]);
    const [registered, started] = result!.events;
    expect(registered!.source).toEqual({ format: 'hl7v2', system: 'HIS@SH-RJ-HOSP', messageId: 'HIS-0001' });
    expect(registered!.occurredAt).toBe('2024-03-01T08:15:00+08:00');
    const patient = registered!.patient;
    expect(patient.enterpriseId).toBeNull();
    expect(patient.identifiers).toEqual([
      { value: '0012345', system: 'SH-RJ-HOSP', type: 'MR' },
      { value: '110105196503120021', system: 'CHN', type: 'NI' },
      { value: 'YB9876543', system: 'SH-YB', type: 'INS' },
    ]);
    expect(patient.names).toEqual([
      { family: '王', given: '建国', text: '王建国', script: 'ideographic', pinyin: 'wang jian guo' },
      { family: 'Wang', given: 'Jianguo', text: 'Jianguo Wang', script: 'alphabetic' },
    ]);
    expect(patient.phones).toEqual([
      { value: '+8613912345678', use: 'mobile' },
      { value: '+862164041990', use: 'home' },
      { value: '+862112345678', use: 'work' },
    ]);
    expect(patient.birthDate).toBe('1965-03-12');
    expect(patient.addresses[0]!.city).toBe('上海市');
    expect(started!.data).toMatchObject({
      encounterId: 'V2024030101',
      class: 'outpatient',
      department: 'CARD',
      attendingDoctor: 'D001',
      startedAt: '2024-03-01T08:10:00+08:00',
      diagnoses: [{ code: 'I10', display: '原发性高血压', system: 'ICD10' }],
    });
    expect(result!.ack.text).toContain('MSA|AA|HIS-0001');
  });

  it('rejects a resident ID card number that fails its check character with AE, without echoing it', () => {
    const broken = chineseAdt.replace('110105196503120021', '110105196503120022');
    const [result] = parseHl7Feed(iconv.encode(broken, 'gb18030'), fixed);
    expect(result!.accepted).toBe(false);
    if (result!.accepted) return;
    expect(result!.rejection.code).toBe(Hl7RejectionCode.INVALID_IDENTIFIER);
    expect(result!.ack.code).toBe('AE');
    expect(result!.ack.text).not.toContain('110105196503120022');
    expect(result!.rejection.message).not.toContain('110105');
  });

  it('turns RDS^O13 into a dispense and a cancelling ORC into a dispense reversal', () => {
    const rds = (orc: string): Buffer =>
      Buffer.from(
        [
          'MSH|^~\\&|PHARM|STORE1|REVISIT|FU|20240301100000||RDS^O13^RDS_O13|RX-1|P|2.5.1',
          'PID|1||M000123^^^STORE1^MB',
          `ORC|${orc}|P100|F200`,
          'RXE|^BID^^^^|86900012^苯磺酸氨氯地平片^LOCAL|1||TAB^片',
          'TQ1|1||BID|||28^d',
          'RXD|1|86900012^苯磺酸氨氯地平片^LOCAL|20240301095000|2|BOX^盒',
        ].join('\r'),
      );
    const [dispensed] = parseHl7Feed(rds('RE'), fixed);
    const [reversed] = parseHl7Feed(rds('CA'), fixed);
    expect(dispensed!.accepted && dispensed!.events[0]!.type).toBe('revisit.clinical.medication-dispensed.v1');
    expect(dispensed!.accepted && dispensed!.events[0]!.data).toMatchObject({
      dispenseId: 'F200-1',
      prescriptionId: 'P100',
      drug: { code: '86900012', display: '苯磺酸氨氯地平片', system: 'LOCAL' },
      quantity: { value: 2, unit: '盒' },
      daysSupply: 28,
      dispensedAt: '2024-03-01T09:50:00+08:00',
      sig: '1 片 BID x 28 d',
    });
    expect(reversed!.accepted && reversed!.events[0]!.type).toBe('revisit.clinical.medication-dispense-reversed.v1');
    const withAmount = (amount: string): Buffer =>
      Buffer.from(rds('RE').toString('utf8').replace('|20240301095000|2|', `|20240301095000|${amount}|`));
    const [empty] = parseHl7Feed(withAmount(''), fixed);
    const [text] = parseHl7Feed(withAmount('two'), fixed);
    expect(!empty!.accepted && empty!.rejection.code).toBe(Hl7RejectionCode.MISSING_REQUIRED_FIELD);
    expect(!text!.accepted && text!.rejection.code).toBe(Hl7RejectionCode.INVALID_VALUE);
    expect(text!.ack.code).toBe('AE');
  });

  it('puts the FT1 charge lines of a dispense and of a charged treatment on the event, in fen', () => {
    const rds = (...tail: string[]): Buffer =>
      Buffer.from(
        [
          'MSH|^~\\&|PHARM|STORE1|REVISIT|FU|20240301100000||RDS^O13^RDS_O13|RX-2|P|2.5.1',
          'PID|1||M000123^^^STORE1^MB',
          'ORC|RE|P100|F200',
          'RXD|1|86900012^苯磺酸氨氯地平片^LOCAL|20240301095000|2|BOX^盒',
          ...tail,
        ].join('\r'),
      );
    const ft1 = (type: string, amount: string): string =>
      segment('FT1', { 1: '1', 4: '20240301095000', 6: type, 7: '86900012', 10: '2', 11: amount });
    const charges = [
      rds(ft1('CG', '36.80&CNY'), ft1('CG', '10')),
      rds(ft1('CD', '5.00')),
      rds(),
      rds(ft1('CG', '36.80&CNY'), ft1('CG', '100&JPY')),
    ].map((bytes) => {
      const [result] = parseHl7Feed(bytes, fixed);
      return result!.accepted ? (result!.events[0]!.data as { charge?: unknown }).charge : 'rejected';
    });
    expect(charges).toEqual([{ amountMinor: 4680, currency: 'CNY' }, undefined, undefined, undefined]);

    const dft = Buffer.from(
      [
        'MSH|^~\\&|HIS|SH-RJ-HOSP|REVISIT|FU|20240301100000||DFT^P03^DFT_P03|DFT-1|P|2.5',
        'EVN|P03|20240301100000',
        'PID|1||0012345^^^SH-RJ-HOSP^MR',
        segment('PV1', { 2: 'O', 3: 'DENT^^^SH-RJ-HOSP', 19: 'V1' }),
        segment('FT1', {
          1: '1',
          4: '20240301093000',
          6: 'CG',
          7: 'D0101^洁治^LOCAL',
          11: '280.00',
          13: 'DENT',
          20: 'D07^张^医生',
        }),
      ].join('\r'),
    );
    const [treatment] = parseHl7Feed(dft, fixed);
    expect(treatment!.accepted && treatment!.events[0]!.data).toMatchObject({
      charge: { amountMinor: 28000, currency: 'CNY' },
    });
  });

  it('answers an unsupported type with AR naming it, per message of a batch', () => {
    const batch = Buffer.from(
      'BHS|^~\\&|LAB\rMSH|^~\\&|LAB|H|R|F|20240101||ORU^R01|L1|P|2.5.1\rPID|1||1\r' +
        'MSH|^~\\&|HIS|H|R|F|20240101||ADT^A28|L2|P|2.2\rPID|1||1\rBTS|2\r',
    );
    const results = parseHl7Feed(batch, fixed);
    expect(results.map((r) => (r.accepted ? 'ok' : r.rejection.code))).toEqual([
      Hl7RejectionCode.UNSUPPORTED_MESSAGE_TYPE,
      Hl7RejectionCode.UNSUPPORTED_VERSION,
    ]);
    expect(results[0]!.ack.text).toContain('ORU\\S\\R01 is not supported');
    expect(results[0]!.ack.text).toContain('MSA|AR|L1');
  });

  it('takes the trigger from EVN-1 when MSH-9 holds only the message code, and echoes MSH-18 in the ACK', () => {
    const v23 = Buffer.from(
      'MSH|^~\\&|HIS|H|R|F|20240101||ADT|C9|P|2.3||||||UNICODE UTF-8\rEVN|A08|20240101\rPID|1||M1^^^H^MR\r',
    );
    const [result] = parseHl7Feed(v23, fixed);
    expect(result!.accepted && result!.events.map((e) => e.type)).toEqual(['revisit.source.patient-updated.v1']);
    expect(result!.ack.text.split('\r')[0]!.split('|')[17]).toBe('UNICODE UTF-8');
    expect(result!.ack.text).toContain('MSH|^~\\&|R|F|HIS|H|20240301000000+0000||ACK^A08|ACK-1|P|2.3');
  });

  it('reads naive times in the zone configured for the feed', () => {
    const [tokyo] = parseHl7Feed(iconv.encode(chineseAdt, 'gb18030'), { ...fixed, zone: 'Asia/Tokyo' });
    expect(tokyo!.accepted && tokyo!.events[1]!.data).toMatchObject({ startedAt: '2024-03-01T08:10:00+09:00' });
  });

  it('maps an A40 with two PID/MRG pairs to two merges', () => {
    const a40 = Buffer.from(
      'MSH|^~\\&|HIS|H|R|F|20240101||ADT^A40^ADT_A39|M1|P|2.5\rEVN|A40|20240101\r' +
        'PID|1||NEW1^^^H^MR\rMRG|OLD1^^^H^MR\rPID|1||NEW2^^^H^MR\rMRG|OLD2^^^H^MR\r',
    );
    const [result] = parseHl7Feed(a40, fixed);
    expect(result!.accepted && result!.events.map((e) => e.data)).toEqual([
      {
        surviving: [{ value: 'NEW1', system: 'H', type: 'MR' }],
        retired: [{ value: 'OLD1', system: 'H', type: 'MR' }],
        kind: 'merge',
      },
      {
        surviving: [{ value: 'NEW2', system: 'H', type: 'MR' }],
        retired: [{ value: 'OLD2', system: 'H', type: 'MR' }],
        kind: 'merge',
      },
    ]);
  });

  it('reports input without any message as one NO_MESSAGE rejection', () => {
    const results = parseHl7Feed(Buffer.from(''), fixed);
    expect(results).toHaveLength(1);
    expect(!results[0]!.accepted && results[0]!.rejection.code).toBe(Hl7RejectionCode.NO_MESSAGE);
  });
});
