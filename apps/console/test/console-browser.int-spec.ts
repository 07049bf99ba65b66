/**
 * The console in Debian's Chromium, through its production server, against stand-ins of the outreach and
 * analytics APIs that implement the documented contract (see apps/console/README.md): sign in, dashboard
 * numbers for a known data set, a filter change, drill-down, and an agent completing a task.
 */
import { type Browser, type Locator, type Page } from 'playwright-core';
import { eventually } from '@revisit/testing';
import { artifactPath, launchChromium } from './support/browser';
import { startContractAnalytics } from './support/contract-analytics';
import { type ContractTask, startContractOutreach } from './support/contract-outreach';
import { startConsole } from './support/console-under-test';

describe('web console in Chromium', () => {
  const tasks: ContractTask[] = [
    {
      taskId: 'task-0001',
      patientId: 'EP00012345',
      patientName: '刘*芳',
      purpose: '高血压用药随访',
      dueAt: '2026-03-02T01:00:00Z',
      priority: 1,
      channel: 'phone-agent',
      attempts: [],
    },
  ];
  let outreach: Awaited<ReturnType<typeof startContractOutreach>>;
  let analytics: Awaited<ReturnType<typeof startContractAnalytics>>;
  let web: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;

  beforeAll(async () => {
    outreach = await startContractOutreach(tasks);
    analytics = await startContractAnalytics(outreach.authorised);
    web = await startConsole({ outreach: outreach.url, analytics: analytics.url });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await analytics?.close();
    await outreach?.close();
  });

  // A browser in New York: every time on screen must still be Shanghai time, as the hospital reads it.
  const newPage = (viewport = { width: 1280, height: 800 }): Promise<Page> =>
    browser.newPage({ viewport, locale: 'zh-CN', timezoneId: 'America/New_York' });

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(web.url);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  const metricValue = (page: Page, id: string) => page.locator(`[data-metric="${id}"] [data-testid="metric-value"]`);

  it('rejects a wrong password with a message and stays on the sign-in page', async () => {
    const page = await newPage();
    await signIn(page, 'zhang.supervisor', 'wrong');
    await expectText(page.getByRole('alert'), '用户名或密码错误');
    await page.close();
  });

  it('shows the known numbers on the dashboard, with definitions, and follows a clinic filter', async () => {
    const page = await newPage({ width: 1400, height: 1000 });
    await signIn(page, 'zhang.supervisor', 'Zhuguan#2026');
    await expectText(page.getByRole('heading', { name: '经营看板' }), '经营看板');

    // Both clinics: PRR (93 - 21) / 100, NPS (9 - 6) / 20 × 100, on time 45 / 56.
    await expectText(metricValue(page, 'patient-retention-rate'), '72.0%');
    await expectText(metricValue(page, 'net-promoter-score'), '+15.0');
    await expectText(metricValue(page, 'follow-up-on-time-rate'), '80.4%');
    await expectText(
      page.locator('[data-metric="patient-retention-rate"] .definition'),
      'PRR = (期末患者数 − 新增患者数) ÷ 期初患者数',
    );

    await page.getByLabel('门店/院区', { exact: true }).fill('clinic-east');
    await page.getByLabel('门店/院区', { exact: true }).press('Enter');
    // East only: PRR (42 - 12) / 40, NPS (6 - 2) / 10 × 100, on time 18 / 20.
    await expectText(metricValue(page, 'patient-retention-rate'), '75.0%');
    await expectText(metricValue(page, 'net-promoter-score'), '+40.0');
    await expectText(metricValue(page, 'follow-up-on-time-rate'), '90.0%');
    const lastQuery = analytics.calls.filter((c) => c.path === '/v1/metrics/patient-retention-rate').at(-1)?.query;
    expect(lastQuery?.get('site')).toBe('clinic-east');
    expect(lastQuery?.get('org')).toBe('org-demo-dental');

    await page.locator('select[name="groupBy"]').selectOption('site');
    await page.locator('[data-metric="patient-retention-rate"] .chart svg').waitFor();
    await page.screenshot({ path: artifactPath('dashboard.png'), fullPage: true });

    await page.locator('[data-metric="patient-retention-rate"]').getByRole('button', { name: '查看患者' }).click();
    const drillDown = page.getByTestId('drill-down');
    await expectText(drillDown, 'EP00000001');
    expect(await drillDown.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByRole('heading', { name: 'Operations dashboard' }), 'Operations dashboard');
    await expectText(metricValue(page, 'patient-retention-rate'), '75.0%');
    await page.close();
  });

  it('lets an agent claim a task, see the patient, record the call and complete it with the survey', async () => {
    const page = await newPage({ width: 1400, height: 1000 });
    await signIn(page, 'li.agent', 'Zuoxi#2026');
    // Agents work their worklist; figures and patients behind them are for supervisors.
    expect(await page.getByRole('link', { name: '经营看板' }).count()).toBe(0);
    const row = page.locator('[data-task="task-0001"]');
    await expectText(row, '高血压用药随访');
    await expectText(row, '2026-03-02 09:00'); // 01:00 UTC shown in Shanghai time
    await row.getByRole('button', { name: '领取' }).click();

    const patient = page.getByTestId('patient-360');
    await expectText(patient, '138****5678');
    await expectText(patient, '氨氯地平片 5mg × 28');

    const call = page.getByRole('form', { name: '通话结果' });
    await call.getByLabel('通话结果').selectOption('answered');
    await call.getByLabel('通话时长（秒）').fill('185');
    await call.getByLabel('备注').fill('血压稳定，按时服药');
    await call.getByRole('button', { name: '记录通话' }).click();
    await expectText(call, '通话已记录');

    const survey = page.getByRole('form', { name: '满意度调查' });
    await survey.getByLabel('推荐意愿（0-10）').selectOption('9');
    await survey.getByLabel('满意度（1-5）').selectOption('5');
    await survey.getByLabel('患者意见').fill('护士很耐心');
    await page.screenshot({ path: artifactPath('workbench.png'), fullPage: true });
    await survey.getByRole('button', { name: '完成回访' }).click();

    await expectText(page.getByRole('status'), '回访已完成');
    await expectText(page.locator('.workbench'), '当前没有待办任务');
    const [task] = tasks;
    expect(task?.claimedBy).toBe('li.agent');
    expect(task?.attempts).toEqual([
      { channel: 'phone-agent', disposition: 'answered', talkSeconds: 185, notes: '血压稳定，按时服药' },
    ]);
    expect(task?.completion).toEqual({ survey: { nps: 9, csat: 5, comment: '护士很耐心' } });
    await page.close();
  });
});

/** Polls a locator until its text contains `expected` (the page renders asynchronously), never sleeping. */
async function expectText(locator: Locator, expected: string): Promise<void> {
  await eventually(async () => expect(await locator.first().innerText({ timeout: 2_000 })).toContain(expected), {
    timeoutMs: 20_000,
  });
}
