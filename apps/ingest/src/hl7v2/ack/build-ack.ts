import { formatLocation, type Hl7ErrorLocation, type Hl7RejectionCode, rejectionPolicy } from '../hl7v2.errors';
import { DEFAULT_DELIMITERS, type Hl7Delimiters } from '../parse/delimiters';
import { escapeValue } from '../parse/escape';
import { type Hl7Header, majorMinor } from '../parse/message-header';

export type AckCode = 'AA' | 'AE' | 'AR';

export interface AckRequest {
  /** Header of the message being acknowledged; absent when even MSH could not be read. */
  readonly original?: Hl7Header;
  readonly delimiters?: Hl7Delimiters;
  /** MSH-18 of the original, echoed so the ACK is read with the same charset. */
  readonly charsetField?: string;
  readonly rejection?: {
    readonly code: Hl7RejectionCode;
    readonly detail: string;
    readonly location?: Hl7ErrorLocation;
  };
  readonly ackControlId: string;
  /** MSH-7 of the ACK, HL7 DTM format (YYYYMMDDHHMMSS+ZZZZ). */
  readonly timestamp: string;
  readonly receivingApplication?: string;
  readonly receivingFacility?: string;
}

export interface BuiltAck {
  readonly code: AckCode;
  /** Segments separated by CR, without MLLP framing. */
  readonly text: string;
}

/** ERR-2..ERR-8 exist from v2.5 on; earlier versions carry the error in ERR-1 (ELD). */
function usesStructuredErr(version: string | undefined): boolean {
  const mm = majorMinor(version);
  if (!mm) return true;
  const [major, minor] = mm.split('.').map(Number);
  return major! > 2 || (major === 2 && minor! >= 5);
}

/** Joins components, dropping empty trailing ones as HL7 encoding rules recommend. */
function joinTrimmed(parts: ReadonlyArray<string | number>, separator: string): string {
  const values = parts.map(String);
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return values.join(separator);
}

export function buildAck(request: AckRequest): BuiltAck {
  const d = request.delimiters ?? DEFAULT_DELIMITERS;
  const o = request.original ?? {};
  const esc = (v: string | undefined): string => escapeValue(v ?? '', d);
  const code: AckCode = request.rejection ? rejectionPolicy(request.rejection.code).ack : 'AA';
  const version = o.version ?? '2.5';
  const f = d.field;
  const msh = [
    'MSH',
    `${d.component}${d.repetition}${d.escape}${d.subcomponent}`,
    esc(request.receivingApplication ?? o.receivingApplication),
    esc(request.receivingFacility ?? o.receivingFacility),
    esc(o.sendingApplication),
    esc(o.sendingFacility),
    request.timestamp,
    '',
    joinTrimmed(['ACK', esc(o.triggerEvent), usesStructuredErr(version) ? 'ACK' : ''], d.component),
    esc(request.ackControlId),
    esc(o.processingId ?? 'P'),
    esc(version),
  ];
  if (request.charsetField) {
    while (msh.length < 17) msh.push('');
    msh.push(request.charsetField);
  }
  const segments = [msh.join(f)];
  const rejection = request.rejection;
  const policy = rejection ? rejectionPolicy(rejection.code) : undefined;
  const msa = ['MSA', code, esc(o.controlId)];
  if (rejection && !usesStructuredErr(version)) msa.push(esc(`${rejection.code}: ${rejection.detail}`));
  segments.push(msa.join(f));
  if (rejection && policy) {
    const loc = rejection.location;
    if (usesStructuredErr(version)) {
      const erl = loc
        ? joinTrimmed(
            [loc.segment, loc.sequence ?? 1, loc.field ?? '', loc.repetition ?? '', loc.component ?? ''],
            d.component,
          )
        : '';
      const err = [
        'ERR',
        '',
        erl,
        [policy.condition, esc(policy.text), 'HL70357'].join(d.component),
        'E',
        [esc(rejection.code), '', 'REVISIT'].join(d.component),
        '',
        '',
        esc(`${rejection.detail}${loc ? ` (${formatLocation(loc)})` : ''}`),
      ];
      segments.push(err.join(f));
    } else {
      const eld = [
        loc?.segment ?? '',
        loc?.sequence ?? (loc ? 1 : ''),
        loc?.field ?? '',
        [policy.condition, esc(policy.text), 'HL70357'].join(d.subcomponent),
      ].join(d.component);
      segments.push(['ERR', eld].join(f));
    }
  }
  return { code, text: segments.join('\r') + '\r' };
}
