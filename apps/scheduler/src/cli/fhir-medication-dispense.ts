import { prescriptionDays } from '../derivation/event-filter';
import { type PatientEvent } from '../derivation/patient-event';
import { type PackagingLevel } from '../supply/unit-conversion';
import { ATC_SYSTEM, department, visitKind } from './fhir-codes';
import { concept, concepts, list, object, quantity, reference, statusOf, text } from './fhir-fields';
import { type Context, encounterOf } from './fhir-mapping-context';
import { sigFromTiming } from './fhir-sig';
import { type CodeableConcept, type Coding, type FhirResource, type Quantity } from './fhir-types';

function drugOf(
  resource: FhirResource,
  contained: readonly FhirResource[],
): { code: CodeableConcept | undefined; medication?: FhirResource } {
  const direct = concept(resource, 'medicationCodeableConcept');
  if (direct) return { code: direct };
  const ref = reference(resource, 'medicationReference');
  const medication = contained.find((item) => ref === `#${item.id ?? ''}`);
  return medication ? { code: concept(medication, 'code'), medication } : { code: undefined };
}

function packagingOf(medication: FhirResource | undefined): PackagingLevel[] {
  const amount = object<{ numerator?: Quantity; denominator?: Quantity }>(medication, 'amount');
  const numerator = amount?.numerator;
  const denominator = amount?.denominator;
  const inner = numerator?.unit ?? numerator?.code;
  const outer = denominator?.unit ?? denominator?.code;
  if (!numerator?.value || !inner || !outer || !denominator?.value) return [];
  return [{ unit: outer, contains: numerator.value / denominator.value, of: inner }];
}

export function mapDispense(resource: FhirResource, key: string, patientId: string, context: Context): void {
  const status = statusOf(resource);
  const at = text(resource, 'whenHandedOver') ?? text(resource, 'whenPrepared');
  if (!at) return void context.skipped.push(`${key}: no whenHandedOver`);
  const { code, medication } = drugOf(resource, list<FhirResource>(resource, 'contained'));
  const codings: readonly Coding[] = code?.coding ?? [];
  const drugCode = codings[0]?.code ?? code?.text;
  if (!drugCode) return void context.skipped.push(`${key}: no medication code`);
  const amount = quantity(resource, 'quantity');
  if (!amount || amount.value === undefined) return void context.skipped.push(`${key}: no quantity`);
  const unit = amount.unit ?? amount.code ?? '';
  const dispenseId = resource.id ?? key;
  const base = { patientId, occurredAt: at };
  if (amount.value < 0) {
    context.events.push({
      ...base,
      id: `${key}#returned`,
      type: 'medication-returned',
      returnId: dispenseId,
      drugCode,
      quantity: { value: -amount.value, unit },
    });
    return;
  }
  if (status !== 'completed' && status !== 'entered-in-error') {
    return void context.skipped.push(`${key}: status ${status ?? 'missing'} is not a completed dispense`);
  }
  const encounter = encounterOf(resource, context);
  const dosage = list<Record<string, unknown>>(resource, 'dosageInstruction')[0];
  const sig = text(dosage, 'text') ?? (dosage ? sigFromTiming(dosage) : undefined);
  const daysSupply = quantity(resource, 'daysSupply')?.value;
  const atc = codings.find((coding) => coding.system === ATC_SYSTEM)?.code;
  const name = code?.text ?? codings[0]?.display;
  const kind = encounter ? visitKind([...concepts(encounter, 'type'), concept(encounter, 'serviceType')]) : undefined;
  const dept = encounter ? department([concept(encounter, 'serviceType'), ...concepts(encounter, 'type')]) : undefined;
  const packaging = packagingOf(medication);
  const dispenser = list<{ actor?: { reference?: string } }>(resource, 'performer')[0]?.actor?.reference;
  context.events.push({
    ...base,
    id: `${key}#dispensed`,
    type: 'medication-dispensed',
    dispenseId,
    drug: { code: drugCode, ...(atc ? { atc } : {}), ...(name ? { name } : {}) },
    quantity: { value: amount.value, unit },
    ...(sig ? { sig } : {}),
    ...(daysSupply !== undefined ? { daysSupply } : {}),
    ...(packaging.length > 0 ? { packaging } : {}),
    ...(kind ? { visitKind: kind } : {}),
    ...(dept ? { department: dept } : {}),
    ...(dispenser ? { dispenserId: dispenser } : {}),
  });
  if (status === 'entered-in-error') {
    context.events.push({ ...base, id: `${key}#reversed`, type: 'medication-dispense-reversed', dispenseId });
  } else if (dept === 'tcm') {
    tcmPrescription(context.events[context.events.length - 1], key, context);
  }
}

/**
 * A dispense in a TCM department is the clinic's prescription (中药处方): the catalogue carries it as
 * procedure-performed/tcm-prescription with its length, which the TCM plan follows.
 */
function tcmPrescription(dispensed: PatientEvent | undefined, key: string, context: Context): void {
  if (dispensed?.type !== 'medication-dispensed') return;
  const days = prescriptionDays(dispensed);
  if (days === undefined) return void context.skipped.push(`${key}: TCM prescription length unknown`);
  context.events.push({
    id: `${key}#tcm-prescription`,
    type: 'procedure-performed',
    patientId: dispensed.patientId,
    occurredAt: dispensed.occurredAt,
    procedureId: `${dispensed.dispenseId}/tcm`,
    category: 'tcm-prescription',
    department: 'tcm',
    prescriptionDays: days,
    ...(dispensed.visitKind ? { visitKind: dispensed.visitKind } : {}),
  });
}
