import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { parseHl7Message } from './parse-message';

const rejectionCode = (text: string): Hl7RejectionCode | undefined => {
  try {
    parseHl7Message(text);
    return undefined;
  } catch (error) {
    return error instanceof Hl7RejectionError ? error.code : undefined;
  }
};

describe('parseHl7Message', () => {
  const msg = parseHl7Message(
    'MSH|^~\\&|HIS|HOSP|REV|REV|20240101083000||ADT^A08^ADT_A01|C1|P|2.5\r' +
      'PID|1||MRN1^^^HOSP^MR~110105196503120021^^^CHN^NI||DOE\\T\\SMITH^JOHN\\S\\JANE~Zhang&San^X||19800101|M\r' +
      'OBX|1|TX|||a \\F\\ b \\R\\ c \\E\\ d\\.br\\e \\XC7\\ \\H\\x\\N\\ \\Z99\\\r',
  );

  it('numbers MSH fields with MSH-1 as the field separator', () => {
    expect(msg.get('MSH-1')).toBe('|');
    expect(msg.get('MSH-9.2')).toBe('A08');
    expect(msg.get('MSH-10')).toBe('C1');
  });

  it('reads repetitions, components and sub-components', () => {
    expect(msg.get('PID-3[2].1')).toBe('110105196503120021');
    expect(msg.get('PID-3[2].5')).toBe('NI');
    expect(msg.get('PID-5[2].1.2')).toBe('San');
    expect(msg.get('PID-3[3].1')).toBeUndefined();
    expect(msg.first('PID')?.repetitions(3)).toHaveLength(2);
  });

  it('resolves escape sequences after splitting, keeping unknown ones literally', () => {
    expect(msg.get('PID-5.1')).toBe('DOE&SMITH');
    expect(msg.get('PID-5.2')).toBe('JOHN^JANE');
    expect(msg.get('OBX-5')).toBe('a | b ~ c \\ d\ne Ç x \\Z99\\');
  });

  it('accepts non-default delimiters', () => {
    const custom = parseHl7Message(
      'MSH#!@%*#SENDER#FAC#RECV#FAC#20260301120000##ADT!A01#MSG007#P#2.5\rPID#1##12345!!!MRN##DOE!JOHN',
    );
    expect(custom.get('MSH-9.2')).toBe('A01');
    expect(custom.get('PID-5.2')).toBe('JOHN');
  });

  it('rejects ambiguous or missing encoding characters', () => {
    expect(rejectionCode('MSH|&&&&|A|B')).toBe(Hl7RejectionCode.MALFORMED_MSH);
    expect(rejectionCode('MSH|^~\\\\&|A|B')).toBe(Hl7RejectionCode.MALFORMED_MSH);
    expect(rejectionCode('MSH|^|||||||^A|||2.2')).toBe(Hl7RejectionCode.MALFORMED_MSH);
    expect(rejectionCode('MSH|||||||||')).toBe(Hl7RejectionCode.MALFORMED_MSH);
    expect(rejectionCode('PID|1')).toBe(Hl7RejectionCode.NO_MESSAGE);
  });
});
