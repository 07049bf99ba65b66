import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { readDelimiters } from './delimiters';
import { type HexDecoder } from './escape';
import { Hl7Message, Hl7Segment } from './hl7-message';

const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;

/** Parses one decoded message (segments separated by CR, LF or CRLF). */
export function parseHl7Message(text: string, hex?: HexDecoder): Hl7Message {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0);
  const mshLine = lines[0];
  if (!mshLine?.startsWith('MSH')) {
    throw new Hl7RejectionError(Hl7RejectionCode.NO_MESSAGE, 'Message does not start with MSH', { segment: 'MSH' });
  }
  const d = readDelimiters(mshLine);
  const decodeHex: HexDecoder = hex ?? ((bytes) => bytes.toString('latin1'));
  const segments: Hl7Segment[] = [];
  for (const line of lines) {
    const parts = line.split(d.field);
    const id = parts[0]!.trim();
    // Lines that are not segments (wrapped free text, trailer junk) are skipped rather than failing a
    // message whose required segments may all be fine.
    if (!SEGMENT_ID.test(id)) continue;
    if (id === 'MSH') {
      // MSH-1 is the field separator itself, so MSH field n sits at parts[n - 1].
      segments.push(new Hl7Segment(id, [id, d.field, ...parts.slice(1)], d, decodeHex));
    } else {
      segments.push(new Hl7Segment(id, parts, d, decodeHex));
    }
  }
  return new Hl7Message(segments, d);
}
