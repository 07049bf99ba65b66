import * as iconv from 'iconv-lite';
import { formatHl7, type LocalTime } from '../sample/clock';
import { ID_CARD_SYSTEM, type SampleSource } from '../sample/organisations';
import { romanised } from '../sample/people';
import { type Registration } from '../sample/registrations';

export type Hl7Charset = 'utf-8' | 'gb18030';

const MSH18: Readonly<Record<Hl7Charset, string>> = { 'utf-8': 'UNICODE UTF-8', gb18030: 'GB 18030-2000' };

/** Escapes the v2 delimiters inside a value (HL7 v2.5 §2.7). */
export function escapeHl7(value: string): string {
  return value
    .replace(/\\/g, '\\E\\')
    .replace(/\|/g, '\\F\\')
    .replace(/\^/g, '\\S\\')
    .replace(/&/g, '\\T\\')
    .replace(/~/g, '\\R\\');
}

/** A segment from sparse fields: `fields[n]` is field n (already composed of escaped components). */
export function segment(id: string, fields: Readonly<Record<number, string>>): string {
  const last = Math.max(
    0,
    ...Object.keys(fields)
      .filter((k) => fields[Number(k)] !== '')
      .map(Number),
  );
  const parts = [id];
  for (let i = 1; i <= last; i++) parts.push(fields[i] ?? '');
  return parts.join('|');
}

/** Components joined with ^, each escaped; trailing empty components dropped. */
export function components(...values: (string | undefined)[]): string {
  const out = values.map((v) => (v === undefined ? '' : escapeHl7(v)));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('^');
}

export interface MshParams {
  readonly source: SampleSource;
  readonly at: LocalTime;
  /** e.g. `ADT^A04^ADT_A01`, written as is. */
  readonly messageType: string;
  readonly controlId: string;
  readonly charset: Hl7Charset;
}

export function msh(p: MshParams): string {
  // MSH-1 is the field separator itself, so MSH-2 is the first field after "MSH|".
  const fields = segment('MSH', {
    1: '^~\\&',
    2: escapeHl7(p.source.sendingApplication ?? p.source.id),
    3: escapeHl7(p.source.sendingFacility ?? ''),
    4: 'REVISIT',
    5: 'REVISIT',
    6: formatHl7(p.at),
    8: p.messageType,
    9: escapeHl7(p.controlId),
    10: 'P',
    11: '2.5',
    17: MSH18[p.charset],
  });
  return fields;
}

/** PID from a registration: MRN + resident ID card in PID-3, ideographic and alphabetic names, mobile. */
export function pid(reg: Registration): string {
  const ids = [components(reg.localId, undefined, undefined, reg.system, 'MR')];
  if (reg.idCard) ids.push(components(reg.idCard, undefined, undefined, ID_CARD_SYSTEM, 'NI'));
  const names = [
    reg.fullName
      ? components(reg.fullName, undefined, undefined, undefined, undefined, undefined, 'L', 'I')
      : components(reg.surname, reg.given, undefined, undefined, undefined, undefined, 'L', 'I'),
  ];
  const latin = romanised(reg.surname, reg.given);
  names.push(components(latin.family, latin.given, undefined, undefined, undefined, undefined, 'L', 'A'));
  return segment('PID', {
    1: '1',
    3: ids.join('~'),
    5: names.join('~'),
    7: reg.birthDate?.replace(/-/g, '') ?? '',
    8: reg.sex,
    // XAD: street, city, province, country, type H (home), district in XAD-9 (county/parish).
    11: reg.address
      ? components(
          reg.address,
          undefined,
          '上海市',
          '上海市',
          undefined,
          'CHN',
          'H',
          undefined,
          reg.city.replace(/^上海市/, ''),
        )
      : '',
    13: reg.phone ? components(reg.phone, 'PRN', 'CP') : '',
  });
}

/** The message's bytes in its declared charset, segments ended by CR as MLLP senders write them. */
export function encodeHl7(segments: readonly string[], charset: Hl7Charset): Buffer {
  const text = `${segments.join('\r')}\r`;
  return charset === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
}
