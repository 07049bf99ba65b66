import {
  decodeBytes,
  declaredCharsets,
  encodeText,
  type Hl7Charset,
  resolveCharset,
} from '../../hl7v2/encoding/charset';
import { type Hl7Delimiters } from '../../hl7v2/parse/delimiters';
import { escapeValue } from '../../hl7v2/parse/escape';
import { type Hl7Repetition } from '../../hl7v2/parse/hl7-message';
import { readHeader } from '../../hl7v2/parse/message-header';
import { parseHl7Message } from '../../hl7v2/parse/parse-message';

/** What the PIX manager needs from the registry. */
export interface PixLookup {
  isKnownDomain(system: string): Promise<boolean>;
  /** Every identifier of the person holding system|value, or undefined when nobody holds it. */
  crossReferences(
    system: string,
    value: string,
  ): Promise<readonly { system: string; value: string; type: string }[] | undefined>;
}

/** True for an IHE PIX Query (ITI-9), QBP^Q23: read from MSH-9 before any decoding, as MSH is ASCII. */
export function isPixQuery(frame: Uint8Array): boolean {
  const text = Buffer.from(frame.buffer, frame.byteOffset, Math.min(frame.byteLength, 512)).toString('latin1');
  const start = text.indexOf('MSH');
  if (start < 0) return false;
  const line = text.slice(start).split(/[\r\n]/, 1)[0]!;
  const fields = line.split(line[3] ?? '|');
  const [code, trigger] = (fields[8] ?? '').split(line[4] ?? '^');
  return code?.trim().toUpperCase() === 'QBP' && trigger?.trim().toUpperCase() === 'Q23';
}

interface Failure {
  /** ERR-2 location (QPD^1^field^repetition^component) and the HL7 0357 condition. */
  readonly location: string;
  readonly condition: '204' | '101';
  readonly text: string;
}

/** HD.1 namespace, else HD.2 universal id: the same rule the feeds use for assigning authorities. */
const authorityOf = (rep: Hl7Repetition | undefined): string | undefined =>
  rep?.[3]?.[0]?.trim() || rep?.[3]?.[1]?.trim() || undefined;

function hl7Timestamp(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+0000`;
}

/**
 * Answers an ITI-9 PIX Query with RSP^K23 as IHE ITI TF-2a 3.9.4.2 lays out:
 * - found, identifiers in the requested domains: AA, QAK OK, PID-3 with them (never the queried one);
 * - found, none in the requested domains: AA, QAK NF, no PID;
 * - QPD-3 domain unknown (ERR QPD^1^3^1^4), QPD-3 identifier unknown (QPD^1^3^1^1) or a QPD-4 domain
 *   unknown (QPD^1^4^n^4): AE, QAK AE, ERR-3 204.
 * The answer is encoded in the query's character set.
 */
export async function answerPixQuery(
  frame: Uint8Array,
  lookup: PixLookup,
  options: { now: Date; controlId: string; application?: string; facility?: string },
): Promise<Buffer> {
  const declared = declaredCharsets(
    Buffer.from(frame)
      .toString('latin1')
      .split(/[\r\n]/, 1)[0] ?? '',
  );
  let charset: Hl7Charset;
  try {
    charset = resolveCharset(frame, declared);
  } catch {
    charset = 'utf-8';
  }
  const message = parseHl7Message(decodeBytes(frame, charset));
  const d = message.delimiters;
  const header = readHeader(message);
  const qpd = message.first('QPD');
  const queried = qpd?.field(3)[0];
  const queriedValue = queried?.[0]?.[0]?.trim();
  const queriedDomain = authorityOf(queried);
  const wanted = (qpd?.field(4) ?? []).map(authorityOf);

  let failure: Failure | undefined;
  let identifiers: readonly { system: string; value: string; type: string }[] = [];
  if (!qpd || !queriedValue) {
    failure = { location: 'QPD^1^3^1^1', condition: '101', text: 'Required field missing' };
  } else if (!queriedDomain || !(await lookup.isKnownDomain(queriedDomain))) {
    failure = { location: 'QPD^1^3^1^4', condition: '204', text: 'Unknown key identifier' };
  } else {
    const unknownWanted = await firstUnknown(wanted, lookup);
    if (unknownWanted !== undefined) {
      failure = { location: `QPD^1^4^${unknownWanted + 1}^4`, condition: '204', text: 'Unknown key identifier' };
    } else {
      const found = await lookup.crossReferences(queriedDomain, queriedValue);
      if (!found) {
        failure = { location: 'QPD^1^3^1^1', condition: '204', text: 'Unknown key identifier' };
      } else {
        const domains = new Set(wanted.filter((w): w is string => w !== undefined));
        identifiers = found.filter(
          (i) =>
            !(i.system === queriedDomain && i.value === queriedValue) && (domains.size === 0 || domains.has(i.system)),
        );
      }
    }
  }

  const esc = (value: string | undefined): string => escapeValue(value ?? '', d);
  const f = d.field;
  const segments = [
    [
      'MSH',
      `${d.component}${d.repetition}${d.escape}${d.subcomponent}`,
      esc(options.application ?? header.receivingApplication ?? 'REVISIT'),
      esc(options.facility ?? header.receivingFacility),
      esc(header.sendingApplication),
      esc(header.sendingFacility),
      hl7Timestamp(options.now),
      '',
      ['RSP', 'K23', 'RSP_K23'].join(d.component),
      esc(options.controlId),
      esc(header.processingId ?? 'P'),
      esc(header.version ?? '2.5'),
      ...(declared.length > 0 ? ['', '', '', '', '', message.first('MSH')?.raw(18) ?? ''] : []),
    ].join(f),
    ['MSA', failure ? 'AE' : 'AA', esc(header.controlId)].join(f),
  ];
  if (failure) {
    segments.push(
      ['ERR', '', failure.location, [failure.condition, failure.text, 'HL70357'].join(d.component), 'E'].join(f),
    );
  }
  const queryTag = esc(qpd?.get('2'));
  const status = failure ? 'AE' : identifiers.length > 0 ? 'OK' : 'NF';
  segments.push(['QAK', queryTag, status, qpd?.raw(1) ?? ''].join(f));
  if (qpd) segments.push(['QPD', ...Array.from({ length: qpd.fieldCount }, (_, i) => qpd.raw(i + 1))].join(f));
  if (!failure && identifiers.length > 0) {
    const pid3 = identifiers.map((i) => cx(i, d)).join(d.repetition);
    // IHE: PID-5 carries no name, only an empty repetition and a pseudonym-typed one.
    segments.push(['PID', '', '', pid3, '', `${d.repetition}${d.component.repeat(6)}S`].join(f));
  }
  return encodeText(segments.join('\r') + '\r', charset);
}

function cx(id: { system: string; value: string; type: string }, d: Hl7Delimiters): string {
  return [escapeValue(id.value, d), '', '', escapeValue(id.system, d), id.type === 'OTHER' ? '' : id.type].join(
    d.component,
  );
}

async function firstUnknown(domains: readonly (string | undefined)[], lookup: PixLookup): Promise<number | undefined> {
  for (const [index, domain] of domains.entries()) {
    if (!domain || !(await lookup.isKnownDomain(domain))) return index;
  }
  return undefined;
}
