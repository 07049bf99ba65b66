import { type AnyEventEnvelope, EVENT_CATALOGUE, newEvent } from '@revisit/domain';
import { eventually, testDatabaseUrl, uniqueTopicPrefix } from '@revisit/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OUTREACH_SUBSCRIPTIONS } from '../src/app.module';
import { FakeAlibabaSms } from '@revisit/provider-fakes';
import { KafkaProbe } from './support/kafka-probe';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';
import { bearer, signIn } from './support/users';

jest.setTimeout(300_000);

const ORG = 'org-demo-hospital';
const OTHER_ORG = 'org-other-hospital';
const PUBLIC_BASE = 'https://fu.example-hospital.cn/';
const TEMPLATE = 'SMS_QUESTIONNAIRE_LINK';
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();

function taskEvents(taskId: string, patient: string, mobile: string, org: string): AnyEventEnvelope[] {
  const registered = EVENT_CATALOGUE['revisit.patient.registered.v1'].example;
  return [
    newEvent('revisit.patient.registered.v1', {
      source: 'revisit/ingest',
      subject: patient,
      orgid: org,
      data: {
        ...registered,
        enterpriseId: patient,
        demographics: { ...registered.demographics, phones: [{ number: mobile, kind: 'mobile', use: 'primary' }] },
      },
    }),
    newEvent('revisit.followup.task-due.v1', {
      source: 'revisit/scheduler',
      subject: patient,
      orgid: org,
      data: {
        ...EVENT_CATALOGUE['revisit.followup.task-due.v1'].example,
        taskId,
        patientEnterpriseId: patient,
        orgId: org,
        purpose: 'satisfaction-survey',
        channelLadder: ['phone-agent'],
        assigneeStaffId: undefined,
        dueAt: new Date(Date.now() - 60_000).toISOString(),
      },
    }),
  ];
}

describe('questionnaire links issued by agents (real PostgreSQL, Kafka, Redis; Alibaba SMS fake)', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_qlinks_${process.pid}`;
  const probe = new KafkaProbe();
  let fake: FakeAlibabaSms;
  let instance: OutreachInstance;
  let db: DataSource;
  let agent: string;
  let auditor: string;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    fake = await FakeAlibabaSms.start({
      accessKeys: { LTAI5tLinksTest: 'links-test-secret' },
      signNames: ['回访中心'],
      templates: { [TEMPLATE]: ['purpose', 'link'] },
    });
    await probe.start([], OUTREACH_SUBSCRIPTIONS);
    instance = await startOutreach(url, {
      SMS_PROVIDER: 'alibaba',
      ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI5tLinksTest',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'links-test-secret',
      ALIYUN_SMS_SIGN_NAME: '回访中心',
      ALIYUN_SMS_ENDPOINT: fake.baseUrl,
      QUESTIONNAIRE_LINK_SECRET: 'questionnaire-link-secret-0123456789-abcdef',
      QUESTIONNAIRE_PUBLIC_BASE_URL: PUBLIC_BASE,
      QUESTIONNAIRE_LINK_TTL_HOURS: '72',
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('qlinks'),
      QUIET_HOURS_FROM: '00:00',
      QUIET_HOURS_TO: '00:00',
    });
    db = await new DataSource({ type: 'postgres', url }).initialize();
    [agent, auditor] = await Promise.all([
      signIn(db, instance.url, { username: 'agent.qin', roles: ['agent'], orgIds: [ORG], staffId: 'staff-0301' }),
      signIn(db, instance.url, { username: 'qa.fan', roles: ['auditor'], orgIds: [ORG] }),
    ]);
  });

  afterAll(async () => {
    await instance?.app.close();
    await probe.stop();
    await fake?.close();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  async function openTask(patient: string, mobile: string, org = ORG): Promise<string> {
    const taskId = randomUUID();
    await probe.publish(...taskEvents(taskId, patient, mobile, org));
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

  const issue = (taskId: string, body: unknown, token = agent) =>
    fetch(`${instance.url}/v1/tasks/${taskId}/questionnaire-links`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('issues a signed, expiring link that opens the survey page, and audits it', async () => {
    const taskId = await openTask(`EPQ${run}A`, '+8613811110001');
    const before = Date.now();
    const response = await issue(taskId, {});
    expect(response.status).toBe(201);
    const link = (await response.json()) as { url: string; expiresAt: string; questionnaireId: string };
    expect(link.url.startsWith(`${PUBLIC_BASE}q/`)).toBe(true);
    expect(link.questionnaireId).toBe('post-visit-satisfaction');
    const validForHours = (Date.parse(link.expiresAt) - before) / 3_600_000;
    expect(validForHours).toBeGreaterThan(71.9);
    expect(validForHours).toBeLessThan(72.1);
    const page = await fetch(`${instance.url}/${new URL(link.url).pathname.slice(1)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('就诊满意度回访');
    const tampered = await fetch(`${instance.url}/${new URL(link.url).pathname.slice(1).replace(/.$/, 'A')}x`);
    expect(tampered.status).toBe(403);
    const audit: { action: string; task_id: string; actor_staff_id: string }[] = await db.query(
      `SELECT action, task_id, actor_staff_id FROM outreach.audit_log WHERE task_id = $1`,
      [taskId],
    );
    expect(audit).toEqual([{ action: 'questionnaire.link-issued', task_id: taskId, actor_staff_id: 'staff-0301' }]);
    expect(fake.sent).toHaveLength(0);
  });

  it('texts the link to the patient once through the SMS provider, without showing it to the agent', async () => {
    const taskId = await openTask(`EPQ${run}B`, '+8613811110002');
    const response = await issue(taskId, { send: 'sms' });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as { url?: string; sms: { status: string } };
    expect(answer.sms).toEqual({ status: 'sent' });
    expect(answer.url).toBeUndefined();
    expect(fake.sent).toEqual([
      expect.objectContaining({
        phoneNumber: '13811110002',
        templateCode: TEMPLATE,
        params: {
          purpose: expect.any(String),
          link: expect.stringMatching(/^https:\/\/fu\.example-hospital\.cn\/q\//),
        },
      }),
    ]);
    const ledger: { status: string }[] = await db.query(`SELECT status FROM outreach.sms_send WHERE send_key LIKE $1`, [
      `questionnaire-link:${taskId}:%`,
    ]);
    expect(ledger).toEqual([{ status: 'sent' }]);
  });

  it('refuses to text a patient in a do-not-disturb period, another org, other roles and bad requests', async () => {
    const patient = `EPQ${run}C`;
    const taskId = await openTask(patient, '+8613811110003');
    const local = DateTime.now().setZone('Asia/Shanghai');
    const dnd = { from: local.minus({ hours: 1 }).toFormat('HH:mm'), to: local.plus({ hours: 1 }).toFormat('HH:mm') };
    const prefs = await fetch(`${instance.url}/v1/patients/${patient}/preferences`, {
      method: 'PUT',
      headers: { ...bearer(agent), 'content-type': 'application/json' },
      body: JSON.stringify({ doNotDisturb: [dnd] }),
    });
    expect(prefs.status).toBe(200);
    const sent = fake.sent.length;
    const quiet = await issue(taskId, { send: 'sms' });
    expect([quiet.status, ((await quiet.json()) as { code: string }).code]).toEqual([
      409,
      'questionnaire-link.contact-not-allowed',
    ]);
    expect(fake.sent).toHaveLength(sent);
    // Without sending, the agent may still read the link out on the phone.
    expect((await issue(taskId, {})).status).toBe(201);

    const foreignTask = await openTask(`EPQ${run}D`, '+8613811110004', OTHER_ORG);
    expect((await issue(foreignTask, {})).status).toBe(404);
    expect((await issue(taskId, {}, auditor)).status).toBe(403);
    const unknown = await issue(taskId, { questionnaireId: 'no-such-survey' });
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([
      404,
      'questionnaire-link.unknown-questionnaire',
    ]);
    const bad = await issue(taskId, { send: 'fax' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
