import { department, encounterClass, isChronic, procedureCategory, prosthesisPlanned, visitKind } from './fhir-codes';
import { concept, concepts, list, object, period, statusOf, text } from './fhir-fields';
import { type Context, encounterOf } from './fhir-mapping-context';
import { type Coding, type FhirResource } from './fhir-types';

export function mapEncounter(resource: FhirResource, key: string, patientId: string, context: Context): void {
  const status = statusOf(resource);
  const span = period(resource, 'period');
  const at = span?.end ?? (status === 'finished' ? span?.start : undefined);
  if (status !== 'finished' || !at) return void context.skipped.push(`${key}: not a finished encounter`);
  const diagnoses = [
    ...concepts(resource, 'reasonCode').flatMap((item) => (item.coding ?? []).map((coding) => coding.code)),
    ...list<{ condition?: { reference?: string } }>(resource, 'diagnosis').flatMap((item) => {
      const condition = item.condition?.reference ? context.conditions.get(item.condition.reference) : undefined;
      return (concept(condition, 'code')?.coding ?? []).map((coding) => coding.code);
    }),
  ].filter((code): code is string => typeof code === 'string');
  const kind = visitKind([...concepts(resource, 'type'), concept(resource, 'serviceType')]);
  const dept = department([concept(resource, 'serviceType'), ...concepts(resource, 'type')]);
  const practitioner = list<{ individual?: { reference?: string } }>(resource, 'participant')[0]?.individual?.reference;
  context.events.push({
    id: `${key}#finished`,
    type: 'encounter-finished',
    patientId,
    occurredAt: at,
    encounterId: resource.id ?? key,
    encounterClass: encounterClass(object<Coding>(resource, 'class')?.code),
    ...(kind ? { visitKind: kind } : {}),
    ...(dept ? { department: dept } : {}),
    ...(diagnoses.length > 0 ? { diagnoses } : {}),
    ...(practitioner ? { practitionerId: practitioner } : {}),
  });
}

export function mapProcedure(resource: FhirResource, key: string, patientId: string, context: Context): void {
  const status = statusOf(resource);
  const at =
    text(resource, 'performedDateTime') ??
    period(resource, 'performedPeriod')?.end ??
    period(resource, 'performedPeriod')?.start;
  if ((status !== 'completed' && status !== 'entered-in-error') || !at) {
    return void context.skipped.push(`${key}: not a completed procedure with a performed time`);
  }
  const encounter = encounterOf(resource, context);
  const dept = encounter ? department([concept(encounter, 'serviceType'), ...concepts(encounter, 'type')]) : undefined;
  const practitioner = list<{ actor?: { reference?: string } }>(resource, 'performer')[0]?.actor?.reference;
  const procedureId = resource.id ?? key;
  context.events.push({
    id: `${key}#performed`,
    type: 'procedure-performed',
    patientId,
    occurredAt: at,
    procedureId,
    category: procedureCategory(concept(resource, 'code'), concept(resource, 'category')),
    ...(prosthesisPlanned(concept(resource, 'code')) ? { prosthesisPlanned: true } : {}),
    ...(concept(resource, 'code')?.coding?.[0]?.code
      ? { code: concept(resource, 'code')?.coding?.[0]?.code as string }
      : {}),
    ...(dept ? { department: dept } : {}),
    ...(practitioner ? { practitionerId: practitioner } : {}),
  });
  if (status === 'entered-in-error') {
    context.events.push({ id: `${key}#reversed`, type: 'procedure-reversed', patientId, occurredAt: at, procedureId });
  }
}

export function mapAppointment(resource: FhirResource, key: string, patientId: string, context: Context): void {
  const status = statusOf(resource);
  const start = text(resource, 'start');
  if (!start) return void context.skipped.push(`${key}: no start`);
  const appointmentId = resource.id ?? key;
  const booked = text(resource, 'created') ?? resource.meta?.lastUpdated ?? context.now;
  if (status === 'noshow') {
    context.events.push({
      id: `${key}#noshow`,
      type: 'appointment-missed',
      patientId,
      occurredAt: text(resource, 'end') ?? start,
      appointmentId,
      start,
    });
    return;
  }
  if (status === 'booked' || status === 'pending' || status === 'arrived' || status === 'checked-in') {
    context.events.push({
      id: `${key}#booked`,
      type: 'appointment-booked',
      patientId,
      occurredAt: booked,
      appointmentId,
      start,
    });
    return;
  }
  context.skipped.push(`${key}: appointment status ${status ?? 'missing'}`);
}

export function mapCondition(resource: FhirResource, key: string, patientId: string, context: Context): void {
  const codes = concept(resource, 'code')?.coding ?? [];
  const code = codes.find((coding) => coding.code)?.code;
  const recorded = text(resource, 'recordedDate') ?? text(resource, 'onsetDateTime');
  if (!code || !recorded) return void context.skipped.push(`${key}: no code or recorded date`);
  const chronic = isChronic([...concepts(resource, 'category'), concept(resource, 'code')]);
  const conditionId = resource.id ?? key;
  const base = { patientId, conditionId, code, ...(chronic ? { chronic } : {}) };
  context.events.push({ ...base, id: `${key}#recorded`, type: 'condition-recorded', occurredAt: recorded });
  const clinical = concept(resource, 'clinicalStatus')?.coding?.[0]?.code;
  const abated = text(resource, 'abatementDateTime');
  if ((clinical === 'resolved' || clinical === 'inactive') && abated) {
    context.events.push({ ...base, id: `${key}#resolved`, type: 'condition-resolved', occurredAt: abated });
  }
}

export function mapPatient(
  resource: FhirResource,
  key: string,
  patientId: string,
  context: Context,
  earliest: string,
): void {
  const birthDate = text(resource, 'birthDate');
  context.events.push({
    id: `${key}#registered`,
    type: 'patient-registered',
    patientId,
    occurredAt: resource.meta?.lastUpdated ?? earliest,
    ...(birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? { birthDate } : {}),
  });
  const deceasedAt =
    text(resource, 'deceasedDateTime') ?? (resource['deceasedBoolean'] === true ? context.now : undefined);
  if (deceasedAt) {
    context.events.push({
      id: `${key}#deceased`,
      type: 'patient-status-changed',
      patientId,
      occurredAt: deceasedAt,
      status: 'deceased',
    });
  }
}
