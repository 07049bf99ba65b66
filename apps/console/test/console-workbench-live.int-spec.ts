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
const SUPERVISOR: ConsoleUser = {
  username: 'zhang.supervisor',
  password: 'Zhuguan#2026-live',
  roles: ['supervisor'],
  staffId: 'staff-0001',
  name: '张主管',
};

describe('agent workbench over the real outreach service', () => {
  // Not the live-analytics test's tenant: its NPS must not count this test's survey (same process, same broker).
  const org = `org-console-workbench-${process.pid}`;
  const patientId = `EP${process.pid}${Date.now().toString(36)}`.toUpperCase().slice(0, 20);
  const taskId = randomUUID();
  const recordedTaskId = randomUUID();
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
    outreach = await startOutreachProcess(org, [AGENT, SUPERVISOR]);
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

  async function publishDueTask(id: string): Promise<void> {
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
        taskId: id,
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

  async function signIn(page: Page, user: ConsoleUser): Promise<void> {
    await page.goto(web.url);
    await page.getByLabel('用户名').fill(user.username);
    await page.getByLabel('密码').fill(user.password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  /** The agents' API as a softphone integrated with the CTI uses it: the attempt carries the recording. */
  async function api(user: ConsoleUser, method: string, path: string, body?: unknown): Promise<Response> {
    const token = await fetch(`${outreach.url}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: user.username, password: user.password }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    return fetch(`${outreach.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  it('lets an agent claim a due task, record the call and complete it with the survey', async () => {
    await publishDueTask(taskId);
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
    });
    await signIn(page, AGENT);
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

    const complaint = page.getByRole('form', { name: '登记投诉/反馈' });
    await complaint.getByLabel('类型').selectOption('complaint');
    await complaint.getByLabel('内容').fill('取药窗口排队时间太长');
    await complaint.getByRole('button', { name: '提交' }).click();
    await expectText(complaint, '已登记');

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

  it("lets a supervisor resolve the complaint, score a sampled call and see the agent's workload", async () => {
    // Every recorded call of this organisation is drawn for review; the agent's softphone logs one.
    expect((await api(SUPERVISOR, 'PUT', '/v1/audit/sampling', { rate: 1 })).status).toBe(200);
    await publishDueTask(recordedTaskId);
    await eventually(
      async () => expect((await api(AGENT, 'POST', `/v1/tasks/${recordedTaskId}/claim`)).status).toBe(200),
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    const ended = new Date();
    const logged = await api(AGENT, 'POST', `/v1/tasks/${recordedTaskId}/attempts`, {
      disposition: 'answered',
      startedAt: new Date(ended.getTime() - 300_000).toISOString(),
      endedAt: ended.toISOString(),
      talkSeconds: 240,
      recordingRef: 'cti://recordings/2026/0001.wav',
    });
    expect(logged.status).toBe(201);

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await signIn(page, SUPERVISOR);
    await page.getByRole('link', { name: '投诉队列' }).click();
    const queue = page.getByTestId('complaints');
    await expectText(queue, '取药窗口排队时间太长');
    await queue.getByLabel('处理结果').fill('已增开窗口并电话致歉');
    await queue.getByRole('button', { name: '登记处理结果' }).click();
    await eventually(async () => {
      const resolved = await db.query(`SELECT status, resolution_text FROM outreach.complaint WHERE org_id = $1`, [
        org,
      ]);
      expect(resolved.rows).toEqual([{ status: 'resolved', resolution_text: '已增开窗口并电话致歉' }]);
    });
    await eventually(async () => expect(await queue.locator('tbody tr').count()).toBe(0));

    await page.getByRole('link', { name: '质检抽样' }).click();
    const samples = page.getByTestId('audit-samples');
    await expectText(samples, 'cti://recordings/2026/0001.wav');
    await expectText(samples, '李坐席');
    const form = samples.getByRole('form', { name: '评分' });
    for (const [label, score] of [
      ['问候与自我介绍', '20'],
      ['核实身份', '20'],
      ['按话术执行', '18'],
      ['服务态度', '16'],
      ['记录完整', '16'],
    ] as const) {
      await form.getByLabel(label).fill(score);
    }
    await form.getByRole('button', { name: '提交评分' }).click();
    await expectText(samples.getByTestId('audit-total'), '90');

    await page.getByRole('link', { name: '团队工作量' }).click();
    const workload = page.getByTestId('workload');
    const agentRow = workload.locator('tr', { hasText: '李坐席' });
    // Two calls (the workbench one and the recorded one), one completion, the audit's 90.
    await expectText(agentRow, '90.0');
    const cells = await agentRow.locator('td').allInnerTexts();
    expect(cells[1]).toBe('2');
    expect(cells[3]).toBe('1');
    await page.screenshot({ path: artifactPath('supervisor-workload.png'), fullPage: true });
    await page.close();
  });
});

/** Polls a locator until its text contains `expected` (the page renders asynchronously), never sleeping. */
async function expectText(locator: Locator, expected: string): Promise<void> {
  await eventually(async () => expect(await locator.first().innerText({ timeout: 2_000 })).toContain(expected), {
    timeoutMs: 20_000,
  });
}
