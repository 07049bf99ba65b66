import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { type Hl7Segment } from '../parse/hl7-message';
import {
  type EncounterData,
  type NormalisedEvent,
  normalisedEvent,
  type NormalisedEventType,
  type PatientSnapshot,
} from '../../normalise/normalised-event';
import { encounterFromPv1 } from './encounter-from-pv1';
import { type MappingContext } from './mapping-context';
import { identifiersFromCx, patientFromPid } from './patient-from-pid';

export const ADT_TRIGGERS = [
  'A01',
  'A02',
  'A03',
  'A04',
  'A05',
  'A08',
  'A11',
  'A13',
  'A28',
  'A31',
  'A40',
  'A47',
] as const;

function requirePv1(ctx: MappingContext): void {
  if (!ctx.message.first('PV1')) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_SEGMENT, 'PV1 segment is missing', {
      segment: 'PV1',
    });
  }
}

function encounterEvent(
  ctx: MappingContext,
  type: NormalisedEventType & `revisit.clinical.encounter-${string}`,
  patient: PatientSnapshot,
  extra: Partial<EncounterData> = {},
): NormalisedEvent {
  requirePv1(ctx);
  const visit = encounterFromPv1(ctx);
  // Without PV1-44/45 the event time is the best statement of when the visit began or ended.
  const data: EncounterData = {
    ...visit,
    startedAt: visit.startedAt ?? (type === 'revisit.clinical.encounter-started.v1' ? ctx.occurredAt : undefined),
    endedAt: visit.endedAt ?? (type === 'revisit.clinical.encounter-discharged.v1' ? ctx.occurredAt : undefined),
    ...extra,
  };
  return normalisedEvent(type, { source: ctx.source, occurredAt: ctx.occurredAt, patient, data });
}

function patientEvent(
  ctx: MappingContext,
  type: 'revisit.source.patient-registered.v1' | 'revisit.source.patient-updated.v1',
  patient: PatientSnapshot,
): NormalisedEvent {
  return normalisedEvent(type, { source: ctx.source, occurredAt: ctx.occurredAt, patient, data: {} });
}

/** A40/A47 carry one PID + MRG pair per merge; several pairs may share one message. */
function mergeEvents(ctx: MappingContext, kind: 'merge' | 'identifier-change'): NormalisedEvent[] {
  const pids = ctx.message.all('PID');
  if (pids.length === 0) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_SEGMENT, 'PID segment is missing', {
      segment: 'PID',
    });
  }
  return pids.map((pid, i) => {
    const mrg: Hl7Segment | undefined = ctx.message.following(pid, ['PID']).find((s) => s.id === 'MRG');
    if (!mrg) {
      throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_SEGMENT, 'MRG segment is missing after PID', {
        segment: 'MRG',
        sequence: i + 1,
      });
    }
    const retired = [...identifiersFromCx(mrg, 1), ...identifiersFromCx(mrg, 4)];
    if (retired.length === 0) {
      throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_FIELD, 'MRG-1 holds no prior identifier', {
        segment: 'MRG',
        sequence: i + 1,
        field: 1,
      });
    }
    const patient = patientFromPid(pid);
    return normalisedEvent('revisit.source.patients-merged.v1', {
      source: ctx.source,
      occurredAt: ctx.occurredAt,
      patient,
      data: { surviving: patient.identifiers, retired, kind },
    });
  });
}

export function mapAdt(ctx: MappingContext): NormalisedEvent[] {
  const trigger = ctx.trigger as (typeof ADT_TRIGGERS)[number];
  if (trigger === 'A40') return mergeEvents(ctx, 'merge');
  if (trigger === 'A47') return mergeEvents(ctx, 'identifier-change');
  const patient = patientFromPid(ctx.message.first('PID'));
  // Admit/register/pre-admit without PV1 (seen from registration-only senders) still register the patient;
  // there is no visit to report, so no encounter event is invented.
  const hasVisit = ctx.message.first('PV1') !== undefined;
  const registered = patientEvent(ctx, 'revisit.source.patient-registered.v1', patient);
  switch (trigger) {
    case 'A01':
    case 'A04':
      return hasVisit
        ? [registered, encounterEvent(ctx, 'revisit.clinical.encounter-started.v1', patient)]
        : [registered];
    case 'A05':
      return hasVisit
        ? [registered, encounterEvent(ctx, 'revisit.clinical.encounter-planned.v1', patient)]
        : [registered];
    case 'A02':
      return [encounterEvent(ctx, 'revisit.clinical.encounter-transferred.v1', patient)];
    case 'A03':
      return [encounterEvent(ctx, 'revisit.clinical.encounter-discharged.v1', patient, {})];
    case 'A11':
      return [encounterEvent(ctx, 'revisit.clinical.encounter-cancelled.v1', patient, { cancels: 'admission' })];
    case 'A13':
      return [encounterEvent(ctx, 'revisit.clinical.encounter-cancelled.v1', patient, { cancels: 'discharge' })];
    case 'A28':
      return [patientEvent(ctx, 'revisit.source.patient-registered.v1', patient)];
    case 'A08':
    case 'A31':
      return [patientEvent(ctx, 'revisit.source.patient-updated.v1', patient)];
  }
}
