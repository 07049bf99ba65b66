import * as iconv from 'iconv-lite';

const ESC = 0x1b;
const TO_ASCII = [ESC, 0x28, 0x42]; // ESC ( B
const TO_JIS_X0208 = [ESC, 0x24, 0x42]; // ESC $ B
const TO_KATAKANA = [ESC, 0x28, 0x49]; // ESC ( I

type Mode = 'ascii' | 'jis-x0208' | 'katakana';

/**
 * ISO-2022-JP encoder, the inverse of `decodeIso2022Jp`: JIS X 0208 bytes are the EUC-JP bytes with the high
 * bit cleared, so iconv-lite's EUC-JP table serves both directions. Every line ends back in ASCII, as
 * RFC 1468 requires and SS-MIX2 receivers expect before CR. Characters outside JIS X 0208 become "?".
 */
export function encodeIso2022Jp(text: string): Buffer {
  const out: number[] = [];
  let mode: Mode = 'ascii';
  const switchTo = (next: Mode, designation: readonly number[]): void => {
    if (mode !== next) out.push(...designation);
    mode = next;
  };
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      switchTo('ascii', TO_ASCII);
      out.push(code);
      continue;
    }
    const euc = iconv.encode(char, 'euc-jp');
    if (euc.length === 2 && euc[0] === 0x8e) {
      switchTo('katakana', TO_KATAKANA);
      out.push(euc[1]! & 0x7f);
    } else if (euc.length === 2 && euc[0]! >= 0xa1 && euc[1]! >= 0xa1) {
      switchTo('jis-x0208', TO_JIS_X0208);
      out.push(euc[0]! & 0x7f, euc[1]! & 0x7f);
    } else {
      switchTo('ascii', TO_ASCII);
      out.push(0x3f);
    }
  }
  switchTo('ascii', TO_ASCII);
  return Buffer.from(out);
}
