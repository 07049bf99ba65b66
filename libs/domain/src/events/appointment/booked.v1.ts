import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OffsetDateTime, StringEnum } from '../schema-kit';
import { APPOINTMENT_EXAMPLE, appointmentCoreProperties } from './appointment-core';

export const AppointmentBookedV1Schema = Type.Object(
  {
    ...appointmentCoreProperties,
    bookedAt: OffsetDateTime('When the booking was made.'),
    bookingChannel: Type.Optional(
      StringEnum(['front-desk', 'phone', 'online', 'wechat', 'follow-up-call', 'other'], {
        description: '`follow-up-call`: booked during a Revisit follow-up, which counts as a conversion.',
      }),
    ),
  },
  { description: 'An appointment was booked.' },
);
export type AppointmentBookedV1 = Static<typeof AppointmentBookedV1Schema>;

export const APPOINTMENT_BOOKED_V1 = defineEvent({
  type: 'revisit.appointment.booked.v1',
  description: 'An appointment was booked; drives reminders 1-2 days before.',
  schema: AppointmentBookedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patient/enterpriseId',
  producer: 'ingest',
  example: {
    ...APPOINTMENT_EXAMPLE,
    bookedAt: '2026-03-02T10:05:00.000+08:00',
    bookingChannel: 'follow-up-call',
  },
});
