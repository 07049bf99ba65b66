/**
 * True when `a` and `b` differ by at most one edit: a substitution, an insertion, a deletion or the
 * transposition of two adjacent characters (restricted Damerau-Levenshtein distance <= 1). This is the
 * typing error model for identifiers, phone numbers, postcodes and dates, and runs in linear time.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lenA = a.length;
  const lenB = b.length;
  if (lenA - lenB > 1 || lenB - lenA > 1) return false;
  let start = 0;
  while (start < lenA && start < lenB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (lenA === lenB) {
    if (a.slice(start + 1) === b.slice(start + 1)) return true; // one substitution
    return (
      start + 1 < lenA &&
      a.charCodeAt(start) === b.charCodeAt(start + 1) &&
      a.charCodeAt(start + 1) === b.charCodeAt(start) &&
      a.slice(start + 2) === b.slice(start + 2)
    );
  }
  return lenA > lenB ? a.slice(start + 1) === b.slice(start) : a.slice(start) === b.slice(start + 1);
}

/** Dice coefficient of the character bigram multisets, in [0, 1]; robust to reordered address parts. */
export function bigramDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const gram of a) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of b) {
    const left = counts.get(gram);
    if (left !== undefined && left > 0) {
      shared++;
      counts.set(gram, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

export function bigrams(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) grams.push(text.slice(i, i + 2));
  return grams;
}
