import { decodeIso2022Jp } from './iso-2022-jp';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('decodeIso2022Jp', () => {
  it('decodes JIS X 0208 runs between ESC $ B and ESC ( B', () => {
    // "患者" is 0x3435 0x3C54 in JIS X 0208.
    expect(decodeIso2022Jp(bytes('PID|', [0x1b, 0x24, 0x42], '45<T', [0x1b, 0x28, 0x42], '^X'))).toBe('PID|患者^X');
  });

  it('treats HL7 delimiters inside a double-byte run as parts of characters', () => {
    // "タロウ" contains 0x25 0x3F etc.; "|" (0x7C) or "^" (0x5E) can occur as a byte of a kanji pair.
    expect(decodeIso2022Jp(bytes([0x1b, 0x24, 0x42], '%?%m%&', [0x1b, 0x28, 0x42]))).toBe('タロウ');
    expect(decodeIso2022Jp(bytes([0x1b, 0x24, 0x42], '0|', [0x1b, 0x28, 0x42]))).not.toContain('|');
  });

  it('decodes the older ESC $ @ designation and half-width katakana (ESC ( I)', () => {
    expect(decodeIso2022Jp(bytes([0x1b, 0x24, 0x40], '45', [0x1b, 0x28, 0x42]))).toBe('患');
    expect(decodeIso2022Jp(bytes([0x1b, 0x28, 0x49], [0x31], [0x1b, 0x28, 0x42]))).toBe('ｱ');
  });

  it('passes CR through and marks a pair cut by the end of input', () => {
    expect(decodeIso2022Jp(bytes('A\rB'))).toBe('A\rB');
    expect(decodeIso2022Jp(bytes([0x1b, 0x24, 0x42], '4'))).toBe('\ufffd');
  });
});
