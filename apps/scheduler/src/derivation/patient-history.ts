import { DateTime, type Zone } from 'luxon';
import { type BlockedPeriod } from '../calendar/contact-calendar';
import { type PatientQuietWindow, quietWindowFrom } from '../calendar/patient-quiet-times';
import {
  type AppointmentBooked,
  type ConditionRecorded,
  type MedicationDispensed,
  type MedicationReturned,
  type PatientEvent,
  type PatientStatus,
} from './patient-event';

export interface StatusStop {
  readonly status: PatientStatus;
  readonly at: DateTime;
}

/** One patient's history with corrections applied (reversed dispenses and procedures removed, ...). */
export interface PatientHistory {
  readonly patientId: string;
  readonly zone: Zone;
  /** canonical order, corrections applied; the events plans may trigger on */
  readonly events: readonly PatientEvent[];
  readonly birthDate?: string;
  readonly conditionCodes: readonly string[];
  readonly dispenses: readonly MedicationDispensed[];
  readonly returns: readonly MedicationReturned[];
  readonly stops: readonly StatusStop[];
  readonly blocked: readonly BlockedPeriod[];
  readonly quietWindows: readonly PatientQuietWindow[];
  readonly staff: { readonly healthRecordFiler?: string; readonly measurer?: string };
}

/** Times already parsed during the derivation in progress (the same event is read by every plan). */
let parsedTimes: Map<Zone, Map<string, DateTime>> | undefined;

/**
 * Runs one derivation with a cache of parsed event times, dropped when it returns: ISO parsing is a large
 * part of a derivation's cost, and DateTimes are immutable, so sharing them within one call is safe.
 */
export function withParsedTimes<T>(derive: () => T): T {
  const outer = parsedTimes;
  parsedTimes = outer ?? new Map();
  try {
    return derive();
  } finally {
    parsedTimes = outer;
  }
}

/** Full date-times with an explicit offset, as the event catalogue writes them. */
const OFFSET_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * Only the instant matters (the result is put in `zone`), so catalogue date-times take the engine's own
 * parser; anything else (dates without a time or offset, longer fractions) keeps luxon's reading.
 */
function parseInstant(iso: string, zone: Zone): DateTime {
  if (OFFSET_DATE_TIME.test(iso) && isCalendarDate(iso)) {
    const millis = Date.parse(iso);
    if (!Number.isNaN(millis)) return DateTime.fromMillis(millis, { zone });
  }
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone);
}

/** Date.parse rolls 30 February over into March; luxon (and the catalogue) call it invalid. */
function isCalendarDate(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function timeIn(zone: Zone, iso: string): DateTime {
  let inZone = parsedTimes?.get(zone);
  const cached = inZone?.get(iso);
  if (cached) return cached;
  const time = parseInstant(iso, zone);
  if (parsedTimes) {
    if (!inZone) {
      inZone = new Map();
      parsedTimes.set(zone, inZone);
    }
    inZone.set(iso, time);
  }
  return time;
}

/** The state of each appointment after its last booking or cancellation (a re-booking revives it). */
function liveAppointments(events: readonly PatientEvent[]): Set<PatientEvent> {
  const latest = new Map<string, PatientEvent>();
  for (const event of events) {
    if (event.type === 'appointment-booked' || event.type === 'appointment-cancelled') {
      latest.set(event.appointmentId, event);
    }
  }
  return new Set(
    [...latest.values()].filter((event): event is AppointmentBooked => event.type === 'appointment-booked'),
  );
}

export function buildPatientHistory(patientId: string, ordered: readonly PatientEvent[], zone: Zone): PatientHistory {
  const reversedDispenses = new Set<string>();
  const reversedProcedures = new Set<string>();
  for (const event of ordered) {
    if (event.type === 'medication-dispense-reversed') reversedDispenses.add(event.dispenseId);
    if (event.type === 'procedure-reversed') reversedProcedures.add(event.procedureId);
  }
  const appointments = liveAppointments(ordered);
  const events = ordered.filter((event) => {
    switch (event.type) {
      case 'medication-dispensed':
        return !reversedDispenses.has(event.dispenseId);
      case 'procedure-performed':
        return !reversedProcedures.has(event.procedureId);
      case 'appointment-booked':
        return appointments.has(event);
      default:
        return true;
    }
  });
  const stops = new Map<PatientStatus, StatusStop>();
  const blocked = [];
  const staff: { healthRecordFiler?: string; measurer?: string } = {};
  const conditionCodes = new Set<string>();
  let birthDate: string | undefined;
  let quietWindows: PatientQuietWindow[] = [];
  for (const event of events) {
    if (event.type === 'quiet-times-set') {
      quietWindows = event.windows.flatMap((window) => quietWindowFrom(window) ?? []);
    }
    if (event.type === 'patient-status-changed' && !stops.has(event.status)) {
      stops.set(event.status, { status: event.status, at: timeIn(zone, event.occurredAt) });
    }
    if (event.type === 'do-not-disturb-set') {
      blocked.push({
        from: timeIn(zone, event.from),
        to: timeIn(zone, event.to),
        why: 'patient do-not-disturb period',
      });
    }
    if (event.type === 'health-record-filed') staff.healthRecordFiler = event.staffId;
    if (event.type === 'measurement-taken') staff.measurer = event.staffId;
    if (event.type === 'condition-recorded') conditionCodes.add(event.code);
    if (event.type === 'encounter-finished') event.diagnoses?.forEach((code) => conditionCodes.add(code));
    // After a merge two registrations may disagree; the earliest recorded birth date is kept.
    if (event.type === 'patient-registered' && event.birthDate !== undefined && birthDate === undefined) {
      birthDate = event.birthDate;
    }
  }
  return {
    patientId,
    zone,
    events,
    ...(birthDate === undefined ? {} : { birthDate }),
    conditionCodes: [...conditionCodes].sort(),
    dispenses: events.filter((event): event is MedicationDispensed => event.type === 'medication-dispensed'),
    returns: events.filter((event): event is MedicationReturned => event.type === 'medication-returned'),
    stops: [...stops.values()].sort((a, b) => a.at.toMillis() - b.at.toMillis()),
    blocked,
    quietWindows,
    staff,
  };
}

export function isConditionEvent(event: PatientEvent): event is ConditionRecorded {
  return event.type === 'condition-recorded' || event.type === 'condition-resolved';
}
