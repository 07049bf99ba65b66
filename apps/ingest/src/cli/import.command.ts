import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { type CommandIo } from './parse.command';

export const IMPORT_USAGE = `Usage: revisit ingest import FILE [--url URL] [--api-key KEY]

Sends a pharmacy ERP dispensing export (CSV, UTF-8 or GB 18030) to a running ingest service
(POST /v1/imports/dispensing), streamed. Accepted rows become events; rejected rows are quarantined.
Prints the report as JSON to stdout and each failing line to stderr.

  --url URL      ingest base URL (default: $REVISIT_INGEST_URL, else http://127.0.0.1:3001)
  --api-key KEY  the source's API key (default: $REVISIT_API_KEY)

Exit codes: 0 every row accepted (or already imported), 1 rows rejected or the file unreadable,
2 usage error, 69 ingest unreachable or refused the credentials.`;

export enum ImportExitCode {
  Ok = 0,
  Rejected = 1,
  UsageError = 2,
  Unavailable = 69,
}

interface ImportReport {
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  fatal: boolean;
  errors: { row: number; column?: string; code: string; message: string }[];
}

export async function runImportCommand(
  args: readonly string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ImportExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { url: { type: 'string' }, 'api-key': { type: 'string' } },
    });
  } catch (error) {
    io.stderr(`revisit ingest import: ${(error as Error).message}\n\n${IMPORT_USAGE}\n`);
    return ImportExitCode.UsageError;
  }
  const [file, ...extra] = parsed.positionals;
  const apiKey = parsed.values['api-key'] ?? env['REVISIT_API_KEY'];
  if (!file || extra.length > 0 || !apiKey) {
    const problem = !file
      ? 'no FILE given'
      : extra.length > 0
        ? 'give exactly one FILE'
        : 'no API key (--api-key or REVISIT_API_KEY)';
    io.stderr(`revisit ingest import: ${problem}\n\n${IMPORT_USAGE}\n`);
    return ImportExitCode.UsageError;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    io.stderr(`revisit ingest import: cannot read ${file}\n`);
    return ImportExitCode.UsageError;
  }
  const base = (parsed.values.url ?? env['REVISIT_INGEST_URL'] ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${base}/v1/imports/dispensing`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', Authorization: `ApiKey ${apiKey}` },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
  } catch {
    io.stderr(`revisit ingest import: ingest at ${base} is unreachable\n`);
    return ImportExitCode.Unavailable;
  }
  if (response.status !== 200 && response.status !== 422) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    io.stderr(
      `revisit ingest import: ingest answered ${response.status} ${problem.code ?? ''} ${problem.detail ?? ''}\n`,
    );
    return ImportExitCode.Unavailable;
  }
  const report = (await response.json()) as ImportReport;
  io.stdout(`${JSON.stringify(report)}\n`);
  for (const error of report.errors) {
    io.stderr(`${file}:${error.row}: ${error.code}${error.column ? ` (${error.column})` : ''}: ${error.message}\n`);
  }
  io.stderr(
    `${report.rows} row(s): ${report.accepted} accepted, ${report.duplicates} already imported, ${report.rejected} rejected\n`,
  );
  return report.fatal || report.rejected > 0 ? ImportExitCode.Rejected : ImportExitCode.Ok;
}
