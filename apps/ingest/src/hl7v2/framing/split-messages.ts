/**
 * Splits a file or frame into the byte ranges of individual HL7 v2 messages, before any decoding:
 * MSH-18 may differ per message, and CR/LF never occur inside a multi-byte character of the charsets we
 * support (UTF-8, GB 18030, ISO-2022-JP), so segment boundaries are found on raw bytes.
 */
export interface RawMessage {
  /** Zero-based position of the message within the input (batch headers are not counted). */
  readonly index: number;
  /** Segments of this message, CR-terminated, still in the sender's encoding. */
  readonly bytes: Buffer;
}

export interface SplitResult {
  readonly messages: RawMessage[];
  /** Segments found before any MSH (e.g. a file that starts with PID): evidence of a broken message. */
  readonly orphanSegments: number;
}

const BATCH_SEGMENTS = new Set(['FHS', 'BHS', 'BTS', 'FTS']);
const CR = 0x0d;
const LF = 0x0a;

function isSegmentIdByte(b: number | undefined, first: boolean): boolean {
  if (b === undefined) return false;
  const upper = b >= 0x41 && b <= 0x5a;
  return first ? upper : upper || (b >= 0x30 && b <= 0x39);
}

function segmentIdAt(line: Buffer, at: number): string | undefined {
  if (
    !isSegmentIdByte(line[at], true) ||
    !isSegmentIdByte(line[at + 1], false) ||
    !isSegmentIdByte(line[at + 2], false)
  ) {
    return undefined;
  }
  return line.toString('latin1', at, at + 3);
}

/** Drops a BOM, MLLP bytes, NUL/STX and wrappers such as "[SOM]" in front of a segment. */
function trimLine(line: Buffer): Buffer {
  let start = 0;
  if (line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) start = 3;
  while (start < line.length && (line[start]! < 0x20 || line[start] === 0x20)) start++;
  let end = line.length;
  while (end > start && (line[end - 1]! < 0x20 || line[end - 1] === 0x20) && line[end - 1] !== 0x1b) end--;
  let trimmed = line.subarray(start, end);
  if (segmentIdAt(trimmed, 0) === undefined) {
    const msh = trimmed.indexOf('MSH');
    if (msh > 0) trimmed = trimmed.subarray(msh);
  }
  return trimmed;
}

function splitLines(input: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const b = input[i];
    if (b === CR || b === LF) {
      lines.push(input.subarray(start, i));
      start = i + 1;
    }
  }
  lines.push(input.subarray(start));
  return lines;
}

export function splitMessages(input: Uint8Array): SplitResult {
  const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const messages: RawMessage[] = [];
  let current: Buffer[] | undefined;
  let orphanSegments = 0;
  const close = (): void => {
    if (current) {
      messages.push({ index: messages.length, bytes: Buffer.concat(current.flatMap((s) => [s, Buffer.from([CR])])) });
    }
    current = undefined;
  };
  for (const rawLine of splitLines(buffer)) {
    const line = trimLine(rawLine);
    if (line.length === 0) continue;
    const id = segmentIdAt(line, 0);
    if (id === 'MSH') {
      close();
      current = [line];
    } else if (id !== undefined && BATCH_SEGMENTS.has(id)) {
      close();
    } else if (current) {
      current.push(line);
    } else {
      orphanSegments++;
    }
  }
  close();
  return { messages, orphanSegments };
}
