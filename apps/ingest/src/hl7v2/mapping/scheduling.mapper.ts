import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import {
  type AppointmentData,
  type NormalisedEvent,
  normalisedEvent,
  type NormalisedEventType,
} from '../../normalise/normalised-event';
import { coded, numberOrUndefined, staffRef } from './hl7-values';
import { type MappingContext } from './mapping-context';
import { patientFromPid } from './patient-from-pid';

export const SIU_TRIGGERS = ['S12', 'S13', 'S14', 'S15', 'S26'] as const;

const EVENT_BY_TRIGGER: Readonly<
  Record<(typeof SIU_TRIGGERS)[number], NormalisedEventType & `revisit.appointment.${string}`>
> = {
  S12: 'revisit.appointment.booked.v1',
  S13: 'revisit.appointment.rescheduled.v1',
  S14: 'revisit.appointment.rescheduled.v1',
  S15: 'revisit.appointment.cancelled.v1',
  S26: 'revisit.appointment.no-show.v1',
};

function minutes(duration: number | undefined, unit: string | undefined): number | undefined {
  if (duration === undefined) return undefined;
  switch ((unit ?? 'min').toLowerCase()) {
    case 's':
      return duration / 60;
    case 'h':
    case 'hr':
      return duration * 60;
    case 'd':
      return duration * 1440;
    default:
      return duration;
  }
}

/** SIU: SCH gives the appointment, TQ1 (2.5+) or SCH-11 (older) its time, AIS/AIL/AIP the resources. */
export function mapScheduling(ctx: MappingContext): NormalisedEvent[] {
  const m = ctx.message;
  const sch = m.first('SCH');
  if (!sch)
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_SEGMENT, 'SCH segment is missing', {
      segment: 'SCH',
    });
  const appointmentId = sch.get('2.1') ?? sch.get('1.1');
  if (!appointmentId) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_FIELD, 'SCH-1/SCH-2 hold no appointment id', {
      segment: 'SCH',
      field: 2,
    });
  }
  const patient = patientFromPid(m.first('PID'));
  const tq1 = m.first('TQ1');
  const ail = m.first('AIL');
  const data: AppointmentData = {
    appointmentId,
    start: ctx.toIso(tq1?.get('7.1') ?? sch.get('11.4') ?? m.get('AIS-4.1')),
    end: ctx.toIso(tq1?.get('8.1') ?? sch.get('11.5')),
    durationMinutes: minutes(numberOrUndefined(sch.get('9')), sch.get('10.1')),
    serviceType: coded(m.first('AIS'), 3) ?? coded(sch, 8),
    department: ail?.get('3.1') ?? ail?.get('3.4') ?? m.get('PV1-3.1'),
    provider: staffRef(m.first('AIP'), 3) ?? staffRef(m.first('AIG'), 3),
    reason: sch.get('7.2') ?? sch.get('7.1'),
  };
  const type = EVENT_BY_TRIGGER[ctx.trigger as (typeof SIU_TRIGGERS)[number]];
  return [normalisedEvent(type, { source: ctx.source, occurredAt: ctx.occurredAt, patient, data })];
}
