/**
 * The agent workbench in Chromium against the real outreach service (built, in its own process, with its
 * local issuer): a due task arrives on the test broker as the scheduler would send it, and an agent signs in,
 * claims it, sees the patient, records the call and completes it with the survey. What the service stored is
 * checked in its own database, so the console and the API cannot drift apart unnoticed.
 */
import { EVENT_CATALOGUE, newEvent } from '@revisit/domain';
import { createKafkaClient, ensureTopics, headersOf, KafkaProducerAdapter, silentLogger } from '@revisit/messaging';
import { eventually, kafkaBrokers } from '@revisit/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { artifactPath, launchChromium } from './support/browser';
import { startConsole } from './support/console-under-test';
import { type ConsoleUser, startOutreachProcess } from './support/outreach-process';
import { type ServiceProcess } from './support/service-process';

jest.setTimeout(300_000);

const REGISTERED = EVENT_CATALOGUE['revisit.patient.registered.v1'].example;
const AGENT: ConsoleUser = {
  username: 'li.agent',
  password: 'Zuoxi#2026-live',
  roles: ['agent'],
  staffId: 'staff-0007',
  name: '李坐席',
};

describe('agent workbench over the real outreach service', () => {
  const org = `org-console-${process.pid}`;
  const patientId = `EP${process.pid}${Date.now().toString(36)}`.toUpperCase().slice(0, 20);
  const taskId = randomUUID();
  const kafka = createKafkaClient({
    clientId: 'console-workbench-test',
    brokers: kafkaBrokers(),
    logger: silentLogger,
  });
  const producer = new KafkaProducerAdapter(kafka);
  let outreach: ServiceProcess;
  let web: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  let db: Client;

  beforeAll(async () => {
    await ensureTopics(
      kafka,
      Object.values(EVENT_CATALOGUE).map((entry) => ({ topic: entry.topic, partitions: entry.partitions })),
    );
    outreach = await startOutreachProcess(org, [AGENT]);
    web = await startConsole({ outreach: outreach.url, analytics: outreach.url });
    db = new Client({ connectionString: outreach.databaseUrl });
    await db.connect();
    await producer.connect();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await producer.disconnect();
    await db?.end();
    await web?.close();
    await outreach?.stop();
  });

  async function publishDueTask(): Promise<void> {
    const registered = newEvent('revisit.patient.registered.v1', {
      source: 'revisit/ingest',
      subject: patientId,
      orgid: org,
      data: {
        ...REGISTERED,
        enterpriseId: patientId,
        demographics: {
          ...REGISTERED.demographics,
          names: [{ representation: 'ideographic', use: 'official', text: '刘淑芳', family: '刘', given: '淑芳' }],
          phones: [{ number: '+8613812345678', kind: 'mobile', use: 'primary' }],
        },
      },
    });
    // Due one minute ago, so it is on the worklist at once, whatever the hour.
    const due = newEvent('revisit.followup.task-due.v1', {
      source: 'revisit/scheduler',
      subject: patientId,
      orgid: org,
      data: {
        taskId,
        patientEnterpriseId: patientId,
        orgId: org,
        purpose: 'medication-adherence',
        dueAt: new Date(Date.now() - 60_000).toISOString(),
        channelLadder: ['phone-agent', 'sms'],
        priority: 'high',
      },
    });
    for (const event of [registered, due]) {
      await eventually(
        () =>
          producer.send([
            { topic: event.type, key: event.subject, value: JSON.stringify(event), headers: headersOf(event) },
          ]),
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    }
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(web.url);
    await page.getByLabel('用户名').fill(AGENT.username);
    await page.getByLabel('密码').fill(AGENT.password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  it('lets an agent claim a due task, record the call and complete it with the survey', async () => {
    await publishDueTask();
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
    });
    await signIn(page);
    // Agents work their worklist; figures and patients behind them are for supervisors.
    await expectText(page.getByRole('heading', { name: '我的工作台' }), '我的工作台');
    expect(await page.getByRole('link', { name: '经营看板' }).count()).toBe(0);

    // The task reaches outreach through Kafka; the agent refreshes the page until it is there.
    const row = page.locator(`[data-task="${taskId}"]`);
    await eventually(
      async () => {
        await page.reload();
        await row.waitFor({ timeout: 3_000 });
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    await expectText(row, '用药依从随访');
    await expectText(row, '高');
    await expectText(row, '138****5678'); // an agent never sees the full number
    await row.getByRole('button', { name: '领取' }).click();
    await expectText(row, '已领取');

    const patient = page.getByTestId('patient-360');
    await expectText(patient, '刘淑芳');
    await expectText(patient, '138****5678');

    const call = page.getByRole('form', { name: '通话结果' });
    await call.getByLabel('通话结果').selectOption('answered');
    await call.getByLabel('通话时长（秒）').fill('0');
    await call.getByLabel('备注').fill('血压稳定，按时服药');
    await call.getByRole('button', { name: '记录通话' }).click();
    await expectText(call, '通话已记录');

    const survey = page.getByRole('form', { name: '满意度调查' });
    await survey.getByLabel('推荐意愿（0-10）').selectOption('9');
    await survey.getByLabel('满意度（1-5）').selectOption('5');
    await survey.getByLabel('患者意见').fill('护士很耐心');
    await survey.getByLabel('已预约复诊').check();
    await page.screenshot({ path: artifactPath('workbench.png'), fullPage: true });
    await survey.getByRole('button', { name: '完成回访' }).click();

    await expectText(page.getByRole('status'), '回访已完成');
    await expectText(page.locator('.workbench'), '当前没有待办任务');

    const task = await db.query(`SELECT status, outcome FROM outreach.task WHERE id = $1`, [taskId]);
    expect(task.rows[0]?.status).toBe('completed');
    const attempts = await db.query(
      `SELECT channel, disposition, agent_staff_id, notes FROM outreach.attempt WHERE task_id = $1`,
      [taskId],
    );
    expect(attempts.rows).toEqual([
      { channel: 'phone-agent', disposition: 'answered', agent_staff_id: 'staff-0007', notes: '血压稳定，按时服药' },
    ]);
    const answers = await db.query(`SELECT response FROM outreach.survey_answer WHERE task_id = $1`, [taskId]);
    expect(answers.rows).toHaveLength(1);
    expect(answers.rows[0].response).toMatchObject({
      surveyId: 'post-visit-satisfaction',
      surveyVersion: 1,
      nps: 9,
      csat: 5,
      freeText: '护士很耐心',
    });
    await page.close();
  });
});

/** Polls a locator until its text contains `expected` (the page renders asynchronously), never sleeping. */
async function expectText(locator: Locator, expected: string): Promise<void> {
  await eventually(async () => expect(await locator.first().innerText({ timeout: 2_000 })).toContain(expected), {
    timeoutMs: 20_000,
  });
}
