/**
 * The dashboard in Debian's Chromium, through the console's production server, against a stand-in analytics
 * API serving a known data set (see apps/console/README.md) and a stand-in token issuer: sign in, the numbers
 * for that data set, a filter change, drill-down. The workbench runs against the real outreach service in
 * console-workbench-live.int-spec.ts, the dashboard against real analytics in console-live-analytics.int-spec.ts.
 */
import { type Browser, type Locator, type Page } from 'playwright-core';
import { eventually } from '@revisit/testing';
import { artifactPath, launchChromium } from './support/browser';
import { startContractAnalytics } from './support/contract-analytics';
import { startStandInIssuer } from './support/stand-in-issuer';
import { startConsole } from './support/console-under-test';

describe('web console in Chromium', () => {
  let outreach: Awaited<ReturnType<typeof startStandInIssuer>>;
  let analytics: Awaited<ReturnType<typeof startContractAnalytics>>;
  let web: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;

  beforeAll(async () => {
    outreach = await startStandInIssuer();
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
});

/** Polls a locator until its text contains `expected` (the page renders asynchronously), never sleeping. */
async function expectText(locator: Locator, expected: string): Promise<void> {
  await eventually(async () => expect(await locator.first().innerText({ timeout: 2_000 })).toContain(expected), {
    timeoutMs: 20_000,
  });
}
