import { type ErpItem, type FeedItem, type FhirItem, type Hl7Item } from '../history/feed-item';
import { encodeErpCsv, erpCsvText, type ErpRow } from '../writers/erp-csv';
import { encodeHl7, msh } from '../writers/hl7v2';
import { formatDate, formatIso, formatMonth } from './clock';
import { type GeneratedFile } from './generate-sample';
import { type GroundTruthMessage } from './ground-truth';
import { ERP_SOURCE } from './organisations';

type TruthBase = Pick<GroundTruthMessage, 'seq' | 'at' | 'feed' | 'source' | 'org' | 'person' | 'events'>;

/**
 * Lays the feed items, taken in send order, into files and records where each one went: HL7 messages back
 * to back per interface and month (control ids: the sample's tag, then numbered per sender in send order), one FHIR bundle per
 * file, one CSV per store and month.
 */
export class FeedFiles {
  readonly truth: GroundTruthMessage[] = [];
  private readonly bundles: GeneratedFile[] = [];
  private readonly hl7 = new Map<string, { parts: Buffer[]; size: number }>();
  private readonly csv = new Map<string, { encoding: 'utf-8' | 'gb18030'; rows: ErpRow[] }>();
  private readonly controlIds = new Map<string, number>();

  /** `tag` prefixes the control ids, so two different samples never share one (see `sampleTag`). */
  constructor(private readonly tag: string) {}

  add(item: FeedItem): void {
    const base: TruthBase = {
      seq: this.truth.length,
      at: formatIso(item.at),
      feed: item.feed,
      source: item.source.id,
      org: item.source.orgId,
      person: item.personId,
      events: item.events,
    };
    switch (item.feed) {
      case 'hl7v2':
        return this.addHl7(item, base);
      case 'fhir-r4':
        return this.addBundle(item, base);
      case 'erp-csv':
        return this.addRow(item, base);
    }
  }

  files(): GeneratedFile[] {
    return [
      ...[...this.hl7].map(([path, file]) => ({ path, bytes: Buffer.concat(file.parts) })),
      ...this.bundles,
      ...[...this.csv].map(([path, file]) => ({ path, bytes: encodeErpCsv(erpCsvText(file.rows), file.encoding) })),
    ];
  }

  private addHl7(item: Hl7Item, base: TruthBase): void {
    const sender = `${item.source.sendingApplication}|${item.source.sendingFacility}`;
    const n = (this.controlIds.get(sender) ?? 0) + 1;
    this.controlIds.set(sender, n);
    const controlId = `DH${this.tag}${String(n).padStart(9, '0')}`;
    const header = msh({
      source: item.source,
      at: item.at,
      messageType: item.messageType,
      controlId,
      charset: item.charset,
    });
    const bytes = encodeHl7([header, ...item.body], item.charset);
    const path = `hl7/${item.source.id}/${item.stream}-${formatMonth(item.at)}.hl7`;
    const file = this.hl7.get(path) ?? { parts: [], size: 0 };
    this.truth.push({
      ...base,
      file: path,
      index: file.parts.length,
      offset: file.size,
      length: bytes.length,
      controlId,
      messageType: item.messageType,
      charset: item.charset,
    });
    file.parts.push(bytes);
    file.size += bytes.length;
    this.hl7.set(path, file);
  }

  private addBundle(item: FhirItem, base: TruthBase): void {
    // Each entry of the generated bundles yields exactly one event: events[i] is entry i's.
    if (item.bundle.entry.length !== item.events.length) throw new Error('bundle entries and events disagree');
    const path = `fhir/${item.source.id}/${formatDate(item.at)}/${item.bundle.id}.json`;
    this.bundles.push({ path, bytes: Buffer.from(`${JSON.stringify(item.bundle)}\n`, 'utf8') });
    this.truth.push({
      ...base,
      file: path,
      bundleId: item.bundle.id,
      resources: item.bundle.entry.map((e) => `${e.resource.resourceType}/${String(e.resource['id'])}`),
    });
  }

  private addRow(item: ErpItem, base: TruthBase): void {
    const store = ERP_SOURCE.stores!.find((s) => s.code === item.row.store)!;
    const path = `erp-csv/${item.source.id}/${store.code}-${formatMonth(item.at)}.csv`;
    const file = this.csv.get(path) ?? { encoding: store.encoding, rows: [] };
    file.rows.push(item.row);
    this.csv.set(path, file);
    // Line 1 is the header: the first row is line 2, as ingest numbers rows.
    this.truth.push({ ...base, file: path, index: file.rows.length + 1, ticketNo: item.row.ticketNo });
  }
}
