import { Type } from '@sinclair/typebox';
import { CodingSchema } from '../common/coding';
import { PatientRefSchema } from '../common/patient-ref';
import { Code, ExternalId, OffsetDateTime, OrganisationId, StaffId } from '../schema-kit';

/** Fields every appointment event repeats, so each event is understandable on its own. */
export const appointmentCoreProperties = {
  appointmentId: ExternalId('Appointment id in the booking system.'),
  sourceSystem: ExternalId('Booking system code, e.g. `his-booking`, `dental-pms`.'),
  patient: PatientRefSchema,
  orgId: OrganisationId(),
  start: OffsetDateTime('Scheduled start.'),
  end: OffsetDateTime('Scheduled end.'),
  departmentCode: Code('Department code.'),
  providerStaffId: Type.Optional(StaffId('Doctor or therapist the appointment is with.')),
  serviceType: CodingSchema,
  treatmentCourseId: Type.Optional(
    ExternalId('Course of treatment this visit belongs to; a missed visit within a course is urgent (call in 1 h).'),
  ),
};

/** Shared part of the appointment examples: one synthetic dental return visit. */
export const APPOINTMENT_EXAMPLE = {
  appointmentId: 'APT-20260309-031',
  sourceSystem: 'dental-pms',
  patient: { enterpriseId: 'EP00012345', sourceSystem: 'dental-pms', localId: 'D-2231' },
  orgId: 'org-demo-dental',
  start: '2026-03-09T10:00:00.000+08:00',
  end: '2026-03-09T10:30:00.000+08:00',
  departmentCode: 'orthodontics',
  providerStaffId: 'doc-0021',
  serviceType: { system: 'urn:revisit:dental-pms:service', code: 'ORTHO-ADJ', display: '正畸复诊调整' },
  treatmentCourseId: 'TC-0192',
};
