import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { Code, OffsetDateTime, StringEnum } from '../schema-kit';
import { APPOINTMENT_EXAMPLE, appointmentCoreProperties } from './appointment-core';

export const AppointmentCancelledV1Schema = Type.Object(
  {
    ...appointmentCoreProperties,
    cancelledBy: StringEnum(['patient', 'provider', 'system'], { description: 'Who cancelled.' }),
    reasonCode: Type.Optional(Code('Cancellation reason code from the booking system.')),
    cancelledAt: OffsetDateTime('When the appointment was cancelled.'),
  },
  { description: 'An appointment was cancelled before its start.' },
);
export type AppointmentCancelledV1 = Static<typeof AppointmentCancelledV1Schema>;

export const APPOINTMENT_CANCELLED_V1 = defineEvent({
  type: 'revisit.appointment.cancelled.v1',
  description: 'An appointment was cancelled; its reminders are withdrawn.',
  schema: AppointmentCancelledV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patient/enterpriseId',
  producer: 'ingest',
  example: {
    ...APPOINTMENT_EXAMPLE,
    cancelledBy: 'patient',
    reasonCode: 'schedule-conflict',
    cancelledAt: '2026-03-08T18:00:00.000+08:00',
  },
});
