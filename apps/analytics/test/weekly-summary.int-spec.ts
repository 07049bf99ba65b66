import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import {
  type AnyEventEnvelope,
  type EventPayloadMap,
  type EventType,
  newEvent,
  type WeeklySummaryPublishedV1,
} from '@revisit/domain';
import { eventually, testDatabaseUrl, TestIssuer } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { READ_MODEL_SUBSCRIPTIONS } from '../src/read-models/read-model.consumer';
import { addDays, latestDueWeek } from '../src/weekly-summary/week-calendar';
import { createScratchDatabase, dropScratchDatabase, startAnalytics } from './support/analytics-instance';
import { EventFeed } from './support/event-feed';

jest.setTimeout(240_000);

const ZONE = 'Asia/Shanghai';
const run = `${process.pid}${Date.now().toString(36)}`;
const org = `org-week-${run}`;
// With the run time at Monday 00:00, last week (Shanghai) is always due: that is the week the events fall in.
const week = latestDueWeek(new Date(), ZONE, '00:00');
const at = (day: number, time: string) => `${addDays(week, day)}T${time}.000+08:00`;

function event<T extends EventType>(
  type: T,
  patient: string,
  data: EventPayloadMap[T],
  time?: string,
): AnyEventEnvelope {
  return newEvent(type, {
    source: 'revisit/outreach',
    subject: patient,
    orgid: org,
    data,
    ...(time === undefined ? {} : { time: new Date(time) }),
  }) as AnyEventEnvelope;
}

/** Week: 2 tasks created (cardiology), 1 completed reached with a booking, 1 overdue; 2 attempts; NPS 10 and 5. */
function weekOfWork(): AnyEventEnvelope[] {
  const [t1, t2] = [randomUUID(), randomUUID()];
  // Created on the Monday of the week (the envelope time is when the scheduler created the task).
  const created = (taskId: string, due: string) =>
    event(
      'revisit.followup.task-created.v1',
      'EP-W1',
      {
        taskId,
        patientEnterpriseId: 'EP-W1',
        orgId: org,
        plan: { planId: 'post-visit', version: 1, stepId: 'd3' },
        triggerEventId: randomUUID(),
        purpose: 'post-visit',
        dueAt: due,
        channelLadder: ['phone-agent'],
        priority: 'normal',
      },
      at(0, '08:00:00'),
    );
  const attempt = (taskId: string, disposition: 'answered' | 'no-answer') =>
    event('revisit.outreach.attempt-recorded.v1', 'EP-W1', {
      attemptId: randomUUID(),
      taskId,
      patientEnterpriseId: 'EP-W1',
      orgId: org,
      attemptNo: 1,
      channel: 'phone-agent',
      disposition,
      agentStaffId: 'agent-1',
      startedAt: at(1, '10:00:00'),
      talkSeconds: 60,
    });
  const survey = (nps: number) =>
    event('revisit.outreach.survey-response-recorded.v1', 'EP-W1', {
      responseId: randomUUID(),
      patientEnterpriseId: 'EP-W1',
      orgId: org,
      surveyId: 'post-visit',
      surveyVersion: 1,
      channel: 'questionnaire',
      departmentCode: 'cardiology',
      nps,
      answers: {},
      respondedAt: at(2, '20:00:00'),
    });
  return [
    created(t1, at(1, '09:00:00')),
    created(t2, at(3, '09:00:00')),
    attempt(t1, 'answered'),
    attempt(t2, 'no-answer'),
    event('revisit.followup.task-completed.v1', 'EP-W1', {
      taskId: t1,
      patientEnterpriseId: 'EP-W1',
      orgId: org,
      outcome: 'reached',
      channel: 'phone-agent',
      attempts: 1,
      needsDoctorCallback: false,
      returnVisitBooked: true,
      completedByStaffId: 'agent-1',
      completedAt: at(1, '10:05:00'),
    }),
    survey(10),
    survey(5),
  ];
}

describe('weekly summary on the real broker and database', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `analytics_weekly_${process.pid}`;
  const feed = new EventFeed();
  const issuer = new TestIssuer();
  const replicas: { app: INestApplication; url: string }[] = [];
  let db: DataSource;

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(baseUrl, dbName);
    await issuer.start();
    await feed.start([...READ_MODEL_SUBSCRIPTIONS, 'revisit.analytics.weekly-summary-published.v1']);
    db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
    // The first replica runs only the consumers until the facts are in, so the summary sees all of them.
    replicas.push(
      await startAnalytics(databaseUrl, {
        AUTH_ISSUER: issuer.issuer,
        WEEKLY_SUMMARY_AT: '00:00',
        WEEKLY_SUMMARY_POLL_MS: '3600000',
      }),
    );
    const events = weekOfWork();
    await feed.publish(events);
    // Only this test's events: other suites publish to the same topics of the run's broker.
    const ids = events.map((event) => event.id);
    const inboxOfOurs = 'SELECT count(*)::int AS n FROM analytics.inbox WHERE event_id = ANY($1::text[])';
    await eventually(async () => expect((await db.query(inboxOfOurs, [ids]))[0].n).toBe(events.length), {
      timeoutMs: 90_000,
    });
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startAnalytics(databaseUrl, {
          AUTH_ISSUER: issuer.issuer,
          WEEKLY_SUMMARY_AT: '00:00',
          WEEKLY_SUMMARY_POLL_MS: '200',
        }),
      );
    }
  });

  afterAll(async () => {
    for (const replica of replicas.splice(0)) await replica.app.close();
    await feed.stop();
    await issuer.stop();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  it('produces last week once across replicas, stores it, publishes one event and serves HTML, CSV and PDF', async () => {
    await eventually(
      async () => {
        const rows: { n: number }[] = await db.query(
          `SELECT count(*)::int AS n FROM analytics.outbox
            WHERE topic = 'revisit.analytics.weekly-summary-published.v1' AND published_at IS NOT NULL
              AND payload->>'orgid' = $1`,
          [org],
        );
        expect(rows[0]?.n).toBe(1);
      },
      { timeoutMs: 60_000 },
    );
    const token = await issuer.token([org], ['manager']);
    const get = (path: string) =>
      fetch(`${replicas[1]!.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

    const summary = (await (await get(`/v1/reports/weekly/${week}?org=${org}`)).json()) as WeeklySummaryPublishedV1;
    expect(summary.weekStart).toBe(week);
    // NPS 10 and 5: one promoter, one detractor -> 0. Task 2 was due mid-week and never done -> overdue.
    expect(summary.figures).toEqual({
      tasksCreated: 2,
      tasksCompleted: 1,
      tasksCancelled: 0,
      tasksOverdue: 1,
      attempts: 2,
      reachRate: 1,
      npsScore: 0,
      complaintsOpened: 0,
      complaintsResolved: 0,
      returnVisitsBooked: 1,
    });
    expect(summary.byDepartment.map((d) => d.departmentCode)).toEqual(['cardiology']);

    const html = await (await get(`/v1/reports/weekly/${week}?org=${org}&format=html`)).text();
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('回访周报');
    const csv = await (await get(`/v1/reports/weekly/${week}?org=${org}&format=csv&lang=en`)).text();
    expect(csv.split('\r\n')[1]).toBe('Follow-up tasks created,2,0');
    const pdf = await get(`/v1/reports/weekly/${week}?org=${org}&format=pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The Chinese labels need the CJK font embedded (PDFKit subsets it as a Type0/CID font).
    expect(bytes.toString('latin1')).toMatch(/\/Subtype \/Type0/);

    const list = (await (await get(`/v1/reports/weekly?org=${org}`)).json()) as { reports: { weekStart: string }[] };
    expect(list.reports.map((r) => r.weekStart)).toEqual([week]);
  });
});
