import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  EmpiMatchingError,
  EmpiMatchingErrorCode,
  LinkDecision,
  linkRecords,
  type PersonRecord,
  readFebrlCsv,
  readRevisitCsv,
  type ScoredPair,
} from '../empi/matching';
import { EMPI_USAGE, type EmpiInputFormat, type EmpiLinkOptions, parseEmpiLinkArgs } from './empi-link.args';

/** Exit codes of `revisit empi ...`: 0 done, 1 unreadable or invalid input, 2 usage error. */
export enum EmpiExitCode {
  Ok = 0,
  InputError = 1,
  UsageError = 2,
}

export interface EmpiCommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: EmpiCommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Entry point for `revisit empi ...` (dispatched by apps/ingest/src/cli/main.ts). */
export async function runEmpiCommand(argv: string[], io: EmpiCommandIo = processIo): Promise<number> {
  const parsed = parseEmpiLinkArgs(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout(`${EMPI_USAGE}\n`);
      return EmpiExitCode.Ok;
    case 'usage-error':
      io.stderr(`revisit empi: ${parsed.message}\n\n${EMPI_USAGE}\n`);
      return EmpiExitCode.UsageError;
    case 'link':
      return link(parsed.options, io);
  }
}

function link(options: EmpiLinkOptions, io: EmpiCommandIo): EmpiExitCode {
  let sources: PersonRecord[][];
  try {
    sources = options.inputs.map((file) => readSource(file, options.format));
  } catch (error) {
    io.stderr(`revisit empi: ${describeInputError(error)}\n`);
    return EmpiExitCode.InputError;
  }
  const [left, right] = sources;
  const result = linkRecords(left!, right);
  const csv = linksCsv(result.links);
  try {
    if (options.output === '-') io.stdout(csv);
    else writeFileSync(options.output, csv);
  } catch (error) {
    io.stderr(`revisit empi: cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`);
    return EmpiExitCode.InputError;
  }
  const matches = result.links.filter((l) => l.decision === LinkDecision.Match).length;
  const s = result.statistics;
  io.stderr(
    `revisit empi: ${s.records} records, ${s.candidatePairs} candidate pairs, ${matches} match, ` +
      `${result.links.length - matches} possible (EM ${s.em.converged ? 'converged' : 'not converged'} ` +
      `in ${s.em.iterations} iterations)\n`,
  );
  return EmpiExitCode.Ok;
}

function readSource(file: string, format: EmpiInputFormat): PersonRecord[] {
  const text = readFileSync(file, 'utf8');
  const source = path.basename(file);
  switch (format) {
    case 'febrl':
      return readFebrlCsv(text, source);
    case 'revisit':
      return readRevisitCsv(text, source);
  }
}

function describeInputError(error: unknown): string {
  if (error instanceof EmpiMatchingError) {
    switch (error.code) {
      case EmpiMatchingErrorCode.MissingColumn:
      case EmpiMatchingErrorCode.MalformedCsv:
      case EmpiMatchingErrorCode.MissingRecordId:
      case EmpiMatchingErrorCode.DuplicateRecordId:
        return `${error.message} [${error.code}]`;
    }
  }
  const code = (error as NodeJS.ErrnoException).code;
  const file = (error as NodeJS.ErrnoException).path;
  if (code && file) return `cannot read ${file}: ${code}`;
  throw error;
}

const DECISION_LABEL: Record<LinkDecision.Match | LinkDecision.PossibleMatch, string> = {
  [LinkDecision.Match]: 'match',
  [LinkDecision.PossibleMatch]: 'possible',
};

const csvCell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function linksCsv(links: readonly ScoredPair[]): string {
  const lines = ['left_id,right_id,score,decision'];
  for (const link of links) {
    if (link.decision === LinkDecision.NoMatch) continue;
    lines.push(
      `${csvCell(link.leftId)},${csvCell(link.rightId)},${link.score.toFixed(6)},${DECISION_LABEL[link.decision]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
