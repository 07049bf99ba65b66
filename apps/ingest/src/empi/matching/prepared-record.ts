import { parseResidentIdCard } from '@revisit/domain';
import { bigrams } from './text/edit-distance';
import { containsHan, fuzzyPinyin, hanToPinyin, splitChineseName, splitRomanisedName } from './text/chinese-name';
import { soundex } from './text/soundex';
import { foldToSimplified } from './text/traditional-to-simplified';
import { type PersonRecord, type RecordSex } from './person-record';

/** One name part, normalised once so that every comparison is a few string operations. */
export interface NameKey {
  /** Han characters (simplified) when known, else lower-case Latin letters. */
  readonly text: string;
  /** Toneless pinyin or Latin letters, no spaces. */
  readonly latin: string;
  /** Phonetic key: fuzzy pinyin for Chinese names, Soundex for other Latin names. */
  readonly phonetic: string;
}

export interface ValidIdCard {
  readonly value: string;
  readonly birthDate: string; // YYYYMMDD
  readonly sex: RecordSex;
}

export interface PreparedRecord {
  readonly index: number;
  readonly id: string;
  readonly surname?: NameKey;
  readonly given?: NameKey;
  /** Digits only, usually YYYYMMDD; the one written on the record, else the one in the ID card. */
  readonly birthDate?: string;
  readonly statedBirthDate?: string;
  readonly sex?: RecordSex;
  readonly statedSex?: RecordSex;
  readonly idCard?: ValidIdCard;
  /** Person identifier as written (valid or not): a typo in it is still probabilistic evidence. */
  readonly idNumber?: string;
  readonly passport?: string;
  readonly insuranceCard?: string;
  readonly mobile?: string;
  readonly streetNumber?: string;
  readonly street?: string;
  readonly line2?: string;
  readonly suburb?: string;
  readonly postcode?: string;
  readonly state?: string;
  readonly addressGrams?: readonly string[];
  readonly addressText?: string;
}

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim().toLowerCase().replace(/\s+/g, ' ');
  return trimmed ? trimmed : undefined;
};
const digits = (value: string | undefined): string | undefined => {
  const only = value?.replace(/\D/g, '');
  return only ? only : undefined;
};
const alnum = (value: string | undefined): string | undefined => {
  const only = value?.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return only ? only : undefined;
};

function latinNameKey(raw: string | undefined): NameKey | undefined {
  const latin = raw?.toLowerCase().replace(/[^a-z]/g, '');
  if (!latin) return undefined;
  return { text: latin, latin, phonetic: soundex(latin) };
}

function hanNameKey(han: string, asSurname: boolean): NameKey | undefined {
  if (!han) return undefined;
  const latin = hanToPinyin(han, asSurname);
  return { text: han, latin, phonetic: fuzzyPinyin(latin) };
}

/** A romanised Chinese name ("Wang Xiaoming") gets the fuzzy pinyin key so it meets its Han spelling. */
function pinyinNameKey(raw: string | undefined): NameKey | undefined {
  const key = latinNameKey(raw);
  return key && { ...key, phonetic: fuzzyPinyin(key.latin) };
}

function prepareName(record: PersonRecord): { surname?: NameKey; given?: NameKey } {
  const { family, given, fullHan, latin } = record.name;
  if (fullHan && containsHan(fullHan)) {
    const parts = splitChineseName(fullHan);
    return { surname: hanNameKey(parts.surname, true), given: hanNameKey(parts.given, false) };
  }
  if (family && containsHan(family)) {
    return {
      surname: hanNameKey(foldToSimplified(family.trim()), true),
      given: given ? hanNameKey(foldToSimplified(given.trim()), false) : undefined,
    };
  }
  if (latin && !family && !given) {
    // Romanised Chinese names are written surname first; the name comparator also tries the swap.
    const [first = '', ...rest] = latin.trim().split(/[\s,]+/);
    const joined = rest.length === 0 ? splitRomanisedName(first.replace(/[^a-zA-Z]/g, '')) : undefined;
    if (joined) return { surname: pinyinNameKey(joined.surname), given: pinyinNameKey(joined.given) };
    return { surname: pinyinNameKey(first), given: pinyinNameKey(rest.join('')) };
  }
  return { surname: latinNameKey(family), given: latinNameKey(given) };
}

function validIdCard(raw: string | undefined): ValidIdCard | undefined {
  if (!raw) return undefined;
  const parsed = parseResidentIdCard(raw);
  if (!parsed.ok) return undefined;
  return { value: parsed.card.value, birthDate: parsed.card.birthDate.replace(/-/g, ''), sex: parsed.card.sex };
}

/** Mainland mobile numbers lose their +86 / 0086 prefix so that both spellings compare equal. */
export function normaliseMobile(raw: string | undefined): string | undefined {
  const only = digits(raw);
  if (!only) return undefined;
  if (only.length === 13 && only.startsWith('86')) return only.slice(2);
  if (only.length === 15 && only.startsWith('0086')) return only.slice(4);
  return only;
}

export function prepareRecord(record: PersonRecord, index: number): PreparedRecord {
  const ids = record.identifiers ?? {};
  const address = record.address ?? {};
  const idCard = validIdCard(ids.residentIdCard);
  const statedBirthDate = digits(record.birthDate);
  const addressText = address.text ? foldToSimplified(address.text.replace(/[\s,，]/g, '')) : undefined;
  return {
    index,
    id: record.id,
    ...prepareName(record),
    birthDate: statedBirthDate ?? idCard?.birthDate,
    statedBirthDate,
    sex: record.sex ?? idCard?.sex,
    statedSex: record.sex,
    idCard,
    idNumber: alnum(ids.residentIdCard) ?? alnum(ids.otherId),
    passport: alnum(ids.passport),
    insuranceCard: alnum(ids.insuranceCard),
    mobile: normaliseMobile(record.mobile),
    streetNumber: clean(address.streetNumber),
    street: clean(address.street),
    line2: clean(address.line2),
    suburb: clean(address.suburb),
    postcode: clean(address.postcode),
    state: clean(address.state),
    addressText: addressText || undefined,
    addressGrams: addressText ? bigrams(addressText) : undefined,
  };
}
