export const REDACTED = '[REDACTED]';

/**
 * Value patterns masked wherever they appear in free text (messages, error messages, stack traces), because
 * patient data leaks through strings that were never meant to be logged, e.g. a driver error echoing a row.
 * Digit look-arounds keep longer numbers (timestamps, offsets) intact.
 */
const PATTERNS: readonly RegExp[] = [
  // GB 11643-1999 resident ID (17 digits + check digit or X) and the older 15-digit form.
  /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g,
  /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g,
  // Mainland mobile numbers, optionally with +86/0086 and separators: 138 1234 5678, +86-138-1234-5678.
  /(?<![0-9])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![0-9])/g,
  // Landlines with an area code: 010-12345678, 0571-8765432.
  /(?<![0-9])0\d{2,3}-\d{7,8}(?![0-9])/g,
  // E-mail addresses.
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  // Credentials inside URLs: postgres://user:secret@host -> postgres://user:[REDACTED]@host.
  /(?<=\/\/[^/\s:@]+:)[^@\s/]+(?=@)/g,
  // Bearer tokens in echoed headers.
  /(?<=\bBearer\s)[A-Za-z0-9._~+/-]+=*/gi,
];

// Any run of CJK ideographs. Our log messages are written in English, so Chinese text in a log line came
// from data: names, addresses, notes. Unlabelled Chinese names cannot be told apart from other words, so the
// whole run is masked rather than guessed at.
const CJK_RUN =
  /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}\u00b7]*/gu;

export function redactText(text: string): string {
  let result = text;
  for (const pattern of PATTERNS) result = result.replace(pattern, REDACTED);
  return result.replace(CJK_RUN, REDACTED);
}
