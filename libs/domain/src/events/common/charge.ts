import { Type, type Static } from '@sinclair/typebox';
import { NonNegativeInteger } from '../schema-kit';

/** What the patient was charged, in minor units so that sums over many visits stay exact. */
export const ChargeSchema = Type.Object(
  {
    amountMinor: NonNegativeInteger("Amount in the currency's minor unit (fen for CNY): 12800 = ¥128.00."),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code, e.g. `CNY`.' }),
  },
  { description: 'Amount charged to the patient (self-pay plus insurance) for this fact; feeds patient value (PLTV).' },
);
export type Charge = Static<typeof ChargeSchema>;
