import { type BatchEnvelope } from '../framing/batch-envelope';

export interface BatchAckRequest {
  readonly envelope: BatchEnvelope;
  /** The ACK message of each message in the batch, in batch order, already encoded. */
  readonly acks: readonly Buffer[];
  readonly controlId: string;
  /** HL7 DTM, e.g. 20240301081500+0000. */
  readonly timestamp: string;
  readonly receivingApplication?: string;
  readonly receivingFacility?: string;
}

const CR = Buffer.from('\r', 'latin1');

/**
 * HL7 v2 batch acknowledgement (v2.5 section 2.10.3): the answer to a batch is a batch holding the ACK of
 * each message, its BHS-12 (and FHS-12) naming the control id of the batch it answers and BTS-1 counting
 * the ACKs. Sending and receiving sides are swapped like in MSH. The header segments are ASCII; each ACK
 * keeps the charset of the message it answers.
 */
export function buildBatchAck(request: BatchAckRequest): Buffer {
  const { envelope } = request;
  const source = envelope.bhs ?? envelope.fhs;
  const separator = source?.[1] ?? '|';
  const encoding = source?.[2] ?? '^~\\&';
  const header = (name: 'FHS' | 'BHS', original: readonly string[] | undefined): string =>
    [
      name,
      encoding,
      request.receivingApplication ?? original?.[5] ?? '',
      request.receivingFacility ?? original?.[6] ?? '',
      original?.[3] ?? '',
      original?.[4] ?? '',
      request.timestamp,
      '',
      '',
      '',
      `${request.controlId}${name === 'FHS' ? 'F' : 'B'}`,
      original?.[11] ?? '',
    ].join(separator);
  const parts: Buffer[] = [];
  const segment = (text: string): void => {
    parts.push(Buffer.from(text, 'latin1'), CR);
  };
  if (envelope.fhs) segment(header('FHS', envelope.fhs));
  segment(header('BHS', envelope.bhs ?? envelope.fhs));
  for (const ack of request.acks) {
    parts.push(ack);
    if (ack[ack.length - 1] !== 0x0d) parts.push(CR);
  }
  segment(['BTS', String(request.acks.length)].join(separator));
  if (envelope.fhs) segment(['FTS', '1'].join(separator));
  return Buffer.concat(parts);
}
