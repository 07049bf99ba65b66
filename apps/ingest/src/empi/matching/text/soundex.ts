const CODES: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};

/**
 * American Soundex (letter + 3 digits) of a lower-case Latin word; '' when it has no letter. Used as a
 * blocking key so that phonetic spelling variants of a name still meet in one block.
 */
export function soundex(word: string): string {
  const letters = word.replace(/[^a-z]/g, '');
  if (letters.length === 0) return '';
  let code = letters[0]!.toUpperCase();
  let previous = CODES[letters[0]!] ?? '';
  for (let i = 1; i < letters.length && code.length < 4; i++) {
    const ch = letters[i]!;
    const digit = CODES[ch];
    if (digit === undefined) {
      // h and w do not separate letters with the same code; vowels do.
      if (ch !== 'h' && ch !== 'w') previous = '';
      continue;
    }
    if (digit !== previous) code += digit;
    previous = digit;
  }
  return code.padEnd(4, '0');
}
