import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OffsetDateTime } from '../schema-kit';
import { APPOINTMENT_EXAMPLE, appointmentCoreProperties } from './appointment-core';

export const AppointmentNoShowV1Schema = Type.Object(
  {
    ...appointmentCoreProperties,
    detectedAt: OffsetDateTime('When the booking system marked the patient as not arrived.'),
  },
  { description: 'The patient did not come to a booked appointment.' },
);
export type AppointmentNoShowV1 = Static<typeof AppointmentNoShowV1Schema>;

export const APPOINTMENT_NO_SHOW_V1 = defineEvent({
  type: 'revisit.appointment.no-show.v1',
  description: 'A booked appointment was missed; during a course of treatment a call is due within 1 hour.',
  schema: AppointmentNoShowV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patient/enterpriseId',
  producer: 'ingest',
  example: {
    ...APPOINTMENT_EXAMPLE,
    detectedAt: '2026-03-09T10:15:00.000+08:00',
  },
});
