import { sigTextFromStructured } from '../supply/structured-sig';
import { object } from './fhir-fields';
import { type Quantity } from './fhir-types';

interface TimingRepeat {
  readonly frequency?: number;
  readonly period?: number;
  readonly periodUnit?: string;
}

/** A structured FHIR Dosage (timing.repeat + doseAndRate.doseQuantity) as sig text; undefined if incomplete. */
export function sigFromTiming(dosage: object): string | undefined {
  const repeat = object<TimingRepeat>(object<object>(dosage, 'timing'), 'repeat');
  const doseAndRate = (dosage as { doseAndRate?: ReadonlyArray<{ doseQuantity?: Quantity }> }).doseAndRate;
  const dose = Array.isArray(doseAndRate) ? doseAndRate[0]?.doseQuantity : undefined;
  const periodUnit = repeat?.periodUnit;
  if (!repeat || typeof dose?.value !== 'number' || (periodUnit !== 'h' && periodUnit !== 'd' && periodUnit !== 'wk')) {
    return undefined;
  }
  return sigTextFromStructured({
    doseValue: dose.value,
    doseUnit: dose.unit ?? dose.code ?? '',
    count: repeat.frequency ?? 1,
    period: repeat.period ?? 1,
    periodUnit,
    asNeeded: (dosage as { asNeededBoolean?: unknown }).asNeededBoolean === true,
  });
}
