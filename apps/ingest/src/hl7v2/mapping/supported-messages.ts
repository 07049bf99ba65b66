import { type NormalisedEvent } from '../../normalise/normalised-event';
import { ADT_TRIGGERS, mapAdt } from './adt.mapper';
import { mapFinancial } from './financial.mapper';
import { type MappingContext } from './mapping-context';
import { mapPharmacyDispense, mapPharmacyOrder } from './pharmacy.mapper';
import { mapScheduling, SIU_TRIGGERS } from './scheduling.mapper';

type Mapper = (ctx: MappingContext) => NormalisedEvent[];

/** Message code -> trigger -> mapper. Anything absent is acknowledged AR (unsupported message type). */
export const SUPPORTED_MESSAGES: Readonly<Record<string, Readonly<Record<string, Mapper>>>> = {
  ADT: Object.fromEntries(ADT_TRIGGERS.map((t) => [t, mapAdt])),
  RDE: { O11: mapPharmacyOrder },
  RDS: { O13: mapPharmacyDispense },
  SIU: Object.fromEntries(SIU_TRIGGERS.map((t) => [t, mapScheduling])),
  DFT: { P03: mapFinancial },
};

export function findMapper(code: string | undefined, trigger: string | undefined): Mapper | undefined {
  if (!code || !trigger) return undefined;
  return SUPPORTED_MESSAGES[code]?.[trigger];
}
