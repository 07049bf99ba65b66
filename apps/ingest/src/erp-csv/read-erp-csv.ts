import { parse } from 'csv-parse';
import * as iconv from 'iconv-lite';
import { DEFAULT_ZONE } from '../normalise/date-time';
import { type NormalisedEvent } from '../normalise/normalised-event';
import { type ErpColumn, mapHeader, missingColumns } from './column-mapping';
import { ErpCsvErrorCode, type ErpCsvRowError } from './erp-csv.errors';
import { mapErpRow } from './erp-row.mapper';

/** The header and the row as parsed, so a row can be stored (and replayed) on its own. */
export interface ErpRowCells {
  readonly header: readonly string[];
  readonly record: readonly string[];
}

export type ErpRowResult =
  | { readonly row: number; readonly accepted: true; readonly events: NormalisedEvent[]; readonly cells?: ErpRowCells }
  | { readonly row: number; readonly accepted: false; readonly errors: ErpCsvRowError[]; readonly cells?: ErpRowCells };

export interface ReadErpCsvOptions {
  /** The ERP / member system; member ids are unique only within it. */
  readonly sourceSystem?: string;
  /** Zone for dispense times without an offset. */
  readonly zone?: string;
  /** Forces an encoding instead of sniffing (UTF-8 BOM or valid UTF-8, else GB 18030). */
  readonly encoding?: 'utf-8' | 'gb18030';
}

export const DEFAULT_ERP_SOURCE = 'pharmacy-erp';
const SNIFF_BYTES = 64 * 1024;
const MAX_PREAMBLE_LINES = 5;

/** Valid UTF-8 in the sample (ignoring a character cut at its end) means UTF-8; anything else GB 18030. */
export function sniffEncoding(sample: Buffer): 'utf-8' | 'gb18030' {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

async function* decoded(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  forced?: 'utf-8' | 'gb18030',
): AsyncGenerator<string> {
  const pending: Buffer[] = [];
  let size = 0;
  let decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    if (!decoder) {
      pending.push(bytes);
      size += bytes.length;
      if (size < SNIFF_BYTES) continue;
      const head = Buffer.concat(pending);
      decoder = iconv.getDecoder(forced ?? sniffEncoding(head));
      yield decoder.write(head);
      continue;
    }
    yield decoder.write(bytes);
  }
  if (!decoder) {
    const head = Buffer.concat(pending);
    decoder = iconv.getDecoder(forced ?? sniffEncoding(head));
    yield decoder.write(head);
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/**
 * Streams an ERP sales export (UTF-8 or GB 18030) and yields one result per data row: the dispense event
 * or the row's errors. Memory stays bounded by one record, so month-long exports are fine.
 */
export async function* readErpCsv(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  options: ReadErpCsvOptions = {},
): AsyncGenerator<ErpRowResult> {
  const sourceSystem = options.sourceSystem ?? DEFAULT_ERP_SOURCE;
  const zone = options.zone ?? DEFAULT_ZONE;
  // Records are taken from on_record instead of the readable side: a syntax error destroys the stream,
  // and rows parsed before it must still be reported.
  const queue: { record: string[]; lines: number }[] = [];
  let failure: unknown;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    on_record: (record: string[], context: { lines: number }) => {
      queue.push({ record, lines: context.lines });
      return null;
    },
  });
  parser.on('error', (error: unknown) => {
    failure = error;
  });
  async function* parsed(): AsyncGenerator<{ record: string[]; info: { lines: number } }> {
    const drain = function* (): Generator<{ record: string[]; info: { lines: number } }> {
      for (let item = queue.shift(); item; item = queue.shift())
        yield { record: item.record, info: { lines: item.lines } };
    };
    for await (const text of decoded(source, options.encoding)) {
      if (failure) break;
      await new Promise<void>((resolve) => parser.write(text, () => resolve()));
      yield* drain();
    }
    if (!failure) {
      await new Promise<void>((resolve) => {
        parser.once('finish', resolve);
        parser.once('error', () => resolve());
        parser.end();
      });
    }
    yield* drain();
    if (failure) throw failure;
  }
  let positions: Map<ErpColumn, number> | undefined;
  let header: string[] = [];
  try {
    for await (const item of parsed()) {
      const { record, info } = item;
      if (!positions) {
        const candidate = mapHeader(record);
        // Exports often start with a report title or date-range line (销售明细报表 ...): skip such lines
        // until one names at least two known columns.
        if (candidate.size < 2 && info.lines <= MAX_PREAMBLE_LINES) continue;
        positions = candidate;
        header = record;
        const missing = missingColumns(positions);
        if (missing.length > 0) {
          yield {
            row: info.lines,
            accepted: false,
            errors: missing.map((column) => ({
              row: info.lines,
              column,
              code: ErpCsvErrorCode.MISSING_COLUMN,
              message: `Header lacks column ${column}`,
            })),
          };
          return;
        }
        continue;
      }
      const map = positions;
      const value = (column: ErpColumn): string | undefined => {
        const at = map.get(column);
        const v = at === undefined ? undefined : record[at]?.trim();
        return v ? v : undefined;
      };
      const outcome = mapErpRow(value, { row: info.lines, sourceSystem, zone });
      const cells: ErpRowCells = { header, record };
      yield outcome.ok
        ? { row: info.lines, accepted: true, events: [outcome.event], cells }
        : { row: info.lines, accepted: false, errors: outcome.errors, cells };
    }
  } catch (error: unknown) {
    // csv-parse stops at the first syntax error (e.g. an unclosed quote); report where, then stop.
    const line =
      typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number'
        ? error.lines
        : 0;
    yield {
      row: line,
      accepted: false,
      errors: [
        { row: line, code: ErpCsvErrorCode.CSV_SYNTAX, message: 'CSV syntax error; rows after it were not read' },
      ],
    };
  }
}
