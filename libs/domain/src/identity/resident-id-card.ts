/**
 * Mainland China resident identity card number (GB 11643-1999): 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd = male, even = female) and a MOD 11-2 check character (0-9 or X).
 */
export type Sex = 'male' | 'female';

export interface ResidentIdCard {
  readonly value: string;
  readonly areaCode: string;
  readonly birthDate: string; // ISO date, YYYY-MM-DD
  readonly sex: Sex;
}

export type ResidentIdCardProblem = 'format' | 'birth-date' | 'check-digit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function parseResidentIdCard(
  raw: string,
): { ok: true; card: ResidentIdCard } | { ok: false; problem: ResidentIdCardProblem } {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const parsed = new Date(`${birthDate}T00:00:00Z`);
  if (
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== birthDate ||
    parsed.getUTCFullYear() < 1880
  ) {
    return { ok: false, problem: 'birth-date' };
  }
  if (residentIdCheckChar(value) !== value[17]) return { ok: false, problem: 'check-digit' };
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, card: { value, areaCode: value.slice(0, 6), birthDate, sex } };
}

/**
 * First-generation cards (issued until 2013, still in old HIS records) have 15 digits: no century and no
 * check character. Every such card belongs to someone born in the 1900s, so the 18-digit form is
 * area + `19` + YYMMDD + sequence + check character. Returns undefined when the input is not 15 digits.
 */
export function upgradeLegacyResidentId(raw: string): string | undefined {
  const value = raw.trim();
  if (!/^\d{15}$/.test(value)) return undefined;
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Masked for screens and anything loggable: first 4 and last 4 characters (`1101**********002X`), which
 * hides the birth date and is enough for a patient to confirm the card on the phone.
 */
export function maskResidentIdCard(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
}
