import * as iconv from 'iconv-lite';

/**
 * ISO-2022-JP (RFC 1468, as used by SS-MIX2 with MSH-18 "ISO IR87"). iconv-lite has no ISO-2022-JP codec,
 * but JIS X 0208 code points are the EUC-JP bytes with the high bit cleared, so each shifted run is
 * re-encoded as EUC-JP and decoded with iconv-lite's table instead of shipping another table.
 */
const ESC = 0x1b;

type Mode = 'ascii' | 'jis-roman' | 'jis-x0208' | 'katakana';

const DESIGNATIONS: ReadonlyArray<{ bytes: readonly number[]; mode: Mode }> = [
  { bytes: [0x28, 0x42], mode: 'ascii' }, // ESC ( B
  { bytes: [0x28, 0x4a], mode: 'jis-roman' }, // ESC ( J
  { bytes: [0x28, 0x49], mode: 'katakana' }, // ESC ( I (JIS X 0201 half-width katakana)
  { bytes: [0x24, 0x40], mode: 'jis-x0208' }, // ESC $ @ (JIS C 6226-1978)
  { bytes: [0x24, 0x42], mode: 'jis-x0208' }, // ESC $ B (JIS X 0208-1983)
];

function designationAt(input: Uint8Array, index: number): Mode | undefined {
  for (const d of DESIGNATIONS) {
    if (input[index + 1] === d.bytes[0] && input[index + 2] === d.bytes[1]) return d.mode;
  }
  return undefined;
}

export function decodeIso2022Jp(input: Uint8Array): string {
  let mode: Mode = 'ascii';
  let out = '';
  let euc: number[] = [];
  const flush = (): void => {
    if (euc.length > 0) out += iconv.decode(Buffer.from(euc), 'euc-jp');
    euc = [];
  };
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!;
    if (byte === ESC) {
      const next = designationAt(input, i);
      if (next !== undefined) {
        flush();
        mode = next;
        i += 2;
        continue;
      }
    }
    // Control bytes (CR, LF, ...) always reset nothing but are never part of a double-byte pair.
    if (byte < 0x21 || byte > 0x7e || mode === 'ascii' || mode === 'jis-roman') {
      flush();
      out += String.fromCharCode(byte);
      continue;
    }
    if (mode === 'katakana') {
      euc.push(0x8e, byte | 0x80);
      continue;
    }
    const second = input[i + 1];
    if (second === undefined || second < 0x21 || second > 0x7e) {
      flush();
      out += '\ufffd';
      continue;
    }
    euc.push(byte | 0x80, second | 0x80);
    i++;
  }
  flush();
  return out;
}
