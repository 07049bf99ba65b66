import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { CalendarDate, Code, NonNegativeInteger, OffsetDateTime, OrganisationId, Ratio } from '../schema-kit';

const count = (what: string) => NonNegativeInteger(`Number of ${what} in the week.`);

export const WeeklyFiguresSchema = Type.Object(
  {
    tasksCreated: count('follow-up tasks created'),
    tasksCompleted: count('follow-up tasks completed'),
    tasksCancelled: count('follow-up tasks cancelled'),
    tasksOverdue: NonNegativeInteger('Tasks past due and still open at the end of the week.'),
    attempts: count('outreach attempts'),
    reachRate: Type.Optional(Ratio('Completed tasks with outcome `reached` ÷ completed tasks; absent when none.')),
    csatAverage: Type.Optional(Type.Number({ minimum: 1, maximum: 5, description: 'Mean CSAT of the week.' })),
    npsScore: Type.Optional(
      Type.Number({ minimum: -100, maximum: 100, description: 'Net Promoter Score: % promoters − % detractors.' }),
    ),
    complaintsOpened: count('complaint cases opened'),
    complaintsResolved: count('complaint cases resolved'),
    complaintSlaMetRate: Type.Optional(Ratio('Resolved cases within SLA ÷ resolved cases; absent when none.')),
    returnVisitsBooked: count('return visits booked during follow-up'),
  },
  { description: 'Figures for one week (or one department within it).' },
);

export const WeeklySummaryPublishedV1Schema = Type.Object(
  {
    orgId: OrganisationId('Organisation the summary is for; the event subject.'),
    weekStart: CalendarDate('Monday the week starts on, in `timeZone`.'),
    timeZone: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'IANA zone the week is cut in, e.g. `Asia/Shanghai`.',
    }),
    figures: WeeklyFiguresSchema,
    byDepartment: Type.Array(
      Type.Object(
        { departmentCode: Code('Department code.'), figures: WeeklyFiguresSchema },
        { description: "One department's figures." },
      ),
      { description: 'The same figures per department.' },
    ),
    publishedAt: OffsetDateTime('When the summary was computed.'),
  },
  { description: 'Weekly follow-up summary of an organisation, published every Monday for the previous week.' },
);
export type WeeklySummaryPublishedV1 = Static<typeof WeeklySummaryPublishedV1Schema>;

export const WEEKLY_SUMMARY_PUBLISHED_V1 = defineEvent({
  type: 'revisit.analytics.weekly-summary-published.v1',
  description: 'The weekly follow-up summary (Monday, previous week) of an organisation.',
  schema: WeeklySummaryPublishedV1Schema,
  aggregate: 'organisation',
  subjectPointer: '/orgId',
  producer: 'analytics',
  example: {
    orgId: 'org-demo-dental',
    weekStart: '2026-03-02',
    timeZone: 'Asia/Shanghai',
    figures: {
      tasksCreated: 212,
      tasksCompleted: 187,
      tasksCancelled: 9,
      tasksOverdue: 4,
      attempts: 301,
      reachRate: 0.86,
      csatAverage: 4.6,
      npsScore: 52,
      complaintsOpened: 3,
      complaintsResolved: 2,
      complaintSlaMetRate: 1,
      returnVisitsBooked: 41,
    },
    byDepartment: [],
    publishedAt: '2026-03-09T01:00:00.000+08:00',
  },
});
