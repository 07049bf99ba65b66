/**
 * Masking for display to agents and for any text that could end up in a log. Masks keep the
 * characters people use to confirm a number on the phone (first 3, last 4) and hide the rest.
 */

/** Replaces every character except the first `keepStart` and last `keepEnd` with `*`. */
export function maskDigits(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  const hidden = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + '*'.repeat(hidden) + chars.slice(chars.length - keepEnd).join('');
}

/**
 * Masks any phone-like text, parseable or not: `13812345678` -> `138****5678`. Separators are dropped
 * first so a masked value never leaks digits through its formatting.
 */
export function maskPhone(text: string): string {
  const digits = text.normalize('NFKC').replace(/\D/g, '');
  if (digits.length === 0) return '';
  const national = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  return national.length >= 11
    ? maskDigits(national, 3, 4)
    : maskDigits(national, 0, Math.min(4, Math.floor(national.length / 2)));
}
