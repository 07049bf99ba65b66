import { parse } from 'csv-parse/sync';
import { EmpiMatchingError, EmpiMatchingErrorCode } from '../matching.errors';

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Parses CSV text with a header row; every cell is trimmed (FEBRL writes ", " between fields). */
export function parseCsvTable(text: string, source: string): CsvTable {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { trim: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    // csv-parse messages quote the offending line, i.e. patient data: keep only its line number.
    const line = (error as { lines?: number }).lines;
    throw new EmpiMatchingError(
      EmpiMatchingErrorCode.MalformedCsv,
      `${source}: malformed CSV${line === undefined ? '' : ` near line ${line}`}`,
    );
  }
  const [header, ...body] = rows;
  if (!header) throw new EmpiMatchingError(EmpiMatchingErrorCode.MissingColumn, `${source}: no header row`);
  return { header: header.map((name) => name.toLowerCase()), rows: body };
}

/** Column accessor by header name; throws when a required column is absent. */
export function columns<const R extends string, const O extends string>(
  table: CsvTable,
  source: string,
  required: readonly R[],
  optional: readonly O[],
): Record<R | O, (row: readonly string[]) => string | undefined> {
  const accessors = {} as Record<R | O, (row: readonly string[]) => string | undefined>;
  for (const name of [...required, ...optional]) {
    const at = table.header.indexOf(name);
    if (at < 0 && (required as readonly string[]).includes(name)) {
      throw new EmpiMatchingError(EmpiMatchingErrorCode.MissingColumn, `${source}: missing column "${name}"`);
    }
    accessors[name as R | O] = (row) => (at < 0 ? undefined : row[at] || undefined);
  }
  return accessors;
}

export function checkIds(ids: readonly (string | undefined)[], source: string): string[] {
  const seen = new Set<string>();
  return ids.map((id, index) => {
    if (!id) {
      throw new EmpiMatchingError(EmpiMatchingErrorCode.MissingRecordId, `${source}: data row ${index + 1} has no id`);
    }
    if (seen.has(id)) {
      throw new EmpiMatchingError(
        EmpiMatchingErrorCode.DuplicateRecordId,
        `${source}: data row ${index + 1} repeats an earlier id`,
      );
    }
    seen.add(id);
    return id;
  });
}
