import { type ParseOutputLine } from './feed-output';

/** The pinned outcome of one fixture file: per message/entry/row, its event types or rejection code. */
export interface FixtureExpectation {
  readonly messages: ReadonlyArray<
    { readonly index: number; readonly events: string[] } | { readonly index: number; readonly rejected: string }
  >;
}

/** Folds `revisit ingest parse` lines into the expectation shape (lines of one index are consecutive). */
export function summariseLines(lines: readonly ParseOutputLine[]): FixtureExpectation {
  const messages: Array<{ index: number; events: string[] } | { index: number; rejected: string }> = [];
  for (const line of lines) {
    if ('rejected' in line) {
      messages.push({ index: line.rejected.index, rejected: line.rejected.code });
      continue;
    }
    const last = messages[messages.length - 1];
    if (last && 'events' in last && last.index === line.index) last.events.push(line.type);
    else messages.push({ index: line.index, events: [line.type] });
  }
  return { messages };
}
