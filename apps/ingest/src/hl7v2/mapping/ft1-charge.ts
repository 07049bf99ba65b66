import { chargeFrom, type NormalisedCharge } from '../../normalise/charge';
import { type Hl7Segment } from '../parse/hl7-message';

/**
 * FT1-11 transaction amount - extended (CP: price as MO amount&currency, then price type...), the charge of
 * the line; CNY when the sender names no currency. Credits and payments (FT1-6 CD/PY) are no charge.
 */
export function ft1Charge(ft1: Hl7Segment): NormalisedCharge | undefined {
  const type = ft1.get('6')?.toUpperCase();
  if (type !== undefined && type !== 'CG') return undefined;
  return chargeFrom(ft1.get('11.1.1'), ft1.get('11.1.2') ?? 'CNY');
}
