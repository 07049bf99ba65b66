import { type NormalisedEvent } from '../../normalise/normalised-event';
import { arr, num, obj, str } from './json';
import { days, event, localId, medication, notActionable, quantity, type ResourceContext } from './resource-context';

export function mapMedicationRequest(ctx: ResourceContext): NormalisedEvent[] {
  const r = ctx.resource;
  const status = str(r, 'status');
  if (!['active', 'completed', 'on-hold'].includes(status ?? '')) throw notActionable('MedicationRequest', status);
  const patient = ctx.resolvePatient(obj(r, 'subject'), 'MedicationRequest.subject');
  const dispense = obj(r, 'dispenseRequest');
  const data = {
    prescriptionId: localId(r),
    drug: medication(r, 'MedicationRequest'),
    quantity: quantity(obj(dispense, 'quantity'), 'MedicationRequest.dispenseRequest.quantity'),
    sig: str(arr(r, 'dosageInstruction')[0], 'text'),
    daysSupply: days(obj(dispense, 'expectedSupplyDuration')),
    prescribedAt: str(r, 'authoredOn'),
    prescriber: str(obj(r, 'requester'), 'reference'),
    reason: status === 'on-hold' ? 'on-hold' : undefined,
  };
  return [event(ctx, 'revisit.clinical.medication-prescribed.v1', patient, data, data.prescribedAt)];
}

export function mapMedicationDispense(ctx: ResourceContext): NormalisedEvent[] {
  const r = ctx.resource;
  const status = str(r, 'status');
  const type =
    status === 'completed'
      ? 'revisit.clinical.medication-dispensed.v1'
      : status === 'entered-in-error'
        ? 'revisit.clinical.medication-dispense-reversed.v1'
        : undefined;
  if (!type) throw notActionable('MedicationDispense', status);
  const patient = ctx.resolvePatient(obj(r, 'subject'), 'MedicationDispense.subject');
  const dispensedAt = str(r, 'whenHandedOver') ?? str(r, 'whenPrepared');
  const data = {
    dispenseId: localId(r),
    prescriptionId: str(arr(r, 'authorizingPrescription')[0], 'reference'),
    drug: medication(r, 'MedicationDispense'),
    quantity: quantity(obj(r, 'quantity'), 'MedicationDispense.quantity'),
    sig: str(arr(r, 'dosageInstruction')[0], 'text'),
    daysSupply: num(obj(r, 'daysSupply'), 'value'),
    dispensedAt,
    dispenser: str(obj(arr(r, 'performer')[0], 'actor'), 'reference'),
    reason: type === 'revisit.clinical.medication-dispense-reversed.v1' ? 'entered-in-error' : undefined,
  };
  return [event(ctx, type, patient, data, dispensedAt)];
}
