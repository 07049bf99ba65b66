import { type Hl7Delimiters } from './delimiters';

/** Turns \Xhh..\ byte runs into text; the message charset decides what the bytes mean. */
export type HexDecoder = (bytes: Buffer) => string;

const latin1Hex: HexDecoder = (bytes) => bytes.toString('latin1');

/**
 * Resolves HL7 escape sequences in one leaf value. Formatting commands other than line breaks carry no
 * meaning for follow-up work and are dropped; an unknown or unterminated sequence is kept literally so no
 * sender text is lost.
 */
export function unescapeValue(value: string, d: Hl7Delimiters, hex: HexDecoder = latin1Hex): string {
  if (!value.includes(d.escape)) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const ch = value[i]!;
    if (ch !== d.escape) {
      out += ch;
      i++;
      continue;
    }
    const close = value.indexOf(d.escape, i + 1);
    if (close < 0) {
      out += value.slice(i);
      break;
    }
    const body = value.slice(i + 1, close);
    const resolved = resolveSequence(body, d, hex);
    out += resolved ?? value.slice(i, close + 1);
    i = close + 1;
  }
  return out;
}

function resolveSequence(body: string, d: Hl7Delimiters, hex: HexDecoder): string | undefined {
  switch (body) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case 'P':
      return d.truncation ?? '#';
    case 'H':
    case 'N':
      return '';
    case '.br':
      return '\n';
    default:
      break;
  }
  if (/^X(?:[0-9A-Fa-f]{2})+$/.test(body)) return hex(Buffer.from(body.slice(1), 'hex'));
  if (/^\.(?:sp|in|ti|sk|fi|nf|ce)[+-]?\d*$/.test(body)) return body.startsWith('.sp') ? '\n' : '';
  // \Cxxyy\ and \Mxxyyzz\ switch character sets; the message is already decoded as a whole.
  if (/^[CM][0-9A-Fa-f]{4,6}$/.test(body)) return '';
  return undefined;
}

/** Escapes a value for output (used by the ACK builder). */
export function escapeValue(value: string, d: Hl7Delimiters): string {
  let out = '';
  for (const ch of value) {
    if (ch === d.escape) out += `${d.escape}E${d.escape}`;
    else if (ch === d.field) out += `${d.escape}F${d.escape}`;
    else if (ch === d.component) out += `${d.escape}S${d.escape}`;
    else if (ch === d.subcomponent) out += `${d.escape}T${d.escape}`;
    else if (ch === d.repetition) out += `${d.escape}R${d.escape}`;
    else if (ch === '\n') out += `${d.escape}.br${d.escape}`;
    else if (ch !== '\r') out += ch;
  }
  return out;
}
