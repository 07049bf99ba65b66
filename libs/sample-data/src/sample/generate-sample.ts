import { type FeedItem, type HistoryWindow } from '../history/feed-item';
import { personHistory } from '../history/person-history';
import { addMonths, DAY, formatDate, parseLocalDate } from './clock';
import { FeedFiles } from './feed-files';
import { ORGANISATIONS, SOURCES } from './organisations';
import { generatePeople } from './people';
import { LocalIds, type Memberships, registerPerson, registrationsOf } from './registrations';
import { substream } from './rng';
import { groundTruthFiles, json } from './ground-truth';

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
  /** Registrations per source: how many local records the EMPI must link into `patients` people. */
  readonly recordsBySource: Readonly<Record<string, number>>;
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

/**
 * Four base-36 characters naming a sample by its options: different samples sent to one ingest must not
 * share HL7 control ids, or ingest takes the second sample's messages for resends of the first's.
 */
export function sampleTag(options: GenerateSampleOptions): string {
  // FNV-1a over the options that decide the content: same options, same tag.
  let hash = 0x811c9dc5;
  for (const char of `${options.seed}/${options.patients}/${options.months}/${options.until}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 36 ** 4).toString(36).toUpperCase().padStart(4, '0');
}

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

  const feeds = new FeedFiles(sampleTag(options));
  for (const item of items) feeds.add(item);
  const files = feeds.files();

  const summary = summarise(options, window, memberships, items, files);
  files.push(...groundTruthFiles(people, memberships, feeds.truth, summary));
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
    recordsBySource: Object.fromEntries(
      SOURCES.map((s) => [s.id, memberships.flatMap(registrationsOf).filter((r) => r.source.id === s.id).length]),
    ),
    messages,
    files: fileCounts,
    events: Object.fromEntries(Object.entries(events).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
