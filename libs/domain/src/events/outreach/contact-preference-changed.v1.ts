import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import {
  CalendarDate,
  EnterprisePatientId,
  LocalTimeOfDay,
  OffsetDateTime,
  OrganisationId,
  StaffId,
  StringEnum,
} from '../schema-kit';

const ConsentSchema = (purpose: string) =>
  StringEnum(['granted', 'withdrawn', 'unknown'], { description: `Consent to be contacted for ${purpose}.` });

export const DoNotDisturbPeriodSchema = Type.Object(
  {
    from: LocalTimeOfDay('Start of the quiet time, local.'),
    to: LocalTimeOfDay('End of the quiet time, local; earlier than `from` means it runs past midnight.'),
    daysOfWeek: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday.' }), {
        minItems: 1,
        uniqueItems: true,
        description: 'Weekdays it applies to; every day when absent.',
      }),
    ),
    validFrom: Type.Optional(CalendarDate('First day it applies.')),
    validUntil: Type.Optional(CalendarDate('Last day it applies.')),
  },
  { description: 'A time the patient must not be contacted.' },
);

export const ContactPreferenceChangedV1Schema = Type.Object(
  {
    patientEnterpriseId: EnterprisePatientId(),
    orgId: OrganisationId(),
    consent: Type.Object(
      { care: ConsentSchema('care follow-up'), marketing: ConsentSchema('marketing and campaigns') },
      { description: 'Consent per purpose.' },
    ),
    doNotDisturb: Type.Array(DoNotDisturbPeriodSchema, { description: 'Personal do-not-disturb periods.' }),
    doesNotWantFollowUp: Type.Boolean({
      description: 'Tag 不愿意接受回访: the patient refused after a manual follow-up; nobody calls again.',
    }),
    movedAway: Type.Boolean({ description: "Moved out of the store's or clinic's area." }),
    deceased: Type.Boolean({ description: 'Known to have died; all outreach stops.' }),
    changedBy: StringEnum(['patient', 'staff', 'system'], { description: 'Who changed the preferences.' }),
    changedByStaffId: Type.Optional(StaffId('Staff member, when `changedBy` is `staff`.')),
    changedAt: OffsetDateTime('When the change took effect.'),
  },
  { description: "The patient's full contact preferences after a change (a snapshot, not a diff)." },
);
export type ContactPreferenceChangedV1 = Static<typeof ContactPreferenceChangedV1Schema>;

export const CONTACT_PREFERENCE_CHANGED_V1 = defineEvent({
  type: 'revisit.outreach.contact-preference-changed.v1',
  description: "A patient's consent, do-not-disturb periods or follow-up flags changed.",
  schema: ContactPreferenceChangedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'outreach',
  example: {
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-pharmacy',
    consent: { care: 'granted', marketing: 'withdrawn' },
    doNotDisturb: [
      { from: '12:00', to: '14:30' },
      { from: '21:00', to: '08:00', daysOfWeek: [6, 7] },
    ],
    doesNotWantFollowUp: false,
    movedAway: false,
    deceased: false,
    changedBy: 'staff',
    changedByStaffId: 'staff-0107',
    changedAt: '2026-03-02T12:01:00.000+08:00',
  },
});
