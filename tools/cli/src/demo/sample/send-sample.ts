import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type GroundTruthMessage } from '@revisit/sample-data';
import { MllpConnection } from './mllp-connection';
import { csvFilesInOrder, lanesByPerson, mllpFrame, readAck, SendTally } from './send-plan';

/** Where ingest listens: its HTTP port (FHIR, CSV) and its MLLP port. */
export interface IngestEndpoints {
  readonly url: string;
  readonly mllpHost: string;
  readonly mllpPort: number;
}

export const DEMO_INGEST: IngestEndpoints = { url: 'http://127.0.0.1:3001', mllpHost: '127.0.0.1', mllpPort: 2575 };
/** Parallel MLLP connections and FHIR requests: enough to keep ingest busy on two cores, not more. */
const LANES = 4;

/**
 * Sends the sample in the ground truth's order through ingest's real interfaces: HL7 v2 over MLLP (one frame
 * per message, waiting for each ACK), FHIR bundles to `POST /fhir/r4`, each CSV file to
 * `POST /v1/imports/dispensing`. The three feeds run side by side (different sources); within a feed each
 * person's messages keep their order.
 */
export async function sendSample(
  dir: string,
  messages: readonly GroundTruthMessage[],
  apiKeys: ReadonlyMap<string, string>,
  ingest: IngestEndpoints = DEMO_INGEST,
): Promise<SendTally> {
  const tally = new SendTally();
  const files = new Map<string, Buffer>();
  const read = (file: string): Buffer => {
    let bytes = files.get(file);
    if (!bytes) files.set(file, (bytes = readFileSync(path.join(dir, file))));
    return bytes;
  };
  const keyOf = (source: string): string => {
    const key = apiKeys.get(source);
    if (!key) throw new Error(`no API key for source ${source}`);
    return key;
  };
  await Promise.all([
    sendHl7(
      ingest,
      messages.filter((m) => m.feed === 'hl7v2'),
      read,
      tally,
    ),
    sendFhir(
      ingest,
      messages.filter((m) => m.feed === 'fhir-r4'),
      read,
      keyOf,
      tally,
    ),
    sendCsv(ingest, messages, read, keyOf, tally),
  ]);
  return tally;
}

async function sendHl7(
  ingest: IngestEndpoints,
  messages: GroundTruthMessage[],
  read: (file: string) => Buffer,
  tally: SendTally,
) {
  await Promise.all(
    lanesByPerson(messages, LANES).map(async (lane) => {
      const connection = await MllpConnection.open(ingest.mllpHost, ingest.mllpPort);
      try {
        for (const m of lane) {
          const ack = readAck(await connection.send(mllpFrame(read(m.file), m.offset!, m.length!)));
          tally.record('hl7v2', ack.code === 'AA', ack.error ? `${ack.code} ${ack.error}` : ack.code);
        }
      } finally {
        await connection.close();
      }
    }),
  );
}

async function sendFhir(
  ingest: IngestEndpoints,
  messages: GroundTruthMessage[],
  read: (file: string) => Buffer,
  keyOf: (source: string) => string,
  tally: SendTally,
) {
  await Promise.all(
    lanesByPerson(messages, LANES).map(async (lane) => {
      for (const m of lane) {
        const response = await fetch(`${ingest.url}/fhir/r4`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/fhir+json', 'X-Api-Key': keyOf(m.source) },
          body: read(m.file),
        });
        const body = (await response.json().catch(() => ({}))) as OperationOutcome;
        tally.record('fhir-r4', response.ok, `HTTP ${response.status}${issueCode(body)}`);
      }
    }),
  );
}

interface OperationOutcome {
  resourceType?: string;
  issue?: { code?: string; details?: { coding?: { code?: string }[] } }[];
}

function issueCode(body: OperationOutcome): string {
  if (body.resourceType !== 'OperationOutcome') return '';
  const issue = body.issue?.[0];
  const code = issue?.details?.coding?.[0]?.code ?? issue?.code;
  return code ? ` ${code}` : '';
}

interface ImportReport {
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: { row: number; code: string }[];
}

async function sendCsv(
  ingest: IngestEndpoints,
  messages: readonly GroundTruthMessage[],
  read: (file: string) => Buffer,
  keyOf: (source: string) => string,
  tally: SendTally,
) {
  const sourceOf = new Map(messages.map((m) => [m.file, m.source]));
  for (const { file, rows } of csvFilesInOrder(messages)) {
    const response = await fetch(`${ingest.url}/v1/imports/dispensing`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', 'X-Api-Key': keyOf(sourceOf.get(file)!) },
      body: read(file),
    });
    if (response.status !== 200 && response.status !== 422) {
      const problem = (await response.json().catch(() => ({}))) as { code?: string };
      tally.record('erp-csv', false, `HTTP ${response.status} ${problem.code ?? ''}`.trim(), rows);
      continue;
    }
    const report = (await response.json()) as ImportReport;
    tally.record('erp-csv', true, undefined, report.accepted + report.duplicates);
    for (const error of report.errors) tally.record('erp-csv', false, error.code);
    // Rows the report neither accepted nor named (a fatal stop part-way) count as rejected too.
    const unreported = rows - report.accepted - report.duplicates - report.errors.length;
    if (unreported > 0) tally.record('erp-csv', false, 'not-reported', unreported);
  }
}
