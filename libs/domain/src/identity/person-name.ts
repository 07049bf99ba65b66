/**
 * Helpers for Chinese and Latin personal names, without a dictionary: normalisation for matching,
 * script detection, family/given split (with compound surnames) and masking for display.
 */

export type NameScript = 'ideographic' | 'alphabetic' | 'mixed';

/** Compound (two-character) surnames (复姓) still in use; single-character surnames need no list. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '闻人',
  '万俟',
  '司空',
  '第五',
  '东郭',
  '淳于',
  '公羊',
  '赫连',
  '鲜于',
  '闾丘',
  '拓跋',
  '濮阳',
  '左丘',
]);

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
/** Middle-dot variants typed for transliterated and minority names (阿依古丽·买买提). */
const MIDDLE_DOTS = /[·•・‧∙⋅．.]/g;

/**
 * Canonical form for storage and comparison: NFKC (full-width letters to ASCII), trimmed, one space
 * between Latin words, no spaces between Han characters, one kind of middle dot.
 */
export function normalisePersonName(raw: string): string {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!HAN.test(text)) return text;
  return text
    .replace(/\s*[·•・‧∙⋅．]\s*/g, '·')
    .replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '')
    .replace(/(?<=\p{Script=Han})\.(?=\p{Script=Han})/gu, '·');
}

export function nameScript(name: string): NameScript {
  const han = HAN.test(name);
  const latin = LATIN.test(name);
  if (han && latin) return 'mixed';
  return han ? 'ideographic' : 'alphabetic';
}

/** Splits a Han name into family and given name; undefined for dotted, Latin or one-character names. */
/** Whether two Han characters form a compound surname (复姓) such as 欧阳, so a name must not split after one. */
export function isCompoundChineseSurname(firstTwo: string): boolean {
  return COMPOUND_SURNAMES.has(firstTwo);
}

export function splitChineseName(name: string): { family: string; given: string } | undefined {
  const text = normalisePersonName(name);
  if (nameScript(text) !== 'ideographic' || text.includes('·') || text.includes(' ')) return undefined;
  const chars = [...text];
  if (chars.length < 2) return undefined;
  const familyLength = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return { family: chars.slice(0, familyLength).join(''), given: chars.slice(familyLength).join('') };
}

/**
 * Masked for agents' screens and anything loggable: `王*`, `王*明`, `欧阳*明`, `J*** S****`.
 * Han names keep the family name and, from three characters on, the last character.
 */
export function maskPersonName(name: string): string {
  const text = normalisePersonName(name);
  if (text === '') return '';
  if (nameScript(text) === 'alphabetic') {
    return text
      .split(' ')
      .map((word) => (word.length <= 1 ? word : word[0] + '*'.repeat(word.length - 1)))
      .join(' ');
  }
  const split = splitChineseName(text);
  const chars = [...text];
  if (!split)
    return (
      chars[0] +
      chars
        .slice(1)
        .map((c) => (c === '·' ? c : '*'))
        .join('')
    );
  const given = [...split.given];
  const keepLast = chars.length >= 3 && given.length >= 2;
  return split.family + '*'.repeat(given.length - (keepLast ? 1 : 0)) + (keepLast ? given[given.length - 1] : '');
}

/**
 * Key for comparing names across systems: normalised, Latin lower-cased, spaces and middle dots removed,
 * so `WANG Xiaoming` = `wang xiaoming` and `阿依古丽 · 买买提` = `阿依古丽·买买提`.
 */
export function personNameMatchKey(name: string): string {
  return normalisePersonName(name)
    .toLowerCase()
    .replace(MIDDLE_DOTS, '')
    .replace(/[\s'-]/g, '');
}
