import { splitMessages } from './split-messages';

const texts = (input: string): string[] =>
  splitMessages(Buffer.from(input, 'utf8')).messages.map((m) => m.bytes.toString('utf8'));

describe('splitMessages', () => {
  it('splits on MSH with CR, LF and CRLF terminators mixed, normalising to CR', () => {
    expect(texts('MSH|^~\\&|A\nPID|1\r\nMSH|^~\\&|B\rPID|2')).toEqual(['MSH|^~\\&|A\rPID|1\r', 'MSH|^~\\&|B\rPID|2\r']);
  });

  it('drops batch envelopes (FHS/BHS/BTS/FTS), BOMs, wrappers and blank lines', () => {
    const batch = '\ufeffFHS|^~\\&|X\rBHS|^~\\&|X\r\rMSH|^~\\&|A\rPID|1\rBTS|1\rFTS|1\r';
    expect(texts(batch)).toEqual(['MSH|^~\\&|A\rPID|1\r']);
    expect(texts('[SOM]MSH|^~\\&|A\rPID|1\r\x1c')).toEqual(['MSH|^~\\&|A\rPID|1\r']);
  });

  it('counts segments that precede any MSH', () => {
    const result = splitMessages(Buffer.from('PID|1||12345\nPV1|1|I\n'));
    expect(result.messages).toEqual([]);
    expect(result.orphanSegments).toBe(2);
  });
});
