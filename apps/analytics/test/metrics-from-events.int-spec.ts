import { type INestApplication } from '@nestjs/common';
import { eventually, testDatabaseUrl, TestIssuer } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { newcombeDifference } from '../src/metrics';
import { READ_MODEL_SUBSCRIPTIONS } from '../src/read-models/read-model.consumer';
import { createScratchDatabase, dropScratchDatabase, startAnalytics } from './support/analytics-instance';
import { EventFeed } from './support/event-feed';
import { knownHistory, reannounced } from './support/known-history';

jest.setTimeout(180_000);

const run = `${process.pid}${Date.now().toString(36)}`;
const PERIOD = 'from=2027-01-01&to=2027-03-31&asOf=2027-04-01T00:00:00%2B08:00';

interface MetricBody {
  groups: { key: string | null; value: number | null; [detail: string]: unknown }[];
}

describe('analytics metrics computed from a known event history on the real broker and database', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `analytics_metrics_${process.pid}`;
  const history = knownHistory(run);
  const feed = new EventFeed();
  const issuer = new TestIssuer();
  let instance: { app: INestApplication; url: string };
  let db: DataSource;
  let supervisor: string;

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(baseUrl, dbName);
    await issuer.start();
    await feed.start(READ_MODEL_SUBSCRIPTIONS);
    instance = await startAnalytics(databaseUrl, { AUTH_ISSUER: issuer.issuer });
    db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
    supervisor = await issuer.token([history.org], ['supervisor']);
  });

  afterAll(async () => {
    await instance?.app.close();
    await feed.stop();
    await issuer.stop();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  async function metric(id: string, extra = '', token = supervisor): Promise<MetricBody> {
    const response = await fetch(`${instance.url}/v1/metrics/${id}?org=${history.org}&${PERIOD}${extra}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as MetricBody;
  }
  const value = async (id: string, extra = '') => (await metric(id, extra)).groups[0]?.value;

  /** Inbox rows of these events only: other suites publish to the same topics of the run's broker. */
  async function inboxCount(events: readonly { id: string }[]): Promise<number> {
    const rows: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM analytics.inbox WHERE event_id = ANY($1::text[])',
      [events.map((event) => event.id)],
    );
    return rows[0]?.n ?? 0;
  }

  /** Every figure the acceptance criteria name, with the parameters the hand calculation uses. */
  async function figures() {
    return {
      prr: await metric('patient-retention-rate', '&activeDays=90'),
      churn: await metric('churn-rate', '&cadenceDays=30'),
      pltv: await metric('patient-lifetime-value'),
      tbv: await metric('average-time-between-visits'),
      pdc: await metric('proportion-of-days-covered'),
      nps: await metric('net-promoter-score'),
      csat: await metric('customer-satisfaction'),
      lift: await metric('retention-lift'),
      onTime: await metric('follow-up-on-time-rate'),
      reach: await metric('reach-rate-by-channel'),
      audit: await metric('call-audit-score'),
      workload: await metric('agent-workload'),
      byDepartment: await metric('patient-retention-rate', '&activeDays=90&groupBy=department'),
    };
  }

  it('turns the events into the hand-computed PRR, churn, PLTV, time between visits, PDC, NPS and lift', async () => {
    await feed.publish(history.events);
    await eventually(async () => expect(await inboxCount(history.events)).toBe(history.events.length), {
      timeoutMs: Number(process.env['ANALYTICS_TEST_WAIT_MS'] ?? 90_000),
    });

    // PRR, activeDays 90. On the books at the start (visit 2026-10-03..12-31): A, B, D -> PS 3. At the end
    // (visit 2027-01-01..03-31): A, C, D, E, X -> PE 5; of them not on the books at the start: C, E, X -> PN 3.
    // PRR = (5 - 3) / 3.
    const prr = (await metric('patient-retention-rate', '&activeDays=90')).groups;
    expect(prr).toEqual([{ key: null, value: 2 / 3, patientsAtStart: 3, patientsAtEnd: 5, newPatients: 3 }]);

    // Churn, cadence 30 d over 90 days: A expects 3, came 2 (missed 1); B 3, 0 (3); C from 03-01: 31 d -> 1,
    // came 2 (0); D moved away 02-10: 41 d -> 1, came 1 (0); E from 01-01: 3, came 2 (1); X from 03-25: 7 d -> 0.
    // 5 missed of 11 expected.
    expect(await value('churn-rate', '&cadenceDays=30')).toBe(5 / 11);

    // PLTV over the 90-day window: revenue A 30000 + C 6000 from 2 paying patients -> APV 18000 fen.
    // Lifespans (first to last visit, whole history): A 66, C 10, D 31, E 40, X 0 -> mean 147 / 5.
    // PLTV = 18000 x (147 / 5) / 90 = 5880 fen.
    const pltv = (await metric('patient-lifetime-value')).groups[0];
    expect(pltv).toMatchObject({ averagePatientValueMinor: 18_000, averageLifespanDays: 147 / 5 });
    expect(pltv?.value).toBeCloseTo(5880, 9);

    // Gaps between visit days inside the period: A 30 (01-15 -> 02-14), C 10, E 40 -> mean 80 / 3.
    expect(await value('average-time-between-visits')).toBe(80 / 3);

    // E's valsartan (ATC C09CA03), 30 days each on 01-01 and 02-10: 60 of 90 days covered.
    expect(await value('proportion-of-days-covered')).toBe(2 / 3);
    expect(await value('proportion-of-days-covered', '&groupBy=drugClass')).toBe(2 / 3);

    // NPS answers 10, 9, 9, 7, 3: 3 promoters, 1 detractor of 5 -> 40 points. CSAT 5, 4, 3 -> 2 of 3.
    expect(await value('net-promoter-score')).toBe(40);
    expect(await value('customer-satisfaction')).toBe(2 / 3);

    // Lift: followed-up A, C, E all came back after assignment (3/3); control B did not, D did (1/2).
    const lift = (await metric('retention-lift')).groups[0];
    expect(lift?.value).toBe(0.5);
    expect(lift?.['lift']).toEqual(JSON.parse(JSON.stringify(newcombeDifference(3, 3, 1, 2, 0.95))));

    // Follow-up: task 1 completed before its deadline, task 2 two days late -> 1 of 2 on time; attempts:
    // robot 1 answered of 1, agent 1 answered of 3 -> 2 of 4 reached.
    expect(await value('follow-up-on-time-rate')).toBe(0.5);
    expect(await value('reach-rate-by-channel')).toBe(0.5);

    // Call centre: agent-7 made 3 calls (120 s talk) and completed task 2; two of the period's calls were
    // audited at 90 and 80 -> 85 (the December call's 10 belongs to December).
    expect((await metric('call-audit-score')).groups).toEqual([
      { key: null, value: 85, audited: 2, agents: [{ agent: 'agent-7', audited: 2, meanScore: 85 }] },
    ]);
    expect((await metric('agent-workload')).groups).toEqual([
      {
        key: null,
        value: 3,
        agents: [{ agent: 'agent-7', calls: 3, talkSeconds: 120, completions: 1, auditScore: 85 }],
      },
    ]);

    // By department: the dispense (E) carries none, so cardiology holds A, B, C, D, X.
    expect((await metric('patient-retention-rate', '&activeDays=90&groupBy=department')).groups).toEqual([
      { key: null, value: null, patientsAtStart: 0, patientsAtEnd: 1, newPatients: 1 },
      { key: 'cardiology', value: 2 / 3, patientsAtStart: 3, patientsAtEnd: 4, newPatients: 2 },
    ]);
  });

  it('leaves every number unchanged when the same events are redelivered or re-announced', async () => {
    const before = await figures();
    const again = reannounced(history.events);
    // Redelivery (same event ids) and re-announcement (same facts, new ids) of the whole history.
    await feed.publish([...history.events, ...again]);
    const all = [...history.events, ...again];
    await eventually(async () => expect(await inboxCount(all)).toBe(all.length), {
      timeoutMs: Number(process.env['ANALYTICS_TEST_WAIT_MS'] ?? 90_000),
    });
    expect(await figures()).toEqual(before);
  });

  it('re-keys the retired patient onto the surviving one when two records are merged', async () => {
    await feed.publish([history.merge]);
    // X's 03-25 visit now belongs to A: A's gaps are 30 and 39 days, so (30 + 39 + 10 + 40) / 4.
    await eventually(async () => expect(await value('average-time-between-visits')).toBe(119 / 4), {
      timeoutMs: 60_000,
    });
    // A now came 3 times as expected: 4 missed of 11.
    expect(await value('churn-rate', '&cadenceDays=30')).toBe(4 / 11);
  });

  it('masks patients for roles without patient rights and refuses strangers', async () => {
    const manager = await issuer.token([history.org], ['manager']);
    const asManager = await fetch(
      `${instance.url}/v1/metrics/net-promoter-score/patients?org=${history.org}&${PERIOD}`,
      { headers: { authorization: `Bearer ${manager}` } },
    );
    const masked = (await asManager.json()) as {
      masked: boolean;
      patients: { patientId: string; comments?: string[] }[];
    };
    expect(masked.masked).toBe(true);
    expect(masked.patients.map((p) => p.patientId)).not.toContain(history.id('E'));
    expect(masked.patients.every((p) => p.comments === undefined)).toBe(true);

    const asSupervisor = await fetch(
      `${instance.url}/v1/metrics/net-promoter-score/patients?org=${history.org}&${PERIOD}`,
      { headers: { authorization: `Bearer ${supervisor}` } },
    );
    const open = (await asSupervisor.json()) as { patients: { patientId: string; comments?: string[] }[] };
    expect(open.patients.find((p) => p.patientId === history.id('E'))?.comments).toEqual(['候诊时间太长']);

    const anonymous = await fetch(`${instance.url}/v1/metrics?org=${history.org}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const otherOrg = await fetch(`${instance.url}/v1/metrics/churn-rate?org=org-else&${PERIOD}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    expect(otherOrg.status).toBe(403);
  });

  it('exports a metric as CSV with Chinese headers and rejects an unknown grouping with problem+json', async () => {
    const csv = await fetch(`${instance.url}/v1/metrics/net-promoter-score?org=${history.org}&${PERIOD}&format=csv`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    // UTF-8 byte-order mark first, so spreadsheet programs on Chinese Windows read the headers right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('分组,净推荐值 (NPS),score,promoters,passives,detractors,answers');
    expect(lines[1]).toBe('全部,40,40,3,1,1,5');

    const bad = await fetch(
      `${instance.url}/v1/metrics/net-promoter-score?org=${history.org}&${PERIOD}&groupBy=disease`,
      {
        headers: { authorization: `Bearer ${supervisor}` },
      },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('analytics.dimension-not-supported');
  });
});
