/**
 * The dashboard against the real analytics service (built, in its own process) fed with known survey events
 * through the test broker: the numbers on screen are the read model's, computed by analytics itself. Sign-in
 * uses the outreach stand-in's issuer, whose keys analytics fetches over JWKS like the real issuer's.
 */
import { EVENT_CATALOGUE } from '@revisit/domain';
import { createKafkaClient, ensureTopics, headersOf, KafkaProducerAdapter, silentLogger } from '@revisit/messaging';
import { eventually, kafkaBrokers } from '@revisit/testing';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { addDays, shanghaiDate } from '../src/format/shanghai-time';
import { startAnalyticsProcess } from './support/analytics-process';
import { artifactPath, launchChromium } from './support/browser';
import { startConsole } from './support/console-under-test';
import { CONTRACT_AUDIENCE, CONTRACT_ISSUER, startStandInIssuer } from './support/stand-in-issuer';
import { surveyHistory } from './support/survey-history';

jest.setTimeout(240_000);

const SURVEY_TOPIC = 'revisit.outreach.survey-response-recorded.v1';

describe('dashboard over the real analytics service', () => {
  const org = `org-console-${process.pid}`;
  const kafka = createKafkaClient({ clientId: 'console-test', brokers: kafkaBrokers(), logger: silentLogger });
  const producer = new KafkaProducerAdapter(kafka);
  let outreach: Awaited<ReturnType<typeof startStandInIssuer>>;
  let analytics: Awaited<ReturnType<typeof startAnalyticsProcess>>;
  let web: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;

  beforeAll(async () => {
    outreach = await startStandInIssuer(org);
    // Every catalogue topic exists and a group coordinator answers before analytics subscribes: on a fresh
    // broker a consumer joining earlier crashes once, rejoins later and would start after our events.
    await ensureTopics(
      kafka,
      Object.values(EVENT_CATALOGUE).map((entry) => ({ topic: entry.topic, partitions: entry.partitions })),
    );
    const admin = kafka.admin();
    await admin.connect();
    await eventually(() => admin.fetchOffsets({ groupId: `console-test-${process.pid}`, topics: [SURVEY_TOPIC] }), {
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    await admin.disconnect();
    analytics = await startAnalyticsProcess({
      issuer: CONTRACT_ISSUER,
      audience: CONTRACT_AUDIENCE,
      jwksUrl: `${outreach.url}/.well-known/jwks.json`,
    });
    web = await startConsole({ outreach: outreach.url, analytics: analytics.url });
    await producer.connect();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await producer.disconnect();
    await web?.close();
    await analytics?.stop();
    await outreach?.close();
  });

  async function supervisorToken(): Promise<string> {
    const response = await fetch(`${outreach.url}/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=zhang.supervisor&password=Zhuguan%232026',
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }

  const metricValue = (page: Page, id: string): Locator =>
    page.locator(`[data-metric="${id}"] [data-testid="metric-value"]`);

  it('shows the NPS and CSAT analytics computed from the events, overall and per department', async () => {
    const events = surveyHistory(org);
    await eventually(
      () =>
        producer.send(
          events.map((e) => ({ topic: e.type, key: e.subject, value: JSON.stringify(e), headers: headersOf(e) })),
        ),
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    // Wait until the read model holds all nine answers, through the same API the console calls.
    const token = await supervisorToken();
    const today = shanghaiDate(new Date());
    const query = `org=${org}&from=${addDays(today, -29)}&to=${today}`;
    await eventually(
      async () => {
        const response = await fetch(`${analytics.url}/v1/metrics/net-promoter-score?${query}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await response.json()) as { groups?: { value: number | null }[] };
        expect({ status: response.status, value: body.groups?.[0]?.value?.toFixed(6) }).toEqual({
          status: 200,
          value: ((100 * (4 - 3)) / 9).toFixed(6),
        });
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );

    const page = await browser.newPage({ viewport: { width: 1400, height: 1200 }, locale: 'zh-CN' });
    await page.goto(web.url);
    await page.getByLabel('用户名').fill('zhang.supervisor');
    await page.getByLabel('密码').fill('Zhuguan#2026');
    await page.getByRole('button', { name: '登录' }).click();

    await expectText(metricValue(page, 'net-promoter-score'), '+11.1');
    await expectText(metricValue(page, 'customer-satisfaction'), '66.7%');

    await page.getByLabel('科室', { exact: true }).fill('cardiology');
    await page.getByLabel('科室', { exact: true }).press('Enter');
    await expectText(metricValue(page, 'net-promoter-score'), '+40.0');
    await expectText(metricValue(page, 'customer-satisfaction'), '60.0%');

    await page.getByLabel('科室', { exact: true }).fill('stomatology');
    await page.getByLabel('科室', { exact: true }).press('Enter');
    await expectText(metricValue(page, 'net-promoter-score'), '-25.0');
    await expectText(metricValue(page, 'customer-satisfaction'), '75.0%');

    await page.getByLabel('科室', { exact: true }).fill('');
    await page.getByLabel('科室', { exact: true }).press('Enter');
    await page.locator('select[name="groupBy"]').selectOption('department');
    await page.locator('[data-metric="net-promoter-score"] .chart svg').waitFor();
    await expectText(metricValue(page, 'net-promoter-score'), '+11.1');
    await page.screenshot({ path: artifactPath('dashboard-live-analytics.png'), fullPage: true });
    await page.close();
  });
});

async function expectText(locator: Locator, expected: string): Promise<void> {
  await eventually(async () => expect(await locator.first().innerText({ timeout: 2_000 })).toContain(expected), {
    timeoutMs: 30_000,
  });
}
