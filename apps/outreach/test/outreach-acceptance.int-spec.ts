import { type AnyEventEnvelope, EVENT_CATALOGUE, newEvent } from '@revisit/domain';
import { eventually, testDatabaseUrl, uniqueTopicPrefix } from '@revisit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PATIENT_EVENT_SUBSCRIPTIONS } from '../src/patients/patient-events.consumer';
import { TASK_EVENT_SUBSCRIPTIONS } from '../src/tasks/task-events.consumer';
import { FakeAlibabaSms } from '@revisit/provider-fakes';
import { KafkaProbe } from './support/kafka-probe';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';
import { bearer, signIn } from './support/users';

jest.setTimeout(300_000);

const ORG = 'org-demo-tcm';
const OTHER_ORG = 'org-other-clinic';
const MOBILE = '+8613812345678';
const NOTICE_TEMPLATE = 'SMS_465320077';
const OUT_TOPICS = [
  'revisit.outreach.attempt-recorded.v1',
  'revisit.followup.task-completed.v1',
  'revisit.outreach.survey-response-recorded.v1',
  'revisit.outreach.contact-preference-changed.v1',
];
const REGISTERED = EVENT_CATALOGUE['revisit.patient.registered.v1'].example;
const DUE = EVENT_CATALOGUE['revisit.followup.task-due.v1'].example;
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();

function registered(patient: string, org = ORG, deceased = false): AnyEventEnvelope {
  const type = deceased ? 'revisit.patient.updated.v1' : 'revisit.patient.registered.v1';
  const demographics = {
    ...REGISTERED.demographics,
    phones: [{ number: MOBILE, kind: 'mobile' as const, use: 'primary' as const }],
    deceased,
  };
  return deceased
    ? newEvent('revisit.patient.updated.v1', {
        source: 'revisit/ingest',
        subject: patient,
        orgid: org,
        data: {
          enterpriseId: patient,
          source: REGISTERED.source,
          demographics,
          changedFields: ['deceased'],
          updatedAt: new Date().toISOString(),
        },
      })
    : newEvent(type as 'revisit.patient.registered.v1', {
        source: 'revisit/ingest',
        subject: patient,
        orgid: org,
        data: { ...REGISTERED, enterpriseId: patient, demographics },
      });
}

function due(taskId: string, patient: string, org = ORG): AnyEventEnvelope {
  return newEvent('revisit.followup.task-due.v1', {
    source: 'revisit/scheduler',
    subject: patient,
    orgid: org,
    data: {
      ...DUE,
      taskId,
      patientEnterpriseId: patient,
      orgId: org,
      purpose: 'post-procedure-check',
      callSlot: '16:00',
      channelLadder: ['phone-agent', 'sms'],
      assigneeStaffId: undefined,
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    },
  });
}

describe('outreach acceptance on the real broker, PostgreSQL and Redis', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_accept_${process.pid}`;
  const probe = new KafkaProbe();
  let fake: FakeAlibabaSms;
  let instance: OutreachInstance;
  let db: DataSource;
  let agent: string;
  let agent2: string;
  let supervisor: string;
  let auditor: string;
  let admin: string;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    fake = await FakeAlibabaSms.start({
      accessKeys: { LTAI5tOutreachTest: 'outreach-test-secret' },
      signNames: ['回访中心'],
      templates: { [NOTICE_TEMPLATE]: ['purpose', 'time'] },
    });
    await probe.start(OUT_TOPICS, [...TASK_EVENT_SUBSCRIPTIONS, ...PATIENT_EVENT_SUBSCRIPTIONS]);
    instance = await startOutreach(url, {
      SMS_PROVIDER: 'alibaba',
      ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI5tOutreachTest',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'outreach-test-secret',
      ALIYUN_SMS_SIGN_NAME: '回访中心',
      ALIYUN_SMS_ENDPOINT: fake.baseUrl,
      SMS_NOTICE_TEMPLATE: NOTICE_TEMPLATE,
      OUTREACH_TIMER_INTERVAL_MS: '200',
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('accept'),
      // Quiet hours off: the test must pass at any hour of the day.
      QUIET_HOURS_FROM: '00:00',
      QUIET_HOURS_TO: '00:00',
    });
    db = await new DataSource({ type: 'postgres', url }).initialize();
    const user = (username: string, roles: ('agent' | 'supervisor' | 'auditor' | 'admin')[], staffId?: string) =>
      signIn(db, instance.url, { username, roles, orgIds: [ORG], ...(staffId ? { staffId } : {}) });
    [agent, agent2, supervisor, auditor, admin] = await Promise.all([
      user('agent.li', ['agent'], 'staff-0101'),
      user('agent.wu', ['agent'], 'staff-0102'),
      user('lead.chen', ['supervisor'], 'staff-0001'),
      user('qa.zhou', ['auditor']),
      user('it.admin', ['admin']),
    ]);
  });

  afterAll(async () => {
    await instance?.app.close();
    await probe.stop();
    await fake?.close();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  const api = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${instance.url}${path}`, {
      method,
      headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function openTask(patient: string, org = ORG): Promise<string> {
    const taskId = randomUUID();
    await probe.publish(registered(patient, org), due(taskId, patient, org));
    await eventually(
      async () => {
        const rows: { status: string }[] = await db.query(
          `SELECT t.status FROM outreach.task t JOIN outreach.patient p USING (org_id, patient_id) WHERE t.id = $1`,
          [taskId],
        );
        expect(rows[0]?.status).toBe('open');
      },
      { timeoutMs: 90_000 },
    );
    return taskId;
  }

  /** The next attempt's timer has run out (time passing, without sleeping). */
  const timerRunsOut = (taskId: string) =>
    db.query(`UPDATE outreach.task SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [taskId]);

  const call = (taskId: string, disposition: string, token = agent) => {
    const startedAt = new Date(Date.now() - 25_000).toISOString();
    return api(token, 'POST', `/v1/tasks/${taskId}/attempts`, {
      disposition,
      startedAt,
      endedAt: new Date().toISOString(),
      talkSeconds: disposition === 'answered' ? 180 : 0,
    });
  };

  it('due task -> three misses -> SMS notice via Alibaba Cloud -> answered -> completed with a survey', async () => {
    const patient = `EPX${run}A`;
    const taskId = await openTask(patient);

    const list = (await (await api(agent, 'GET', '/v1/worklist')).json()) as { tasks: { id: string; phone: string }[] };
    expect(list.tasks.find((task) => task.id === taskId)?.phone).toBe('138****5678');

    for (let miss = 1; miss <= 3; miss += 1) {
      if (miss > 1) await timerRunsOut(taskId);
      expect((await api(agent, 'POST', `/v1/tasks/${taskId}/claim`)).status).toBe(200);
      const attempt = await call(taskId, 'no-answer');
      expect(attempt.status).toBe(201);
      expect(await attempt.json()).toMatchObject({ effect: miss < 3 ? 'retry' : 'notice-then-retry' });
    }
    await eventually(() => expect(fake.sent).toHaveLength(1), { timeoutMs: 30_000 });
    expect(fake.sent[0]).toMatchObject({
      phoneNumber: '13812345678',
      templateCode: NOTICE_TEMPLATE,
      params: { purpose: '术后回访', time: expect.stringMatching(/^\d{1,2}月\d{1,2}日 16:00$/) },
    });

    await timerRunsOut(taskId);
    expect((await api(agent, 'POST', `/v1/tasks/${taskId}/claim`)).status).toBe(200);
    expect((await call(taskId, 'answered')).status).toBe(201);
    const done = await api(agent, 'POST', `/v1/tasks/${taskId}/complete`, {
      returnVisitBooked: true,
      survey: {
        surveyId: 'tcm-first-call',
        surveyVersion: 1,
        csat: 5,
        nps: 9,
        answers: { 'taking-as-prescribed': true },
      },
    });
    expect(done.status).toBe(200);
    await eventually(async () => {
      const pending: { n: number }[] = await db.query(
        'SELECT count(*)::int AS n FROM outreach.outbox WHERE published_at IS NULL',
      );
      expect(pending[0]?.n).toBe(0);
    });

    await eventually(
      () => {
        expect(
          probe
            .of<{ channel: string; disposition: string }>(patient, 'revisit.outreach.attempt-recorded.v1')
            .map((a) => `${a.channel}:${a.disposition}`),
        ).toEqual([
          'phone-agent:no-answer',
          'phone-agent:no-answer',
          'phone-agent:no-answer',
          'sms:no-answer',
          'phone-agent:answered',
        ]);
        expect(probe.of(patient, 'revisit.followup.task-completed.v1')).toEqual([
          expect.objectContaining({
            taskId,
            outcome: 'reached',
            attempts: 5,
            returnVisitBooked: true,
            completedByStaffId: 'staff-0101',
          }),
        ]);
        expect(probe.of(patient, 'revisit.outreach.survey-response-recorded.v1')).toEqual([
          expect.objectContaining({ taskId, csat: 5, nps: 9, answers: { 'taking-as-prescribed': true } }),
        ]);
      },
      { timeoutMs: 90_000 },
    );
  });

  it('two agents racing to claim one task: exactly one wins', async () => {
    const taskId = await openTask(`EPX${run}B`);
    const statuses = await Promise.all(
      [agent, agent2].map((t) => api(t, 'POST', `/v1/tasks/${taskId}/claim`).then((r) => r.status)),
    );
    expect(statuses.sort()).toEqual([200, 409]);
  });

  it('an agent refusal tags 不愿意接受回访; DND is published; deceased closes every open task', async () => {
    const refusing = `EPX${run}C`;
    const refusingTask = await openTask(refusing);
    await api(agent, 'POST', `/v1/tasks/${refusingTask}/claim`);
    expect((await call(refusingTask, 'refused')).status).toBe(201);

    const dnd = await api(agent, 'PUT', `/v1/patients/${refusing}/preferences`, {
      doNotDisturb: [{ from: '12:00', to: '14:30' }],
    });
    expect(dnd.status).toBe(200);

    const dying = `EPX${run}D`;
    const first = await openTask(dying);
    const second = await openTask(dying);
    await probe.publish(registered(dying, ORG, true));

    await eventually(
      () => {
        expect(probe.of(refusing, 'revisit.followup.task-completed.v1')).toEqual([
          expect.objectContaining({ taskId: refusingTask, outcome: 'refused' }),
        ]);
        expect(probe.of(refusing, 'revisit.outreach.contact-preference-changed.v1')).toEqual([
          expect.objectContaining({ doesNotWantFollowUp: true, doNotDisturb: [] }),
          expect.objectContaining({ doesNotWantFollowUp: true, doNotDisturb: [{ from: '12:00', to: '14:30' }] }),
        ]);
        expect(probe.of(dying, 'revisit.outreach.contact-preference-changed.v1')).toEqual([
          expect.objectContaining({ deceased: true, changedBy: 'system' }),
        ]);
        expect(
          probe
            .of<{ taskId: string; outcome: string }>(dying, 'revisit.followup.task-completed.v1')
            .map(({ taskId, outcome }) => ({ taskId, outcome }))
            .sort((a, b) => a.taskId.localeCompare(b.taskId)),
        ).toEqual([first, second].sort().map((taskId) => ({ taskId, outcome: 'deceased' })));
      },
      { timeoutMs: 90_000 },
    );
  });

  it("never shows another organisation's patient or task (404), and masks numbers for agents only", async () => {
    const foreign = `EPX${run}E`;
    const foreignTask = await openTask(foreign, OTHER_ORG);
    expect((await api(supervisor, 'GET', `/v1/patients/${foreign}`)).status).toBe(404);
    expect((await api(agent, 'POST', `/v1/tasks/${foreignTask}/claim`)).status).toBe(404);
    const missing = await api(agent, 'GET', `/v1/patients/EPX-NOBODY`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'worklist.patient-not-found' });

    const own = `EPX${run}F`;
    await openTask(own);
    const asAgent = (await (await api(agent, 'GET', `/v1/patients/${own}`)).json()) as { phones: { number: string }[] };
    expect(asAgent.phones[0]?.number).toBe('138****5678');
    const asSupervisor = (await (await api(supervisor, 'GET', `/v1/patients/${own}`)).json()) as {
      phones: { number: string }[];
    };
    expect(asSupervisor.phones[0]?.number).toBe(MOBILE);
    const audit: { action: string; unmasked: boolean }[] = await db.query(
      `SELECT action, unmasked FROM outreach.audit_log WHERE patient_id = $1 AND action LIKE 'patient.%' ORDER BY id`,
      [own],
    );
    expect(audit).toEqual([
      { action: 'patient.view', unmasked: false },
      { action: 'patient.phone-unmasked', unmasked: true },
    ]);
  });

  it('allows each role exactly its routes', async () => {
    const patient = `EPX${run}G`;
    const taskId = await openTask(patient);
    const probeRoute = async (token: string, method: string, path: string) =>
      (await api(token, method, path, method === 'GET' ? undefined : {})).status;
    const matrix = {
      agent: [
        await probeRoute(agent, 'GET', '/v1/worklist'),
        await probeRoute(agent, 'GET', `/v1/patients/${patient}`),
      ],
      supervisor: [
        await probeRoute(supervisor, 'GET', '/v1/worklist'),
        await probeRoute(supervisor, 'GET', `/v1/patients/${patient}`),
      ],
      auditor: [
        await probeRoute(auditor, 'GET', '/v1/worklist'),
        await probeRoute(auditor, 'GET', `/v1/patients/${patient}`),
      ],
      admin: [
        await probeRoute(admin, 'GET', '/v1/worklist'),
        await probeRoute(admin, 'GET', `/v1/patients/${patient}`),
      ],
    };
    expect(matrix).toEqual({ agent: [200, 200], supervisor: [200, 200], auditor: [403, 200], admin: [403, 403] });
    expect(await probeRoute(auditor, 'POST', `/v1/tasks/${taskId}/claim`)).toBe(403);
    expect(await probeRoute(admin, 'POST', `/v1/tasks/${taskId}/claim`)).toBe(403);
  });
});
