import { chargeFrom, type NormalisedCharge, sumCharges } from '../../normalise/charge';
import { type NormalisedEvent } from '../../normalise/normalised-event';
import { arr, type JsonObject, num, obj, str } from './json';

/** One ChargeItem of a Bundle: what it references and its price (undefined when unreadable). */
export interface BundleChargeItem {
  readonly services: ReadonlySet<string>;
  readonly charge: NormalisedCharge | undefined;
}

const NOT_CHARGED = new Set(['cancelled', 'entered-in-error', 'not-billable', 'aborted']);

/**
 * R4 MedicationDispense has no price; a Bundle states it with a ChargeItem whose `service` references the
 * dispense (fullUrl or `MedicationDispense/{id}`) and whose `priceOverride` is the amount charged.
 * Cancelled or erroneous ChargeItems do not count.
 */
export function bundleChargeItems(entries: readonly JsonObject[]): BundleChargeItem[] {
  return entries.flatMap((entry) => {
    const item = obj(entry, 'resource');
    if (str(item, 'resourceType') !== 'ChargeItem' || NOT_CHARGED.has(str(item, 'status') ?? '')) return [];
    const price = obj(item, 'priceOverride');
    const value = num(price, 'value');
    const services = new Set(arr(item, 'service').flatMap((s) => str(s, 'reference') ?? []));
    return [{ services, charge: value === undefined ? undefined : chargeFrom(String(value), str(price, 'currency')) }];
  });
}

/**
 * The dispense events of one Bundle entry with the charge of the ChargeItems referencing it, summed when
 * there are several of one currency; none when any of them is unreadable, rather than a partial sum.
 */
export function withDispenseCharge(
  events: NormalisedEvent[],
  entry: JsonObject,
  resource: JsonObject,
  items: readonly BundleChargeItem[],
): NormalisedEvent[] {
  const names = [str(entry, 'fullUrl'), str(resource, 'id') && `MedicationDispense/${str(resource, 'id')}`];
  const mine = items.filter((i) => names.some((n) => n && i.services.has(n)));
  const charge = mine.some((i) => !i.charge) ? undefined : sumCharges(mine.map((i) => i.charge));
  if (!charge) return events;
  return events.map((e) =>
    e.type === 'revisit.clinical.medication-dispensed.v1'
      ? ({ ...e, data: { ...e.data, charge } } as NormalisedEvent)
      : e,
  );
}
