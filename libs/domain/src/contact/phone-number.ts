/**
 * Phone numbers of mainland China patients, normalised to E.164 so that the same phone typed as
 * `138 1234 5678`, `+86-138-1234-5678` or `0086 13812345678` is one value for matching and dialling.
 */
import { maskDigits } from './mask';

export type PhoneKind = 'mobile' | 'landline';

export type PhoneNumberProblem =
  'empty' | 'characters' | 'unsupported-country' | 'mobile-prefix' | 'missing-area-code' | 'length';

export interface PhoneParseOptions {
  /** Area code with trunk 0 (e.g. `0755`) to assume for landlines written without one. */
  readonly defaultAreaCode?: string;
}

export type PhoneParseResult = { ok: true; phone: PhoneNumber } | { ok: false; problem: PhoneNumberProblem };

const MOBILE = /^1[3-9]\d{9}$/;
/** Two-digit area codes (010 Beijing, 02x) have 8-digit subscriber numbers; three-digit ones 7 or 8. */
const LANDLINE_SHORT_AREA = /^0(10|2\d)(\d{8})$/;
const LANDLINE_LONG_AREA = /^0([3-9]\d{2})(\d{7,8})$/;
const AREA_CODE = /^0(10|2\d|[3-9]\d{2})$/;
const EXTENSION = /(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const SEPARATORS = /[\s\-().]/g;

export class PhoneNumber {
  private constructor(
    /** `+8613812345678`, `+8675512345678`. */
    readonly e164: string,
    readonly kind: PhoneKind,
    /** Domestic form without separators: `13812345678`, `075512345678`. */
    readonly national: string,
    /** Area code with trunk 0 (`0755`), landlines only. */
    readonly areaCode: string | undefined,
    readonly extension: string | undefined,
  ) {}

  static parse(raw: string, options: PhoneParseOptions = {}): PhoneParseResult {
    let text = raw.normalize('NFKC').trim();
    if (text === '') return { ok: false, problem: 'empty' };
    let extension: string | undefined;
    const ext = EXTENSION.exec(text);
    if (ext) {
      extension = ext[1];
      text = text.slice(0, ext.index);
    }
    text = text.replace(SEPARATORS, '');
    if (!/^\+?\d+$/.test(text)) return { ok: false, problem: 'characters' };

    let digits: string;
    if (text.startsWith('+') || text.startsWith('00')) {
      const international = text.replace(/^(\+|00)/, '');
      if (!international.startsWith('86')) return { ok: false, problem: 'unsupported-country' };
      digits = international.slice(2);
      // After +86 a landline drops its trunk 0 (+86 755 ...); put it back to reuse the domestic rules.
      // Beijing is +86 10 xxxxxxxx: ten digits starting with 1 are a landline, not a short mobile.
      if (!(digits.startsWith('1') && digits.length === 11)) digits = `0${digits.replace(/^0/, '')}`;
    } else if (text.length === 13 && text.startsWith('86') && MOBILE.test(text.slice(2))) {
      digits = text.slice(2);
    } else {
      digits = text;
    }

    if (digits.startsWith('1')) {
      if (digits.length !== 11) return { ok: false, problem: 'length' };
      if (!MOBILE.test(digits)) return { ok: false, problem: 'mobile-prefix' };
      return { ok: true, phone: new PhoneNumber(`+86${digits}`, 'mobile', digits, undefined, extension) };
    }
    if (!digits.startsWith('0')) {
      if (digits.length !== 7 && digits.length !== 8) return { ok: false, problem: 'length' };
      const area = options.defaultAreaCode;
      if (area === undefined || !AREA_CODE.test(area)) return { ok: false, problem: 'missing-area-code' };
      digits = area + digits;
    }
    const landline = LANDLINE_SHORT_AREA.exec(digits) ?? LANDLINE_LONG_AREA.exec(digits);
    if (!landline) return { ok: false, problem: 'length' };
    const [, area, subscriber] = landline as unknown as [string, string, string];
    return {
      ok: true,
      phone: new PhoneNumber(`+86${area}${subscriber}`, 'landline', digits, `0${area}`, extension),
    };
  }

  /** Can receive SMS (mainland mobiles only). */
  get canReceiveSms(): boolean {
    return this.kind === 'mobile';
  }

  /** `138****5678` or `0755-****5678`: safe to show to agents and to log. */
  get masked(): string {
    if (this.kind === 'mobile') return maskDigits(this.national, 3, 4);
    const area = this.areaCode!;
    return `${area}-${maskDigits(this.national.slice(area.length), 0, 4)}`;
  }

  equals(other: PhoneNumber): boolean {
    return this.e164 === other.e164 && this.extension === other.extension;
  }

  /** Masked on purpose: string interpolation and JSON logging must not reveal the number. */
  toString(): string {
    return this.masked;
  }

  toJSON(): string {
    return this.masked;
  }
}
