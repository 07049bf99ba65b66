import { createReadStream } from 'node:fs';
import { readErpCsv } from '../erp-csv/read-erp-csv';
import { parseFhirJson } from '../fhir/use-cases/parse-fhir-json';
import { formatLocation } from '../hl7v2/hl7v2.errors';
import { parseHl7Feed } from '../hl7v2/use-cases/parse-hl7-feed';
import { type FeedFileFormat } from './detect-feed-format';
import { eventLine, type ParseOutputLine, rejectedLine } from './feed-output';

/** The rejection code used when a file matches none of the three formats. */
export const UNKNOWN_FORMAT = 'UNKNOWN_FORMAT';

/**
 * Turns one feed file into output lines. `index` is the message position for HL7 v2, the Bundle entry
 * for FHIR (0 for a single resource) and the file line number for ERP CSV rows.
 */
export async function* parseFeedFile(
  file: string,
  content: Buffer,
  format: FeedFileFormat | undefined,
): AsyncGenerator<ParseOutputLine> {
  switch (format) {
    case 'hl7v2':
      for (const result of parseHl7Feed(content)) {
        if (result.accepted) {
          for (const event of result.events) yield eventLine(file, result.index, event);
        } else {
          const where = formatLocation(result.rejection.location);
          yield rejectedLine(
            file,
            result.index,
            result.rejection.code,
            where ? `${where}: ${result.rejection.message}` : result.rejection.message,
          );
        }
      }
      return;
    case 'fhir-json':
      for (const result of parseFhirJson(content)) {
        if (result.accepted) {
          for (const event of result.events) yield eventLine(file, result.index, event);
        } else {
          const where = result.rejection.expression;
          yield rejectedLine(
            file,
            result.index,
            result.rejection.code,
            where ? `${where}: ${result.rejection.message}` : result.rejection.message,
          );
        }
      }
      return;
    case 'erp-csv':
      for await (const row of readErpCsv(createReadStream(file))) {
        if (row.accepted) {
          for (const event of row.events) yield eventLine(file, row.row, event);
        } else {
          const message = row.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join('; ');
          yield rejectedLine(file, row.row, row.errors[0]!.code, message);
        }
      }
      return;
    case undefined:
      yield rejectedLine(file, 0, UNKNOWN_FORMAT, 'File is neither HL7 v2, FHIR JSON nor ERP CSV');
      return;
  }
}
