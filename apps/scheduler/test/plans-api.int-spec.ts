import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { listRouteAccess } from '@revisit/platform';
import { eventually, testDatabaseUrl, TestIssuer } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { PATIENT_EVENT_SUBSCRIPTIONS } from '../src/consumers/patient-events.consumer';
import { announcedEvents } from './support/announced-events';
import { type PatientRecord, valsartanDispensed } from './support/clinical-events';
import { KafkaProbe } from './support/kafka-probe';
import { createScratchDatabase, dropScratchDatabase, startScheduler } from './support/scheduler-instance';

jest.setTimeout(180_000);

const ORG = 'org-demo-pharmacy';
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
const BUILTIN = readFileSync(path.join(__dirname, '../src/plans/templates/pharmacy-chronic.yaml'), 'utf8');
/** The org's own pharmacy plan: the first call after 14 days instead of 7. */
const VERSION_2 = BUILTIN.replace('version: 1', 'version: 2')
  .replace('org: default', `org: ${ORG}`)
  .replace('firstAfterDays: 7', 'firstAfterDays: 14');

describe('plans API per organisation (real broker and database)', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `scheduler_plans_${process.pid}`;
  let db: DataSource;
  let scheduler: { app: INestApplication; url: string } | undefined;
  const probe = new KafkaProbe();
  const issuer = new TestIssuer();
  /** tokens of the org's admin and agent, and of another clinic's admin */
  let admin: string;
  let agent: string;
  let otherAdmin: string;

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(baseUrl, dbName);
    await issuer.start();
    admin = await issuer.token([ORG], ['admin'], 'staff-admin-1');
    agent = await issuer.token([ORG], ['agent']);
    otherAdmin = await issuer.token(['org-other-clinic'], ['admin']);
    await probe.start(['revisit.followup.task-created.v1'], [...PATIENT_EVENT_SUBSCRIPTIONS]);
    scheduler = await startScheduler(databaseUrl, issuer.issuer);
    db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
  });

  afterAll(async () => {
    await scheduler?.app.close();
    await probe.stop();
    await issuer.stop();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  function call(method: string, route: string, body?: unknown, token: string | null = admin): Promise<Response> {
    return fetch(`${scheduler!.url}${route}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function codeOf(response: Response): Promise<[number, string]> {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return [response.status, ((await response.json()) as { code: string }).code];
  }

  async function liveTasks(patient: string): Promise<{ step_id: string; due: string }[]> {
    return db.query(
      `SELECT step_id, derived->>'due' AS due FROM scheduler.follow_up_task
        WHERE patient_id = $1 AND status = 'pending' ORDER BY due_at`,
      [patient],
    );
  }

  it('every route declares who may call it', () => {
    expect(listRouteAccess(scheduler!.app).filter((route) => route.access === undefined)).toEqual([]);
  });

  it('takes the organisation from the staff token and lets only admins and supervisors change plans', async () => {
    expect(await codeOf(await call('GET', '/v1/plans', undefined, null))).toEqual([401, 'auth.missing-token']);
    const forged = `${agent.slice(0, -4)}AAAA`;
    expect(await codeOf(await call('GET', '/v1/plans', undefined, forged))).toEqual([401, 'auth.invalid-token']);
    expect((await call('GET', '/v1/plans', undefined, agent)).status).toBe(200);
    expect(await codeOf(await call('POST', '/v1/plans', { yaml: VERSION_2 }, agent))).toEqual([403, 'auth.forbidden']);
    const supervisorOfTwo = await issuer.token([ORG, 'org-other-clinic'], ['supervisor']);
    expect(await codeOf(await call('GET', '/v1/plans', undefined, supervisorOfTwo))).toEqual([
      400,
      'access.org-required',
    ]);
    expect((await call('GET', `/v1/plans?org=${ORG}`, undefined, supervisorOfTwo)).status).toBe(200);
    expect(await codeOf(await call('GET', '/v1/plans?org=org-elsewhere', undefined, supervisorOfTwo))).toEqual([
      403,
      'access.other-organisation',
    ]);
  });

  it('rejects an invalid plan with every problem and its line number', async () => {
    const broken = VERSION_2.replace("offset: 'P{firstAfterDays}D'", "offset: 'P{firstAfterWeeks}D'").replace(
      'anchor: supply-run-out',
      'anchor: run-out',
    );
    const response = await call('POST', '/v1/plans', { yaml: broken });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { code: string; errors: { field: string; message: string }[] };
    expect(problem.code).toBe('plans.invalid');
    const anchorLine = broken.split('\n').findIndex((line) => line.includes('anchor: run-out')) + 1;
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message: expect.stringMatching(new RegExp(`^plan\\.yaml:${anchorLine}:\\d+ plan\\.schema-violation `)),
        }),
      ]),
    );
  });

  it('stores versions per organisation, lists them, and refuses a version that is not newer', async () => {
    const created = await call('POST', '/v1/plans', { yaml: VERSION_2 });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 'pharmacy-chronic', version: 2 });
    expect((await call('POST', '/v1/plans', { yaml: VERSION_2 })).status).toBe(409);
    const foreign = await call('POST', '/v1/plans', { yaml: VERSION_2 }, otherAdmin);
    expect(((await foreign.json()) as { code: string }).code).toBe('plans.org-mismatch');

    const listing = (await (await call('GET', '/v1/plans')).json()) as {
      plans: { id: string; latestVersion: number; activeVersion: number | null }[];
    };
    expect(listing.plans.map(({ id, latestVersion, activeVersion }) => ({ id, latestVersion, activeVersion }))).toEqual(
      [{ id: 'pharmacy-chronic', latestVersion: 2, activeVersion: null }],
    );
    expect(((await (await call('GET', '/v1/plans', undefined, otherAdmin)).json()) as { plans: [] }).plans).toEqual([]);
    const one = (await (await call('GET', '/v1/plans/pharmacy-chronic')).json()) as {
      versions: { version: number; yaml: string }[];
    };
    expect(one.versions.map((v) => [v.version, v.yaml])).toEqual([[2, VERSION_2]]);
    expect((await call('GET', '/v1/plans/no-such-plan')).status).toBe(404);
  });

  it('previews a stored plan on catalogue events, as the CLI prints it', async () => {
    const patient: PatientRecord = { enterpriseId: `EPV${run}`, localId: `M-V-${run}` };
    const response = await call('POST', '/v1/plans/preview', {
      planId: 'pharmacy-chronic',
      events: [valsartanDispensed(ORG, patient, `SO-V-${run}`, '2027-03-02T10:12:00.000+08:00')],
      now: '2027-03-01T00:00:00+08:00',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tasks: { due: string; plan: string; step: string; channel: string }[] };
    // The stored version 2 (not yet active) is the newest the org has: first call after 14 days.
    expect(body.tasks.map(({ due, plan, step, channel }) => ({ due, plan, step, channel }))).toEqual([
      { due: '2027-03-16T10:30:00+08:00', plan: 'pharmacy-chronic', step: 'first', channel: 'phone' },
      { due: '2027-04-01T10:30:00+08:00', plan: 'pharmacy-chronic', step: 'while-taking', channel: 'phone' },
      { due: '2027-04-24T10:30:00+08:00', plan: 'pharmacy-chronic', step: 'before-run-out', channel: 'phone' },
    ]);
    const empty = await call('POST', '/v1/plans/preview', { planId: 'pharmacy-chronic' });
    expect(((await empty.json()) as { code: string }).code).toBe('plans.preview-input-missing');
  });

  it("activating a version re-derives the org's patients with it", async () => {
    const patient: PatientRecord = { enterpriseId: `EPA${run}`, localId: `M-A-${run}` };
    await probe.publish(valsartanDispensed(ORG, patient, `SO-A-${run}`, '2027-03-02T10:12:00.000+08:00'));
    await eventually(
      async () =>
        expect(await liveTasks(patient.enterpriseId)).toEqual([
          { step_id: 'first', due: '2027-03-09T10:30:00+08:00' },
          { step_id: 'while-taking', due: '2027-04-01T10:30:00+08:00' },
          { step_id: 'before-run-out', due: '2027-04-24T10:30:00+08:00' },
        ]),
      { timeoutMs: 60_000 },
    );
    const activated = await call('POST', '/v1/plans/pharmacy-chronic/versions/2/activate');
    expect(activated.status).toBe(200);
    expect(await activated.json()).toEqual({ planId: 'pharmacy-chronic', version: 2, patientsRederived: 1 });
    expect(await liveTasks(patient.enterpriseId)).toEqual([
      { step_id: 'first', due: '2027-03-16T10:30:00+08:00' },
      { step_id: 'while-taking', due: '2027-04-01T10:30:00+08:00' },
      { step_id: 'before-run-out', due: '2027-04-24T10:30:00+08:00' },
    ]);
    const cancelled = await announcedEvents(db, 'revisit.followup.task-cancelled.v1', patient.enterpriseId);
    expect(cancelled.map((event) => (event.data as { reason: string }).reason)).toEqual([
      'superseded',
      'superseded',
      'superseded',
    ]);
    expect((await call('POST', '/v1/plans/pharmacy-chronic/versions/9/activate')).status).toBe(404);
  });

  it('keeps every roster version with who stored it; agents read it, only admins and supervisors change it', async () => {
    const roster = {
      agents: [
        {
          staffId: 'staff-li',
          shifts: [{ days: ['mon', 'tue'], start: '08:00', end: '12:00', capacityPerSlot: 4 }],
        },
      ],
    };
    expect(await codeOf(await call('GET', '/v1/roster'))).toEqual([404, 'roster.not-found']);
    expect(await codeOf(await call('PUT', '/v1/roster', roster, agent))).toEqual([403, 'auth.forbidden']);
    const invalid = await call('PUT', '/v1/roster', {
      timezone: 'Mars/Olympus',
      agents: [...roster.agents, { ...roster.agents[0], shifts: [{ ...roster.agents[0]!.shifts[0], end: '08:00' }] }],
    });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      '/timezone',
      '/agents/1/staffId',
      '/agents/1/shifts/0',
    ]);
    const malformed = await call('PUT', '/v1/roster', { agents: [{ staffId: 'x', shifts: [{ days: ['monday'] }] }] });
    expect(await codeOf(malformed)).toEqual([400, 'request.invalid']);

    expect((await call('PUT', '/v1/roster', roster)).status).toBe(200);
    const second = { agents: [{ ...roster.agents[0], queues: ['follow-up'] }] };
    expect(await (await call('PUT', '/v1/roster', second)).json()).toMatchObject({
      orgId: ORG,
      version: 2,
      changedBy: 'staff-admin-1',
    });
    expect(await (await call('GET', '/v1/roster', undefined, agent)).json()).toMatchObject({
      version: 2,
      roster: second,
    });
    const versions = (await (await call('GET', '/v1/roster/versions')).json()) as { versions: { version: number }[] };
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await call('GET', '/v1/roster', undefined, otherAdmin)).status).toBe(404);
  });
});
