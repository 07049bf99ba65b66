import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OutreachChannelSchema } from '../common/outreach-channel';
import {
  EnterprisePatientId,
  ExternalId,
  NonNegativeInteger,
  OffsetDateTime,
  OrganisationId,
  PositiveInteger,
  RevisitId,
  StaffId,
  StringEnum,
} from '../schema-kit';

export const ATTEMPT_DISPOSITIONS = [
  'answered',
  'no-answer',
  'busy',
  'unreachable',
  'wrong-number',
  'line-fault',
  'refused',
  'do-not-contact',
  'moved-away',
  'deceased',
  'changed-therapy',
] as const;

export const OutreachAttemptRecordedV1Schema = Type.Object(
  {
    attemptId: RevisitId('Attempt id.'),
    taskId: RevisitId('Follow-up task the attempt belongs to.'),
    patientEnterpriseId: EnterprisePatientId(),
    orgId: OrganisationId(),
    attemptNo: PositiveInteger('1 for the first attempt of the task, then 2, 3, ...'),
    channel: OutreachChannelSchema,
    disposition: StringEnum(ATTEMPT_DISPOSITIONS, {
      description:
        'Result: `answered`; `no-answer` (over 5 rings / 20 s); `busy`; `unreachable` (switched off, out of ' +
        'service area); `wrong-number`; `line-fault` (our line); `refused` (does not want follow-up); ' +
        '`do-not-contact`; `moved-away`; `deceased`; `changed-therapy`.',
    }),
    agentStaffId: Type.Optional(StaffId('Call-centre agent, for `phone-agent` attempts; measures agent workload.')),
    startedAt: OffsetDateTime('When dialling or sending started.'),
    endedAt: Type.Optional(OffsetDateTime('When the call ended or the message was delivered.')),
    talkSeconds: NonNegativeInteger('Seconds of conversation; 0 when not answered or not a call.'),
    recordingRef: Type.Optional(
      ExternalId('Reference of the call recording in the recording store (not a public URL).'),
    ),
  },
  { description: 'One try to reach a patient for a follow-up task.' },
);
export type OutreachAttemptRecordedV1 = Static<typeof OutreachAttemptRecordedV1Schema>;

export const OUTREACH_ATTEMPT_RECORDED_V1 = defineEvent({
  type: 'revisit.outreach.attempt-recorded.v1',
  description: 'An outreach attempt (call, SMS, WeChat, questionnaire) finished with a disposition.',
  schema: OutreachAttemptRecordedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'outreach',
  example: {
    attemptId: '0195a1c0-1111-7222-8333-444455556666',
    taskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-dental',
    attemptNo: 1,
    channel: 'phone-agent',
    disposition: 'no-answer',
    agentStaffId: 'staff-0007',
    startedAt: '2026-03-02T12:00:05.000+08:00',
    endedAt: '2026-03-02T12:00:25.000+08:00',
    talkSeconds: 0,
  },
});
