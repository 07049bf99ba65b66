import { FhirRejectionCode, FhirRejectionError } from '../fhir.errors';
import {
  type CodedValue,
  type EncounterData,
  type NormalisedEvent,
  type NormalisedEventType,
} from '../../normalise/normalised-event';
import { patientFromResource } from './fhir-patient';
import { arr, num, obj, str } from './json';
import { codeable, event, localId, notActionable, type ResourceContext } from './resource-context';

export function mapPatient(ctx: ResourceContext): NormalisedEvent[] {
  const patient = patientFromResource(ctx.resource, ctx.source.system);
  const type = ctx.method === 'PUT' ? 'revisit.source.patient-updated.v1' : 'revisit.source.patient-registered.v1';
  return [event(ctx, type, patient, {}, str(obj(ctx.resource, 'meta'), 'lastUpdated'))];
}

function encounterClass(code: string | undefined): EncounterData['class'] {
  switch (code?.toUpperCase()) {
    case 'IMP':
    case 'ACUTE':
    case 'NONAC':
    case 'PRENC':
      return 'inpatient';
    case 'AMB':
    case 'OBSENC':
      return 'outpatient';
    case 'EMER':
      return 'emergency';
    case undefined:
      return undefined;
    default:
      return 'other';
  }
}

export function mapEncounter(ctx: ResourceContext): NormalisedEvent[] {
  const r = ctx.resource;
  const status = str(r, 'status');
  const types: Record<string, NormalisedEventType & `revisit.clinical.encounter-${string}`> = {
    planned: 'revisit.clinical.encounter-planned.v1',
    arrived: 'revisit.clinical.encounter-started.v1',
    triaged: 'revisit.clinical.encounter-started.v1',
    'in-progress': 'revisit.clinical.encounter-started.v1',
    onleave: 'revisit.clinical.encounter-started.v1',
    finished: 'revisit.clinical.encounter-discharged.v1',
    cancelled: 'revisit.clinical.encounter-cancelled.v1',
    'entered-in-error': 'revisit.clinical.encounter-cancelled.v1',
  };
  const type = status ? types[status] : undefined;
  if (!type) throw notActionable('Encounter', status);
  const patient = ctx.resolvePatient(obj(r, 'subject'), 'Encounter.subject');
  const period = obj(r, 'period');
  const data: EncounterData = {
    encounterId: localId(r),
    class: encounterClass(str(obj(r, 'class'), 'code')),
    department: codeable(obj(r, 'serviceType'))?.display ?? str(obj(r, 'serviceProvider'), 'display'),
    attendingDoctor: str(obj(arr(r, 'participant')[0], 'individual'), 'reference'),
    startedAt: str(period, 'start'),
    endedAt: str(period, 'end'),
    diagnoses: [
      ...arr(r, 'reasonCode').map(codeable),
      ...arr(r, 'diagnosis').map((d) =>
        str(obj(d, 'condition'), 'display') ? { display: str(obj(d, 'condition'), 'display') } : undefined,
      ),
    ].filter((c): c is CodedValue => c !== undefined),
    ...(type === 'revisit.clinical.encounter-cancelled.v1' ? { cancels: 'admission' as const } : {}),
  };
  const occurredAt = type === 'revisit.clinical.encounter-discharged.v1' ? data.endedAt : data.startedAt;
  return [event(ctx, type, patient, data, occurredAt)];
}

export function mapProcedure(ctx: ResourceContext): NormalisedEvent[] {
  const r = ctx.resource;
  if (str(r, 'status') !== 'completed') throw notActionable('Procedure', str(r, 'status'));
  const procedure = codeable(obj(r, 'code'));
  if (!procedure)
    throw new FhirRejectionError(FhirRejectionCode.MISSING_REQUIRED_ELEMENT, 'Procedure has no code', 'Procedure.code');
  const patient = ctx.resolvePatient(obj(r, 'subject'), 'Procedure.subject');
  const performedAt = str(r, 'performedDateTime') ?? str(obj(r, 'performedPeriod'), 'start');
  const category = codeable(obj(r, 'category'));
  const data = {
    procedureId: localId(r),
    procedure,
    ...(category ? { category } : {}),
    performedAt,
    performer: str(obj(arr(r, 'performer')[0], 'actor'), 'reference'),
    encounterId: str(obj(r, 'encounter'), 'reference'),
  };
  return [event(ctx, 'revisit.clinical.procedure-performed.v1', patient, data, performedAt)];
}

export function mapAppointment(ctx: ResourceContext): NormalisedEvent[] {
  const r = ctx.resource;
  const status = str(r, 'status');
  const types: Record<string, NormalisedEventType & `revisit.appointment.${string}`> = {
    booked: 'revisit.appointment.booked.v1',
    arrived: 'revisit.appointment.attended.v1',
    fulfilled: 'revisit.appointment.attended.v1',
    'checked-in': 'revisit.appointment.attended.v1',
    cancelled: 'revisit.appointment.cancelled.v1',
    noshow: 'revisit.appointment.no-show.v1',
  };
  const type = status ? types[status] : undefined;
  if (!type) throw notActionable('Appointment', status);
  const actors = arr(r, 'participant').map((p) => obj(p, 'actor'));
  const patientRef = actors.find((a) => /(^|\/)Patient\/|^urn:uuid:/.test(str(a, 'reference') ?? ''));
  if (!patientRef) {
    throw new FhirRejectionError(
      FhirRejectionCode.UNRESOLVED_SUBJECT,
      'Appointment has no Patient participant',
      'Appointment.participant.actor',
    );
  }
  const patient = ctx.resolvePatient(patientRef, 'Appointment.participant.actor');
  const data = {
    appointmentId: localId(r),
    start: str(r, 'start'),
    end: str(r, 'end'),
    durationMinutes: num(r, 'minutesDuration'),
    serviceType: codeable(arr(r, 'serviceType')[0]),
    department: codeable(arr(r, 'specialty')[0])?.display,
    provider: str(
      actors.find((a) => /(^|\/)Practitioner\//.test(str(a, 'reference') ?? '')),
      'reference',
    ),
    reason: codeable(arr(r, 'reasonCode')[0])?.display ?? str(r, 'description'),
  };
  return [event(ctx, type, patient, data, data.start)];
}
