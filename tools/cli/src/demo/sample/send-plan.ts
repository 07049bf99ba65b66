import { type GroundTruthMessage } from '@revisit/sample-data';

/** The ground truth's lines (truth/messages.ndjson), in send order whatever order the file holds them in. */
export function parseSendOrder(ndjson: string): GroundTruthMessage[] {
  const messages = ndjson
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GroundTruthMessage);
  return messages.sort((a, b) => a.seq - b.seq);
}

const VT = 0x0b;
const FS = 0x1c;
const CR = 0x0d;

/** One message of an HL7 file (at `offset`, `length` bytes) in an MLLP frame: VT message FS CR. */
export function mllpFrame(file: Buffer, offset: number, length: number): Buffer {
  if (offset < 0 || length <= 0 || offset + length > file.length)
    throw new RangeError(`message at ${offset}+${length} lies outside the file (${file.length} bytes)`);
  return Buffer.concat([Buffer.of(VT), file.subarray(offset, offset + length), Buffer.of(FS, CR)]);
}

/** The payload of the first complete frame in `buffer`, and what follows it; undefined until a frame is whole. */
export function takeFrame(buffer: Buffer): { payload: Buffer; rest: Buffer } | undefined {
  const start = buffer.indexOf(VT);
  if (start < 0) return undefined;
  const end = buffer.indexOf(Buffer.of(FS, CR), start + 1);
  if (end < 0) return undefined;
  return { payload: buffer.subarray(start + 1, end), rest: buffer.subarray(end + 2) };
}

/** MSA-1 of an ACK and, for AE/AR, the application error code (ERR-5, else ERR-3) ingest put there. */
export function readAck(ack: Buffer): { code: string; error?: string } {
  // The ACK is in the charset of the message it answers; MSA-1 and the ERR codes are ASCII in all of them.
  const segments = ack.toString('latin1').split(/\r\n?|\n/);
  const field = (segment: string | undefined, index: number): string | undefined => {
    if (!segment) return undefined;
    const value = segment.split('|')[index]?.split('^')[0]?.trim();
    return value ? value : undefined;
  };
  const msa = segments.find((s) => s.startsWith('MSA|'));
  const err = segments.find((s) => s.startsWith('ERR|'));
  const code = field(msa, 1) ?? 'no-MSA';
  const error = code === 'AA' || code === 'CA' ? undefined : (field(err, 5) ?? field(err, 3));
  return error ? { code, error } : { code };
}

/**
 * Splits the HL7 messages into `lanes` queues, each in send order, with every person's messages in one lane:
 * lanes run on parallel connections, and a person's discharge must still arrive after their admission.
 */
export function lanesByPerson(messages: readonly GroundTruthMessage[], lanes: number): GroundTruthMessage[][] {
  const queues: GroundTruthMessage[][] = Array.from({ length: Math.max(1, lanes) }, () => []);
  for (const message of messages) queues[hash(message.person) % queues.length]!.push(message);
  return queues.filter((queue) => queue.length > 0);
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The CSV files in the order their first row is due: each file is one import. */
export function csvFilesInOrder(messages: readonly GroundTruthMessage[]): { file: string; rows: number }[] {
  const rows = new Map<string, number>();
  for (const m of messages) if (m.feed === 'erp-csv') rows.set(m.file, (rows.get(m.file) ?? 0) + 1);
  return [...rows].map(([file, count]) => ({ file, rows: count }));
}

export type Feed = GroundTruthMessage['feed'];

/** Outcomes per feed: accepted, or rejected with a code (an ACK code, an HTTP status, a problem code). */
export class SendTally {
  private readonly counts = new Map<Feed, { sent: number; accepted: number; rejected: Map<string, number> }>();

  record(feed: Feed, accepted: boolean, code?: string, count = 1): void {
    const entry = this.entry(feed);
    entry.sent += count;
    if (accepted) entry.accepted += count;
    else entry.rejected.set(code ?? 'unknown', (entry.rejected.get(code ?? 'unknown') ?? 0) + count);
  }

  get rejected(): number {
    return [...this.counts.values()].reduce((sum, e) => sum + e.sent - e.accepted, 0);
  }

  get sent(): number {
    return [...this.counts.values()].reduce((sum, e) => sum + e.sent, 0);
  }

  /** One line per feed: `HL7 v2 (MLLP)  12224 sent, 12224 accepted, 0 rejected (AR SOURCE_NOT_AUTHENTICATED 3)`. */
  lines(): string[] {
    return (['hl7v2', 'fhir-r4', 'erp-csv'] as const)
      .filter((feed) => this.counts.has(feed))
      .map((feed) => {
        const e = this.entry(feed);
        const codes = [...e.rejected].map(([code, n]) => `${code} ${n}`).join(', ');
        const rejected = e.sent - e.accepted;
        return `  ${FEED_LABELS[feed].padEnd(23)} ${e.sent} sent, ${e.accepted} accepted, ${rejected} rejected${codes ? ` (${codes})` : ''}`;
      });
  }

  private entry(feed: Feed) {
    let entry = this.counts.get(feed);
    if (!entry) this.counts.set(feed, (entry = { sent: 0, accepted: 0, rejected: new Map() }));
    return entry;
  }
}

const FEED_LABELS: Record<Feed, string> = {
  hl7v2: 'HL7 v2 messages (MLLP)',
  'fhir-r4': 'FHIR R4 bundles',
  'erp-csv': 'ERP CSV rows',
};
