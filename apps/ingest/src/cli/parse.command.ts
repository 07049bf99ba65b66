import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { detectFeedFormat } from './detect-feed-format';
import { parseFeedFile } from './parse-feed-file';

export const INGEST_USAGE = `Usage: revisit ingest parse FILE...

Reads HL7 v2 files (one or many messages, batches), FHIR R4 JSON (a resource or a transaction/batch
Bundle) or pharmacy ERP CSV exports, and writes NDJSON to stdout: one line per domain event, or
{"rejected": {"code", "message", "file", "index"}} per rejected message, entry or row.
No side effects and no infrastructure needed.

Exit codes: 0 all accepted, 1 any rejected, 2 usage error (no file, unreadable file).`;

/** Exit codes of `revisit ingest ...`. */
export enum IngestExitCode {
  Ok = 0,
  Rejected = 1,
  UsageError = 2,
}

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export async function runParseCommand(files: readonly string[], io: CommandIo): Promise<IngestExitCode> {
  if (files.length === 0) {
    io.stderr(`revisit ingest parse: no FILE given\n\n${INGEST_USAGE}\n`);
    return IngestExitCode.UsageError;
  }
  const heads = new Map<string, Buffer>();
  for (const file of files) {
    try {
      heads.set(file, readHead(file));
    } catch (error: unknown) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
      io.stderr(`revisit ingest parse: cannot read ${file} (${code})\n`);
      return IngestExitCode.UsageError;
    }
  }
  let events = 0;
  let rejected = 0;
  for (const file of files) {
    const format = detectFeedFormat(file, heads.get(file)!);
    // CSV is streamed from disk; HL7 and FHIR documents are read whole (one message or Bundle).
    const content = format === 'erp-csv' ? Buffer.alloc(0) : readFileSync(file);
    for await (const line of parseFeedFile(file, content, format)) {
      if ('rejected' in line) rejected++;
      else events++;
      io.stdout(`${JSON.stringify(line)}\n`);
    }
  }
  io.stderr(`revisit ingest parse: ${files.length} file(s), ${events} event(s), ${rejected} rejected\n`);
  return rejected > 0 ? IngestExitCode.Rejected : IngestExitCode.Ok;
}
