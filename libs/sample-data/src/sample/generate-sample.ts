import { type FeedItem, type HistoryWindow } from '../history/feed-item';
import { personHistory } from '../history/person-history';
import { encodeErpCsv, erpCsvText, type ErpRow } from '../writers/erp-csv';
import { encodeHl7, msh } from '../writers/hl7v2';
import { addMonths, DAY, formatDate, formatIso, formatMonth, parseLocalDate } from './clock';
import { ERP_SOURCE, ORGANISATIONS, SOURCES } from './organisations';
import { generatePeople } from './people';
import { LocalIds, type Memberships, registerPerson, registrationsOf } from './registrations';
import { substream } from './rng';
import { type GroundTruthMessage, groundTruthFiles, json } from './ground-truth';

export interface GenerateSampleOptions {
  readonly seed: number;
  readonly patients: number;
  readonly months: number;
  /** Last day of the history, `YYYY-MM-DD` in Asia/Shanghai. */
  readonly until: string;
}

export interface GeneratedFile {
  /** Relative to the output directory, with forward slashes. */
  readonly path: string;
  readonly bytes: Buffer;
}

export interface SampleSummary {
  readonly seed: number;
  readonly patients: number;
  readonly months: number;
  readonly from: string;
  readonly until: string;
  readonly records: number;
  readonly messages: Readonly<Record<FeedItem['feed'], number>>;
  readonly files: Readonly<Record<FeedItem['feed'], number>>;
  readonly events: Readonly<Record<string, number>>;
}

export interface GeneratedSample {
  readonly files: GeneratedFile[];
  readonly summary: SampleSummary;
}

export const MAX_PATIENTS = 50_000;
export const MAX_MONTHS = 24;
/**
 * The sample is built in memory before it is written (about 25 MB per 1,000 patient-quarters measured):
 * patients x months is capped so a run stays within Node's default heap.
 */
export const MAX_PATIENT_MONTHS = 150_000;

/** Why options are refused; the CLI turns it into exit code 2. */
export class SampleOptionsError extends Error {
  override readonly name = 'SampleOptionsError';
}

function checkOptions(o: GenerateSampleOptions): HistoryWindow {
  if (!Number.isSafeInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff)
    throw new SampleOptionsError('--seed must be an integer from 0 to 4294967295');
  if (!Number.isInteger(o.patients) || o.patients < 1 || o.patients > MAX_PATIENTS)
    throw new SampleOptionsError(`--patients must be an integer from 1 to ${MAX_PATIENTS}`);
  if (!Number.isInteger(o.months) || o.months < 1 || o.months > MAX_MONTHS)
    throw new SampleOptionsError(`--months must be an integer from 1 to ${MAX_MONTHS}`);
  if (o.patients * o.months > MAX_PATIENT_MONTHS)
    throw new SampleOptionsError(
      `--patients x --months must not exceed ${MAX_PATIENT_MONTHS} (e.g. 50000 for 3 months, 6250 for 24)`,
    );
  const until = parseLocalDate(o.until);
  if (until === undefined) throw new SampleOptionsError('--until must be a calendar date YYYY-MM-DD');
  return { start: addMonths(until, -o.months) + DAY, end: until + DAY - 1 };
}

const EXTENSION = { hl7v2: 'hl7', 'fhir-r4': 'json', 'erp-csv': 'csv' } as const;

/**
 * A seeded, reproducible sample: people registered in up to four organisations' systems with small
 * differences, their history over `months` months up to `until`, written in the real feed formats (HL7 v2
 * files of CR-ended messages, FHIR R4 transaction bundles, ERP CSV per store), with the ground truth
 * (who is who, which events each message must produce). Same options, same bytes.
 */
export function generateSample(options: GenerateSampleOptions): GeneratedSample {
  const window = checkOptions(options);
  const { seed } = options;
  const untilYear = Number(options.until.slice(0, 4));
  const people = generatePeople(substream(seed, 0, 0), options.patients, untilYear);
  const ids = new LocalIds();
  const memberships = people.map((p, i) => registerPerson(p, substream(seed, 1, i), ids, untilYear));
  const items = people
    .flatMap((p, i) => personHistory(p, memberships[i]!, substream(seed, 2, i), window))
    .map((item, order) => ({ item, order }))
    .sort((a, b) => a.item.at - b.item.at || a.order - b.order)
    .map(({ item }) => item);

  const files: GeneratedFile[] = [];
  const truth: GroundTruthMessage[] = [];
  const hl7Files = new Map<string, Buffer[]>();
  const hl7Sizes = new Map<string, number>();
  const csvFiles = new Map<string, { encoding: 'utf-8' | 'gb18030'; rows: ErpRow[] }>();
  const controlIds = new Map<string, number>();
  for (const [seq, item] of items.entries()) {
    const base = {
      seq,
      at: formatIso(item.at),
      feed: item.feed,
      source: item.source.id,
      org: item.source.orgId,
      person: item.personId,
      events: item.events,
    };
    switch (item.feed) {
      case 'hl7v2': {
        const sender = `${item.source.sendingApplication}|${item.source.sendingFacility}`;
        const n = (controlIds.get(sender) ?? 0) + 1;
        controlIds.set(sender, n);
        const controlId = `DH${String(n).padStart(9, '0')}`;
        const bytes = encodeHl7(
          [
            msh({ source: item.source, at: item.at, messageType: item.messageType, controlId, charset: item.charset }),
            ...item.body,
          ],
          item.charset,
        );
        const path = `hl7/${item.source.id}/${item.stream}-${formatMonth(item.at)}.${EXTENSION.hl7v2}`;
        const parts = hl7Files.get(path) ?? [];
        const offset = hl7Sizes.get(path) ?? 0;
        truth.push({
          ...base,
          file: path,
          index: parts.length,
          offset,
          length: bytes.length,
          controlId,
          messageType: item.messageType,
          charset: item.charset,
        });
        parts.push(bytes);
        hl7Files.set(path, parts);
        hl7Sizes.set(path, offset + bytes.length);
        break;
      }
      case 'fhir-r4': {
        const path = `fhir/${item.source.id}/${formatDate(item.at)}/${item.bundle.id}.${EXTENSION['fhir-r4']}`;
        files.push({ path, bytes: Buffer.from(`${JSON.stringify(item.bundle)}\n`, 'utf8') });
        // Each entry of the generated bundles yields exactly one event: events[i] is entry i's.
        if (item.bundle.entry.length !== item.events.length) throw new Error('bundle entries and events disagree');
        truth.push({
          ...base,
          file: path,
          bundleId: item.bundle.id,
          resources: item.bundle.entry.map((e) => `${e.resource.resourceType}/${String(e.resource['id'])}`),
        });
        break;
      }
      case 'erp-csv': {
        const store = ERP_SOURCE.stores!.find((s) => s.code === item.row.store)!;
        const path = `erp-csv/${item.source.id}/${store.code}-${formatMonth(item.at)}.${EXTENSION['erp-csv']}`;
        const file = csvFiles.get(path) ?? { encoding: store.encoding, rows: [] };
        file.rows.push(item.row);
        csvFiles.set(path, file);
        // Line 1 is the header: the first row is line 2, as ingest numbers rows.
        truth.push({ ...base, file: path, index: file.rows.length + 1, ticketNo: item.row.ticketNo });
        break;
      }
    }
  }
  for (const [path, parts] of hl7Files) files.push({ path, bytes: Buffer.concat(parts) });
  for (const [path, file] of csvFiles) files.push({ path, bytes: encodeErpCsv(erpCsvText(file.rows), file.encoding) });

  const summary = summarise(options, window, memberships, items, files);
  files.push(...groundTruthFiles(people, memberships, truth, summary));
  files.push({ path: 'sources.json', bytes: json({ organisations: ORGANISATIONS, sources: SOURCES }) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, summary };
}

function summarise(
  options: GenerateSampleOptions,
  window: HistoryWindow,
  memberships: readonly Memberships[],
  items: readonly FeedItem[],
  files: readonly GeneratedFile[],
): SampleSummary {
  const messages = { hl7v2: 0, 'fhir-r4': 0, 'erp-csv': 0 };
  const events: Record<string, number> = {};
  for (const item of items) {
    messages[item.feed]++;
    for (const type of item.events) events[type] = (events[type] ?? 0) + 1;
  }
  const fileCounts = { hl7v2: 0, 'fhir-r4': 0, 'erp-csv': 0 };
  for (const f of files) {
    if (f.path.startsWith('hl7/')) fileCounts.hl7v2++;
    else if (f.path.startsWith('fhir/')) fileCounts['fhir-r4']++;
    else if (f.path.startsWith('erp-csv/')) fileCounts['erp-csv']++;
  }
  return {
    seed: options.seed,
    patients: options.patients,
    months: options.months,
    from: formatDate(window.start),
    until: options.until,
    records: memberships.reduce((n, m) => n + registrationsOf(m).length, 0),
    messages,
    files: fileCounts,
    events: Object.fromEntries(Object.entries(events).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
