import { type NormalisedEvent } from '../normalise/normalised-event';

/** One NDJSON line of `revisit ingest parse`: an event (with its type first) or a rejection. */
export type ParseOutputLine =
  | ({ readonly file: string; readonly index: number } & NormalisedEvent)
  | {
      readonly rejected: {
        readonly code: string;
        readonly message: string;
        readonly file: string;
        readonly index: number;
      };
    };

export function eventLine(file: string, index: number, event: NormalisedEvent): ParseOutputLine {
  return {
    type: event.type,
    file,
    index,
    source: event.source,
    occurredAt: event.occurredAt,
    patient: event.patient,
    data: event.data,
  } as ParseOutputLine;
}

export function rejectedLine(file: string, index: number, code: string, message: string): ParseOutputLine {
  return { rejected: { code, message, file, index } };
}
