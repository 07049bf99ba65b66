import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OutreachChannelSchema } from '../common/outreach-channel';
import {
  Code,
  EnterprisePatientId,
  OffsetDateTime,
  OrganisationId,
  PositiveInteger,
  RevisitId,
  StaffId,
} from '../schema-kit';

const AnswerSchema = Type.Union(
  [
    Type.String({ maxLength: 64, description: 'Option code of a single-choice question.' }),
    Type.Array(Type.String({ maxLength: 64 }), { description: 'Option codes of a multiple-choice question.' }),
    Type.Number({ description: 'A numeric answer (scale, measurement).' }),
    Type.Boolean({ description: 'A yes/no answer.' }),
  ],
  { description: 'One answer: option code(s), a number or a yes/no.' },
);

export const SurveyResponseRecordedV1Schema = Type.Object(
  {
    responseId: RevisitId('Survey response id.'),
    taskId: Type.Optional(RevisitId('Follow-up task during which the survey was answered.')),
    patientEnterpriseId: EnterprisePatientId(),
    orgId: OrganisationId(),
    surveyId: Code('Survey (questionnaire or call script) id.'),
    surveyVersion: PositiveInteger('Survey version, so answers map to the right questions.'),
    channel: OutreachChannelSchema,
    departmentCode: Type.Optional(Code('Department the survey is about.')),
    aboutStaffId: Type.Optional(StaffId('Doctor or staff member the survey is about.')),
    csat: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: 'Satisfaction, 1 (very poor) to 5.' })),
    nps: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10, description: 'Likelihood to recommend, 0 to 10 (Net Promoter).' }),
    ),
    answers: Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }), AnswerSchema, {
      description: 'Answers keyed by question code.',
    }),
    freeText: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: "The patient's own comment; only where no code captures it. Never log it.",
      }),
    ),
    respondedAt: OffsetDateTime('When the answers were given.'),
  },
  { description: 'A patient answered a satisfaction survey or a scripted questionnaire.' },
);
export type SurveyResponseRecordedV1 = Static<typeof SurveyResponseRecordedV1Schema>;

export const SURVEY_RESPONSE_RECORDED_V1 = defineEvent({
  type: 'revisit.outreach.survey-response-recorded.v1',
  description: 'Survey answers (CSAT, NPS, scripted questions) were recorded.',
  schema: SurveyResponseRecordedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'outreach',
  example: {
    responseId: '0195a1d0-aaaa-7bbb-8ccc-dddd0000eeee',
    taskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-dental',
    surveyId: 'post-visit-satisfaction',
    surveyVersion: 2,
    channel: 'questionnaire',
    departmentCode: 'oral-surgery',
    aboutStaffId: 'doc-0021',
    csat: 5,
    nps: 9,
    answers: { 'pain-level': 2, 'bleeding-stopped': true, 'explained-aftercare': 'yes' },
    respondedAt: '2026-03-03T20:14:00.000+08:00',
  },
});
