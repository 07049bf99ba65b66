import { PhoneNumber } from '@revisit/domain';

export interface PhoneValue {
  /** E.164 (`+8613912345678`) for mainland numbers; digits with an optional leading + otherwise. */
  readonly value: string;
  readonly mobile: boolean;
  /** True when the domain's mainland PhoneNumber rules accepted it. */
  readonly mainland: boolean;
}

/**
 * Normalises a phone number: mainland numbers through the domain PhoneNumber (so `139 1234 5678`,
 * `+86-139-1234-5678` and `0086 13912345678` become one value); foreign numbers from other senders are
 * kept as digits. Returns undefined when fewer than 5 digits remain.
 */
export function normalisePhone(raw: string | undefined): PhoneValue | undefined {
  if (!raw) return undefined;
  const parsed = PhoneNumber.parse(raw);
  if (parsed.ok) return { value: parsed.phone.e164, mobile: parsed.phone.kind === 'mobile', mainland: true };
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 5) return undefined;
  return { value: raw.trim().startsWith('+') ? `+${digits}` : digits, mobile: false, mainland: false };
}
