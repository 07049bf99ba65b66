import { type NameKey } from '../prepared-record';
import { jaroWinkler } from '../text/jaro-winkler';
import { MISSING } from './comparison-levels';

/** Levels: 0 same characters, 1 same pronunciation, 2 close spelling, 3 similar, 4 different. */
export function compareNamePart(a: NameKey | undefined, b: NameKey | undefined): number {
  if (!a || !b) return MISSING;
  if (a.text === b.text) return 0;
  if (a.latin === b.latin) return 1;
  const similarity = jaroWinkler(a.latin, b.latin);
  if (similarity >= 0.92 || (a.phonetic === b.phonetic && similarity >= 0.85)) return 2;
  if (similarity >= 0.78 || a.phonetic === b.phonetic) return 3;
  return 4;
}

/**
 * Compares surname and given name, also crosswise: sources swap the two fields (and write romanised
 * Chinese names given name first), which must not count as two disagreements.
 */
export function compareNames(
  a: { surname?: NameKey; given?: NameKey },
  b: { surname?: NameKey; given?: NameKey },
): [surname: number, given: number] {
  const surname = compareNamePart(a.surname, b.surname);
  const given = compareNamePart(a.given, b.given);
  if (surname <= 1 && given <= 1) return [surname, given];
  const crossSurname = compareNamePart(a.surname, b.given);
  const crossGiven = compareNamePart(a.given, b.surname);
  if (crossSurname === MISSING || crossGiven === MISSING) return [surname, given];
  const straight = surname + given;
  return crossSurname + crossGiven < straight - 1 ? [crossSurname, crossGiven] : [surname, given];
}
