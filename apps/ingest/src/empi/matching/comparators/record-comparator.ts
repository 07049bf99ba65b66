import { type PreparedRecord } from '../prepared-record';
import { FIELD_COUNT, FIELD_INDEX } from './comparison-levels';
import { compareNames } from './name-comparator';
import {
  compareAddressText,
  compareBirthDate,
  compareCode,
  compareExact,
  compareLocality,
  compareShortText,
  compareStreet,
} from './value-comparators';

const F = FIELD_INDEX;

/** Writes the comparison vector of (a, b) into `out` at `offset` (FIELD_COUNT bytes). */
export function compareRecords(a: PreparedRecord, b: PreparedRecord, out: Uint8Array, offset = 0): void {
  const [surname, given] = compareNames(a, b);
  out[offset + F.surname] = surname;
  out[offset + F.given] = given;
  out[offset + F.birthDate] = compareBirthDate(a.birthDate, b.birthDate);
  out[offset + F.sex] = compareExact(a.sex, b.sex);
  out[offset + F.idNumber] = compareCode(a.idNumber, b.idNumber);
  out[offset + F.mobile] = compareCode(a.mobile, b.mobile);
  out[offset + F.streetNumber] = compareExact(a.streetNumber, b.streetNumber);
  out[offset + F.street] = compareStreet(a.street, b.street);
  out[offset + F.addressLine2] = compareShortText(a.line2, b.line2);
  out[offset + F.locality] = compareLocality(a, b);
  out[offset + F.addressText] = compareAddressText(
    { text: a.addressText, grams: a.addressGrams },
    { text: b.addressText, grams: b.addressGrams },
  );
}

export function comparisonVector(a: PreparedRecord, b: PreparedRecord): Uint8Array {
  const out = new Uint8Array(FIELD_COUNT);
  compareRecords(a, b, out);
  return out;
}
