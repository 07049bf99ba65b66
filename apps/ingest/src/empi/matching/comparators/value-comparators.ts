import { bigramDice, withinOneEdit } from '../text/edit-distance';
import { jaroWinkler } from '../text/jaro-winkler';
import { MISSING } from './comparison-levels';

/** Levels: 0 exact, 1 day and month swapped, 2 one typing error, 3 two of year/month/day agree, 4 different. */
export function compareBirthDate(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  if (a.length === 8 && b.length === 8) {
    const [yearA, monthA, dayA] = [a.slice(0, 4), a.slice(4, 6), a.slice(6, 8)];
    const [yearB, monthB, dayB] = [b.slice(0, 4), b.slice(4, 6), b.slice(6, 8)];
    if (yearA === yearB && monthA === dayB && dayA === monthB) return 1;
    if (withinOneEdit(a, b)) return 2;
    const agreeing = Number(yearA === yearB) + Number(monthA === monthB) + Number(dayA === dayB);
    return agreeing >= 2 ? 3 : 4;
  }
  return withinOneEdit(a, b) ? 2 : 4;
}

/** Levels: 0 exact, 1 one typing error, 2 different. For identifiers and phone numbers. */
export function compareCode(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  return withinOneEdit(a, b) ? 1 : 2;
}

export function compareExact(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return MISSING;
  return a === b ? 0 : 1;
}

/** Levels: 0 exact, 1 same ignoring spaces or Jaro-Winkler >= 0.92, 2 >= 0.8, 3 different. */
export function compareStreet(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  const compactA = a.replace(/ /g, '');
  const compactB = b.replace(/ /g, '');
  if (compactA === compactB) return 1;
  const similarity = jaroWinkler(compactA, compactB);
  if (similarity >= 0.92) return 1;
  return similarity >= 0.8 ? 2 : 3;
}

/** Levels: 0 exact, 1 Jaro-Winkler >= 0.9, 2 different. */
export function compareShortText(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  return jaroWinkler(a, b) >= 0.9 ? 1 : 2;
}

/** Levels: 0 exact, 1 bigram Dice >= 0.8, 2 >= 0.5, 3 different. For one-string (Chinese) addresses. */
export function compareAddressText(
  a: { text?: string; grams?: readonly string[] },
  b: { text?: string; grams?: readonly string[] },
): number {
  if (!a.text || !b.text || !a.grams || !b.grams) return MISSING;
  if (a.text === b.text) return 0;
  const dice = bigramDice(a.grams, b.grams);
  if (dice >= 0.8) return 1;
  return dice >= 0.5 ? 2 : 3;
}

interface Locality {
  readonly suburb?: string;
  readonly postcode?: string;
  readonly state?: string;
}

/**
 * Postcode, suburb and state are one piece of evidence (they are strongly correlated), so they form one
 * field: 0 postcode and suburb agree, 1 one of them agrees, 2 one of them is a near miss, 3 only the
 * state agrees, 4 different.
 */
export function compareLocality(a: Locality, b: Locality): number {
  const postcode = compareCode(a.postcode, b.postcode);
  const suburb = compareShortText(a.suburb, b.suburb);
  const state = compareExact(a.state, b.state);
  if (postcode === MISSING && suburb === MISSING && state === MISSING) return MISSING;
  if (postcode === 0 && suburb <= 1) return 0;
  if (postcode === 0 || suburb <= 1) return 1;
  if (postcode === 1) return 2;
  return state === 0 ? 3 : 4;
}
