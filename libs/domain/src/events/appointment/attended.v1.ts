import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { ExternalId, OffsetDateTime } from '../schema-kit';
import { APPOINTMENT_EXAMPLE, appointmentCoreProperties } from './appointment-core';

export const AppointmentAttendedV1Schema = Type.Object(
  {
    ...appointmentCoreProperties,
    arrivedAt: OffsetDateTime('When the patient checked in.'),
    encounterId: Type.Optional(ExternalId('Encounter opened for the visit, when the booking system knows it.')),
  },
  { description: 'The patient arrived for a booked appointment.' },
);
export type AppointmentAttendedV1 = Static<typeof AppointmentAttendedV1Schema>;

export const APPOINTMENT_ATTENDED_V1 = defineEvent({
  type: 'revisit.appointment.attended.v1',
  description: 'The patient attended a booked appointment (a retained visit).',
  schema: AppointmentAttendedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patient/enterpriseId',
  producer: 'ingest',
  example: {
    ...APPOINTMENT_EXAMPLE,
    arrivedAt: '2026-03-09T09:52:00.000+08:00',
    encounterId: 'OP-2026-118203',
  },
});
