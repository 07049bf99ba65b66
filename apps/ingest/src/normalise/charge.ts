/** What the patient was charged for one fact, in the currency's minor unit (fen for CNY). */
export interface NormalisedCharge {
  readonly amountMinor: number;
  readonly currency: string;
}

/** ISO 4217 currencies without a minor unit that feeds may use (SS-MIX2 sends yen); all others have two. */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND']);
const AMOUNT = /^(\d{1,12})(?:\.(\d{1,4}))?$/;

/**
 * A money amount as senders write it ("128.00", "¥1,280.5", "128.0000元") to minor units, exactly (no
 * floating point), rounding a fraction below the minor unit half up. Negative or unreadable amounts and
 * unknown currency codes give undefined: the caller decides whether that is an error.
 */
export function chargeFrom(text: string | undefined, currency = 'CNY'): NormalisedCharge | undefined {
  const code = currency.trim().toUpperCase();
  if (!text || !/^[A-Z]{3}$/.test(code)) return undefined;
  const m = AMOUNT.exec(
    text
      .trim()
      .replace(/^[¥￥]\s*/, '')
      .replace(/\s*元$/, '')
      .replace(/,/g, ''),
  );
  if (!m) return undefined;
  const tenThousandths = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  const divisor = ZERO_DECIMAL.has(code) ? 10_000 : 100;
  return { amountMinor: Math.floor((tenThousandths + divisor / 2) / divisor), currency: code };
}

/** Several charge lines for one fact, summed when they share a currency; undefined when they do not. */
export function sumCharges(charges: readonly (NormalisedCharge | undefined)[]): NormalisedCharge | undefined {
  const present = charges.filter((c): c is NormalisedCharge => c !== undefined);
  if (present.length === 0 || present.some((c) => c.currency !== present[0]!.currency)) return undefined;
  return { amountMinor: present.reduce((sum, c) => sum + c.amountMinor, 0), currency: present[0]!.currency };
}
