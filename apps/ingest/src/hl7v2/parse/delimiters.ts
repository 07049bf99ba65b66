import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';

export interface Hl7Delimiters {
  readonly field: string;
  readonly component: string;
  readonly repetition: string;
  readonly escape: string;
  readonly subcomponent: string;
  /** v2.7+ truncation character, when MSH-2 carries a fifth character. */
  readonly truncation?: string;
}

export const DEFAULT_DELIMITERS: Hl7Delimiters = {
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
};

const malformed = (detail: string): Hl7RejectionError =>
  new Hl7RejectionError(Hl7RejectionCode.MALFORMED_MSH, detail, { segment: 'MSH', sequence: 1, field: 2 });

/**
 * Reads MSH-1 and MSH-2. Non-default characters are accepted as long as they are unambiguous: the
 * delimiters must be distinct, non-alphanumeric and printable, otherwise no field can be split reliably.
 */
export function readDelimiters(mshSegment: string): Hl7Delimiters {
  if (!mshSegment.startsWith('MSH') || mshSegment.length < 8) throw malformed('MSH segment too short');
  const field = mshSegment[3]!;
  const end = mshSegment.indexOf(field, 4);
  const encoding = end < 0 ? mshSegment.slice(4) : mshSegment.slice(4, end);
  if (encoding.length < 4 || encoding.length > 5) throw malformed('MSH-2 must hold 4 or 5 encoding characters');
  const all = [field, ...encoding];
  if (new Set(all).size !== all.length) throw malformed('MSH-1/MSH-2 delimiters are not distinct');
  if (all.some((c) => /[A-Za-z0-9\s]/.test(c) || c.charCodeAt(0) < 0x21 || c.charCodeAt(0) > 0x7e)) {
    throw malformed('MSH-1/MSH-2 delimiters must be printable punctuation');
  }
  const [component, repetition, escape, subcomponent, truncation] = encoding;
  return {
    field,
    component: component!,
    repetition: repetition!,
    escape: escape!,
    subcomponent: subcomponent!,
    truncation,
  };
}
