import { Readable } from 'node:stream';
import { type DataSource, type EntityManager } from 'typeorm';
import { type NormalisedEvent } from '../../normalise/normalised-event';
import {
  type StoredDocument,
  storeAcceptedDocumentIn,
  storeRejectedDocumentIn,
} from '../../raw-messages/use-cases/store-feed-document';
import { type FeedSource } from '../../sources/feed-source.entity';
import { disallowedIdentifierSystems } from '../../sources/identifier-system-policy';
import { ErpCsvErrorCode, type ErpCsvRowError } from '../erp-csv.errors';
import { type ErpRowCells, type ErpRowResult, readErpCsv } from '../read-erp-csv';

/** Rows per transaction: big enough to amortise commits, small enough that a crash loses little work. */
const CHUNK_ROWS = 500;

export interface ImportReport {
  readonly rows: number;
  readonly accepted: number;
  /** Rows already imported before (same source, same content): acknowledged, not emitted again. */
  readonly duplicates: number;
  readonly rejected: number;
  /** One entry per problem, with the 1-based line number; never the value. */
  readonly errors: readonly ErpCsvRowError[];
  /** The file could not be read past its header or a syntax error (MISSING_COLUMN, CSV_SYNTAX). */
  readonly fatal: boolean;
}

export interface ErpImportOptions {
  readonly zone: string;
}

/**
 * Streams an ERP dispensing export into the store: each row becomes its own stored document (header + row,
 * so it can be replayed alone), accepted with its event for the EMPI stage and the outbox, or rejected and
 * quarantined with its line number. Rows commit in chunks; a resent file is recognised row by row.
 */
export async function importErpCsv(
  dataSource: DataSource,
  input: AsyncIterable<Buffer | Uint8Array | string>,
  source: FeedSource,
  options: ErpImportOptions,
): Promise<ImportReport> {
  let rows = 0;
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  let fatal = false;
  const errors: ErpCsvRowError[] = [];
  let chunk: ErpRowResult[] = [];
  const flush = async (): Promise<void> => {
    const pending = chunk;
    chunk = [];
    if (pending.length === 0) return;
    const stored = await dataSource.transaction((manager) => storeRowsIn(manager, pending, source));
    for (const [index, document] of stored.entries()) {
      if (document.status === 'accepted') accepted++;
      else if (document.status === 'duplicate') duplicates++;
      else {
        rejected++;
        errors.push(...rowErrors(authorised(pending[index]!, source)));
      }
    }
  };
  for await (const result of readErpCsv(input, { sourceSystem: source.id, zone: options.zone })) {
    if (!result.cells) {
      // Whole-file problems (missing columns, CSV syntax): nothing to store for them, report and stop.
      fatal = true;
      errors.push(...rowErrors(result));
      continue;
    }
    rows++;
    chunk.push(result);
    if (chunk.length >= CHUNK_ROWS) await flush();
  }
  await flush();
  return { rows, accepted, duplicates, rejected, errors: errors.sort((a, b) => a.row - b.row), fatal };
}

/** One stored row, for quarantine replay: the same path as an import of a one-row file. */
export async function receiveErpCsvIn(
  manager: EntityManager,
  bytes: Buffer,
  source: FeedSource,
  options: ErpImportOptions,
): Promise<{ stored: StoredDocument[] }> {
  const results: ErpRowResult[] = [];
  for await (const result of readErpCsv(Readable.from([bytes]), { sourceSystem: source.id, zone: options.zone })) {
    if (result.cells) results.push(result);
  }
  return { stored: await storeRowsIn(manager, results, source) };
}

async function storeRowsIn(
  manager: EntityManager,
  results: readonly ErpRowResult[],
  source: FeedSource,
): Promise<StoredDocument[]> {
  const stored: StoredDocument[] = [];
  for (const raw of results) {
    const result = authorised(raw, source);
    const document = { format: 'erp-csv' as const, bytes: rowBytes(result.cells!), source, messageType: 'erp-row' };
    if (result.accepted) {
      stored.push(
        await storeAcceptedDocumentIn(manager, document, result.events, { status: 201, body: { row: result.row } }),
      );
    } else {
      const first = result.errors[0]!;
      stored.push(
        await storeRejectedDocumentIn(
          manager,
          document,
          { code: first.code, reason: `line ${result.row}: ${result.errors.map((e) => e.message).join('; ')}` },
          { status: 422, body: { row: result.row, errors: result.errors } },
        ),
      );
    }
  }
  return stored;
}

function authorised(result: ErpRowResult, source: FeedSource): ErpRowResult {
  if (!result.accepted) return result;
  const refused = disallowedIdentifierSystems(result.events as NormalisedEvent[], source);
  if (refused.length === 0) return result;
  return {
    row: result.row,
    accepted: false,
    cells: result.cells,
    errors: [
      {
        row: result.row,
        code: ErpCsvErrorCode.IDENTIFIER_SYSTEM_NOT_ALLOWED,
        message: `Source ${source.id} may not write identifier system(s) ${refused.join(', ')}`,
      },
    ],
  };
}

function rowErrors(result: ErpRowResult): ErpCsvRowError[] {
  return result.accepted ? [] : result.errors;
}

/** The header and the row as a two-line CSV (RFC 4180 quoting), UTF-8. */
function rowBytes(cells: ErpRowCells): Buffer {
  const line = (values: readonly string[]): string =>
    values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
  return Buffer.from(`${line(cells.header)}\r\n${line(cells.record)}\r\n`, 'utf8');
}
