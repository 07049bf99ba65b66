const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Number characters accepted in sigs: ASCII digits, decimals, fractions, Chinese numerals and 半. */
export const NUMBER_PATTERN = '(?:\\d+(?:\\.\\d+)?(?:/\\d+)?|½|[零〇一二两三四五六七八九十]+半?|半)';

/** Reads "3", "0.5", "1/2", "½", "两", "十二", "一半"/"半" into a number; undefined if not a number. */
export function parseSigNumber(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const fraction = /^(\d+)\/(\d+)$/.exec(text);
  if (fraction) return Number(fraction[2]) === 0 ? undefined : Number(fraction[1]) / Number(fraction[2]);
  if (text === '½' || text === '半' || text === '一半') return 0.5;
  const half = text.endsWith('半') ? 0.5 : 0;
  const body = half ? text.slice(0, -1) : text;
  const chinese = parseChineseInteger(body);
  return chinese === undefined ? undefined : chinese + half;
}

function parseChineseInteger(text: string): number | undefined {
  if (text.length === 0) return undefined;
  const tenIndex = text.indexOf('十');
  if (tenIndex < 0) return text.length === 1 ? DIGITS[text] : undefined;
  const tensText = text.slice(0, tenIndex);
  const unitsText = text.slice(tenIndex + 1);
  const tens = tensText === '' ? 1 : DIGITS[tensText];
  const units = unitsText === '' ? 0 : DIGITS[unitsText];
  if (tens === undefined || units === undefined || unitsText.length > 1 || tensText.length > 1) return undefined;
  return tens * 10 + units;
}

/** Full-width digits and punctuation (１２，／) to ASCII so one set of patterns reads both. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
