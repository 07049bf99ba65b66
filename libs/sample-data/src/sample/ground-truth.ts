import { type SampleEventType } from '../history/feed-item';
import { type GeneratedFile, type SampleSummary } from './generate-sample';
import { type SamplePerson } from './people';
import { type Memberships, registrationsOf } from './registrations';

export function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** One message, bundle or CSV row as sent, and the events ingest must derive from it. */
export interface GroundTruthMessage {
  /** Send order: chronological across all feeds. */
  readonly seq: number;
  readonly at: string;
  readonly feed: 'hl7v2' | 'fhir-r4' | 'erp-csv';
  readonly source: string;
  readonly org: string;
  readonly person: string;
  readonly file: string;
  /**
   * As `revisit ingest parse` reports it: the message's position in an HL7 file, the line of a CSV row.
   * Absent for a FHIR bundle, whose entry i (`resources[i]`) yields `events[i]` and is reported as index i.
   */
  readonly index?: number;
  readonly events: readonly SampleEventType[];
  /** HL7 v2: where the message is in its file (one MLLP frame each), MSH-10, MSH-9 and the charset. */
  readonly offset?: number;
  readonly length?: number;
  readonly controlId?: string;
  readonly messageType?: string;
  readonly charset?: string;
  readonly bundleId?: string;
  readonly resources?: readonly string[];
  readonly ticketNo?: string;
}

const cell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csv = (header: readonly string[], rows: readonly (readonly string[])[]): Buffer =>
  Buffer.from(`${[header, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`, 'utf8');

/**
 * `truth/people.csv` (the real persons), `truth/records.csv` (each system's registration of them, with
 * what differs), `truth/messages.ndjson` (every message in send order with its expected events) and
 * `summary.json`.
 */
export function groundTruthFiles(
  people: readonly SamplePerson[],
  memberships: readonly Memberships[],
  messages: readonly GroundTruthMessage[],
  summary: SampleSummary,
): GeneratedFile[] {
  const peopleCsv = csv(
    ['person_id', 'name', 'sex', 'birth_date', 'id_card', 'mobile', 'address', 'conditions', 'household_of'],
    people.map((p) => [
      p.id,
      p.surname + p.given,
      p.sex,
      p.birthDate,
      p.idCard,
      p.mobile,
      p.city + p.street,
      p.conditions.join(';'),
      p.householdOf ?? '',
    ]),
  );
  const records = memberships.flatMap((m) =>
    registrationsOf(m).map((r) => [
      r.personId,
      r.source.orgId,
      r.source.id,
      r.system,
      r.localId,
      r.fullName ?? r.surname + r.given,
      r.sex,
      r.birthDate ?? '',
      r.idCard ?? '',
      r.phone ?? '',
      r.differences.join(';'),
    ]),
  );
  const recordsCsv = csv(
    [
      'person_id',
      'org_id',
      'source_id',
      'identifier_system',
      'local_id',
      'name',
      'sex',
      'birth_date',
      'id_card',
      'phone',
      'differences',
    ],
    records,
  );
  return [
    { path: 'truth/people.csv', bytes: peopleCsv },
    { path: 'truth/records.csv', bytes: recordsCsv },
    {
      path: 'truth/messages.ndjson',
      bytes: Buffer.from(messages.map((m) => `${JSON.stringify(m)}\n`).join(''), 'utf8'),
    },
    { path: 'summary.json', bytes: json(summary) },
  ];
}
