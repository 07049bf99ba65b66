import { type EventEnvelope } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { type ClinicalProjector } from './clinical.projector';
import { localDate, survivingPatient, table } from './read-model-sql';

type AppointmentEvent =
  | EventEnvelope<'revisit.appointment.booked.v1'>
  | EventEnvelope<'revisit.appointment.cancelled.v1'>
  | EventEnvelope<'revisit.appointment.no-show.v1'>
  | EventEnvelope<'revisit.appointment.attended.v1'>;

type Outcome = 'booked' | 'cancelled' | 'no-show' | 'attended';

/**
 * Appointment topics are not ordered against each other, so the stored outcome is the strongest one seen:
 * attended > no-show > cancelled > booked (a late "booked" never reopens a kept appointment).
 */
const OUTCOME_RANK = `CASE $OUT WHEN 'booked' THEN 0 WHEN 'cancelled' THEN 1 WHEN 'no-show' THEN 2 ELSE 3 END`;
const rank = (column: string) => OUTCOME_RANK.replace('$OUT', column);

export class AppointmentProjector {
  constructor(
    private readonly zone: string,
    private readonly visits: ClinicalProjector,
  ) {}

  async record(m: EntityManager, e: AppointmentEvent, outcome: Outcome): Promise<void> {
    const d = e.data;
    const channel = 'bookingChannel' in d ? (d.bookingChannel ?? null) : null;
    await m.query(
      `INSERT INTO ${table('appointment')} (org_id, appointment_key, patient_id, site_id, department_code, doctor_id,
              start_at, local_date, outcome, booking_channel)
       VALUES ($1, $2, ${survivingPatient('$1', '$3')}, $1, $4, $5, $6, ${localDate('$6', '$9')}, $7, $8)
       ON CONFLICT (org_id, appointment_key) DO UPDATE SET
         outcome = CASE WHEN ${rank('EXCLUDED.outcome')} > ${rank('appointment.outcome')}
                        THEN EXCLUDED.outcome ELSE appointment.outcome END,
         booking_channel = COALESCE(appointment.booking_channel, EXCLUDED.booking_channel),
         start_at = EXCLUDED.start_at,
         local_date = EXCLUDED.local_date`,
      [
        e.orgid,
        `${d.sourceSystem}:${d.appointmentId}`,
        d.patient.enterpriseId,
        d.departmentCode,
        d.providerStaffId ?? null,
        d.start,
        outcome,
        channel,
        this.zone,
      ],
    );
    if (e.type === 'revisit.appointment.attended.v1') {
      await this.visits.visit(m, {
        key: `appointment:${d.sourceSystem}:${d.appointmentId}`,
        eventId: e.id,
        org: e.orgid,
        patient: d.patient.enterpriseId,
        kind: 'appointment',
        site: e.orgid,
        department: d.departmentCode,
        doctor: d.providerStaffId ?? null,
        disease: null,
        occurredAt: e.data.arrivedAt,
        chargeMinor: 0,
        sourceSystem: d.patient.sourceSystem ?? d.sourceSystem,
        sourceLocalId: d.patient.localId ?? null,
      });
    }
  }
}
