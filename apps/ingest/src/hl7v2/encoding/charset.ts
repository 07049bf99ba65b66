import * as iconv from 'iconv-lite';
import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { decodeIso2022Jp } from './iso-2022-jp';

/** The decoders we can run; the names are ours, HL7 table 0211 values map onto them. */
export type Hl7Charset = 'ascii' | 'latin1' | 'utf-8' | 'gb18030' | 'iso-2022-jp' | 'big5' | 'euc-kr';

/**
 * HL7 table 0211 plus the spellings Chinese HIS vendors actually send (GBK, GB2312, UTF-8).
 * GBK and GB 2312 are subsets of GB 18030, so one decoder serves all three.
 */
const TABLE_0211_ENTRIES: ReadonlyArray<[string, Hl7Charset]> = Object.entries({
  ASCII: 'ascii',
  'ISO IR6': 'ascii',
  'ISO IR14': 'iso-2022-jp',
  'ISO IR87': 'iso-2022-jp',
  'ISO IR159': 'iso-2022-jp',
  'ISO-2022-JP': 'iso-2022-jp',
  '8859/1': 'latin1',
  'ISO IR100': 'latin1',
  'GB 18030-2000': 'gb18030',
  'GB 18030-2005': 'gb18030',
  'GB 18030': 'gb18030',
  GB18030: 'gb18030',
  GBK: 'gb18030',
  GB2312: 'gb18030',
  'GB 2312': 'gb18030',
  'CNS 11643-1992': 'big5',
  'BIG-5': 'big5',
  BIG5: 'big5',
  'KS X 1001': 'euc-kr',
  UNICODE: 'utf-8',
  'UNICODE UTF-8': 'utf-8',
  'UTF-8': 'utf-8',
  UTF8: 'utf-8',
} satisfies Record<string, Hl7Charset>);

/** Senders vary spacing and punctuation ("ISO IR87", "ISOIR87", "GB18030-2000"), so compare loosely. */
function charsetKey(name: string): string {
  return name.toUpperCase().replace(/[\s_-]/g, '');
}

const TABLE_0211 = new Map(TABLE_0211_ENTRIES.map(([name, charset]) => [charsetKey(name), charset]));

export interface CharsetOptions {
  /**
   * Used when MSH-18 is empty and the bytes are not valid UTF-8. Chinese HIS feeds often omit MSH-18
   * while sending GBK, hence the default.
   */
  readonly undeclaredFallback?: Hl7Charset;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

function hasEscapeSequences(bytes: Uint8Array): boolean {
  return bytes.some((b, i) => b === 0x1b && (bytes[i + 1] === 0x24 || bytes[i + 1] === 0x28));
}

/** MSH-18 repetitions, read from raw bytes: MSH is ASCII in every supported charset. */
export function declaredCharsets(rawMsh: string): string[] {
  const fieldSep = rawMsh[3];
  if (fieldSep === undefined) return [];
  const fields = rawMsh.split(fieldSep);
  const msh18 = fields[17] ?? '';
  const repetitionSep = fields[1]?.[1];
  const values = repetitionSep ? msh18.split(repetitionSep) : [msh18];
  const componentSep = fields[1]?.[0];
  return values.map((v) => (componentSep ? v.split(componentSep)[0]! : v).trim()).filter((v) => v.length > 0);
}

/** Chooses the decoder for one message from MSH-18 and the bytes themselves. */
export function resolveCharset(bytes: Uint8Array, declared: string[], options: CharsetOptions = {}): Hl7Charset {
  const mapped: Hl7Charset[] = [];
  for (const name of declared) {
    const charset = TABLE_0211.get(charsetKey(name));
    if (!charset) {
      throw new Hl7RejectionError(Hl7RejectionCode.UNSUPPORTED_CHARSET, 'MSH-18 names an unsupported character set', {
        segment: 'MSH',
        sequence: 1,
        field: 18,
      });
    }
    mapped.push(charset);
  }
  // The first repetition is the default set; later ones (ISO IR87 after "~") are code extensions
  // switched in by escape sequences, so any ISO 2022 extension means the ISO-2022-JP decoder.
  if (mapped.includes('iso-2022-jp') || (mapped.length === 0 && hasEscapeSequences(bytes))) return 'iso-2022-jp';
  const primary = mapped[0];
  if (primary === 'utf-8' || (primary === undefined && !hasHighBytes(bytes))) return primary ?? 'ascii';
  // Senders declare ASCII or 8859/1 and still send UTF-8; a Latin-1 text with high bytes is almost never
  // valid UTF-8, so valid UTF-8 wins.
  if ((primary === undefined || primary === 'ascii' || primary === 'latin1') && hasHighBytes(bytes)) {
    if (isValidUtf8(bytes)) return 'utf-8';
    if (primary === undefined) return options.undeclaredFallback ?? 'gb18030';
    return 'latin1';
  }
  return primary ?? 'ascii';
}

export function decodeBytes(bytes: Uint8Array, charset: Hl7Charset): string {
  switch (charset) {
    case 'ascii':
    case 'latin1':
      return Buffer.from(bytes).toString('latin1');
    case 'utf-8':
      return Buffer.from(bytes).toString('utf8');
    case 'iso-2022-jp':
      return decodeIso2022Jp(bytes);
    case 'gb18030':
    case 'big5':
    case 'euc-kr':
      return iconv.decode(Buffer.from(bytes), charset);
  }
}

/** Encodes an outbound message (the ACK) in the charset the sender used. */
export function encodeText(text: string, charset: Hl7Charset): Buffer {
  switch (charset) {
    case 'ascii':
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'iso-2022-jp':
      // ACKs we build carry only ASCII (codes and generic texts), which ISO-2022-JP passes through.
      return Buffer.from(text, 'latin1');
    case 'gb18030':
    case 'big5':
    case 'euc-kr':
      return iconv.encode(text, charset);
  }
}
