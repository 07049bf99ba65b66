import { list, period, reference, text } from './fhir-fields';
import { mapAppointment, mapCondition, mapEncounter, mapPatient, mapProcedure } from './fhir-clinical-resources';
import { mapDispense } from './fhir-medication-dispense';
import { type Context } from './fhir-mapping-context';
import { type Bundle, type FhirResource } from './fhir-types';
import { type PatientEvent } from '../derivation/patient-event';

/**
 * A small FHIR R4 Bundle -> patient events mapping for `revisit plans preview` (the ingest app owns the
 * full mapper; apps do not import each other). Reads Patient, Encounter, Condition, MedicationDispense,
 * Procedure and Appointment; other resources are ignored.
 */
export interface MappedBundle {
  readonly events: PatientEvent[];
  /** resources read but not turned into events, with why (status not final, no time, ...) */
  readonly skipped: string[];
}

function resourceKey(resource: FhirResource, fullUrl: string | undefined, index: number): string {
  return resource.id ? `${resource.resourceType}/${resource.id}` : (fullUrl ?? `${resource.resourceType}#${index}`);
}

function patientOf(resource: FhirResource, context: Context): string | undefined {
  const ref = reference(resource, 'subject') ?? reference(resource, 'patient');
  if (ref) return context.patientIds.get(ref) ?? ref.replace(/^Patient\//, '');
  const participant = list<{ actor?: { reference?: string } }>(resource, 'participant')
    .map((item) => item.actor?.reference)
    .find((ref2) => ref2 !== undefined && (ref2.startsWith('Patient/') || context.patientIds.has(ref2)));
  if (participant) return context.patientIds.get(participant) ?? participant.replace(/^Patient\//, '');
  return context.patientIds.size === 1 ? [...context.patientIds.values()][0] : undefined;
}

export function bundleToEvents(bundle: Bundle, now: string): MappedBundle {
  const entries = (bundle.entry ?? []).flatMap((entry, index) =>
    entry.resource && typeof entry.resource.resourceType === 'string'
      ? [{ resource: entry.resource, key: resourceKey(entry.resource, entry.fullUrl, index), fullUrl: entry.fullUrl }]
      : [],
  );
  const context: Context = {
    patientIds: new Map(),
    encounters: new Map(),
    conditions: new Map(),
    now,
    events: [],
    skipped: [],
  };
  for (const { resource, key, fullUrl } of entries) {
    const aliases = [key, ...(fullUrl ? [fullUrl] : [])];
    if (resource.resourceType === 'Patient')
      aliases.forEach((alias) => context.patientIds.set(alias, resource.id ?? key));
    if (resource.resourceType === 'Encounter') aliases.forEach((alias) => context.encounters.set(alias, resource));
    if (resource.resourceType === 'Condition') aliases.forEach((alias) => context.conditions.set(alias, resource));
  }
  const times = entries
    .flatMap(({ resource }) => [
      text(resource, 'whenHandedOver'),
      text(resource, 'performedDateTime'),
      period(resource, 'period')?.start,
    ])
    .filter((time): time is string => time !== undefined)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const earliest = times[0] ?? now;
  for (const { resource, key } of entries) {
    const patientId = resource.resourceType === 'Patient' ? (resource.id ?? key) : patientOf(resource, context);
    if (patientId === undefined) {
      context.skipped.push(`${key}: no patient reference`);
      continue;
    }
    switch (resource.resourceType) {
      case 'Patient':
        mapPatient(resource, key, patientId, context, earliest);
        break;
      case 'Encounter':
        mapEncounter(resource, key, patientId, context);
        break;
      case 'Condition':
        mapCondition(resource, key, patientId, context);
        break;
      case 'MedicationDispense':
        mapDispense(resource, key, patientId, context);
        break;
      case 'Procedure':
        mapProcedure(resource, key, patientId, context);
        break;
      case 'Appointment':
        mapAppointment(resource, key, patientId, context);
        break;
      default:
        break;
    }
  }
  return { events: context.events, skipped: context.skipped };
}
