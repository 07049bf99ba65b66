/**
 * The FHS/BHS header segments of an HL7 v2 batch, read from raw bytes (batch headers are ASCII in every
 * supported charset). Their control ids are echoed in the batch acknowledgement (BHS-12, FHS-12).
 */
export interface BatchEnvelope {
  /** Fields of the FHS segment, index = field number (FHS-1 is the field separator). */
  readonly fhs?: readonly string[];
  readonly bhs?: readonly string[];
}

function segmentFields(line: string): string[] {
  const separator = line[3] ?? '|';
  // Index by HL7 field number: FHS-1 is the separator itself, FHS-2 the encoding characters.
  return [line.slice(0, 3), separator, ...line.slice(4).split(separator)];
}

export function readBatchEnvelope(bytes: Uint8Array): BatchEnvelope {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let fhs: string[] | undefined;
  let bhs: string[] | undefined;
  for (const rawLine of text.split(/[\r\n]+/)) {
    const line = trimLeadingNoise(rawLine);
    if (!fhs && line.startsWith('FHS') && line.length > 4) fhs = segmentFields(line);
    else if (!bhs && line.startsWith('BHS') && line.length > 4) bhs = segmentFields(line);
    if (line.startsWith('MSH')) break;
  }
  return { ...(fhs ? { fhs } : {}), ...(bhs ? { bhs } : {}) };
}

/** Drops a BOM (read as latin1), MLLP/NUL bytes and spaces in front of a segment. */
function trimLeadingNoise(line: string): string {
  let start = 0;
  while (start < line.length && (line.charCodeAt(start) <= 0x20 || '\ufeff\xef\xbb\xbf'.includes(line[start]!)))
    start++;
  return line.slice(start);
}

export function isBatch(envelope: BatchEnvelope): boolean {
  return envelope.fhs !== undefined || envelope.bhs !== undefined;
}
