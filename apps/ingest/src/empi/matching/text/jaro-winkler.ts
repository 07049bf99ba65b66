/**
 * Jaro-Winkler similarity in [0, 1] (Winkler 1990): Jaro similarity boosted for a common prefix of up to
 * four characters, with the usual scaling factor 0.1. Works on UTF-16 code units, which is exact for
 * Latin letters, digits and the CJK characters we compare.
 */
export function jaroWinkler(a: string, b: string): number {
  const jaro = jaroSimilarity(a, b);
  if (jaro === 0) return 0;
  let prefix = 0;
  const shorter = a.length < b.length ? a.length : b.length;
  const limit = shorter < 4 ? shorter : 4;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Scratch flags reused across calls: allocating two arrays per comparison dominated the cost of linking.
let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

export function jaroSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const lenA = a.length;
  const lenB = b.length;
  if (lenA === 0 || lenB === 0) return 0;
  // Plain comparisons instead of Math.*: this is the innermost loop of linking, and Math calls are
  // not inlined in every embedding (under Jest's VM context they cost ~1 µs each).
  const longer = lenA > lenB ? lenA : lenB;
  const window = longer < 4 ? 0 : (longer >> 1) - 1;
  if (matchedA.length < lenA) matchedA = new Uint8Array(lenA * 2);
  if (matchedB.length < lenB) matchedB = new Uint8Array(lenB * 2);
  matchedA.fill(0, 0, lenA);
  matchedB.fill(0, 0, lenB);
  let matches = 0;
  for (let i = 0; i < lenA; i++) {
    const from = i > window ? i - window : 0;
    const to = i + window < lenB - 1 ? i + window : lenB - 1;
    const code = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === code) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < lenA; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / lenA + m / lenB + (m - transpositions / 2) / m) / 3;
}
