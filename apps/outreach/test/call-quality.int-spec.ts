import { testDatabaseUrl, uniqueTopicPrefix } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { isSampled } from '../src/call-audit/call-sampling';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { jsonApi, seedPatientWithTask } from './support/quality-fixtures';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';
import { signIn } from './support/users';

jest.setTimeout(180_000);

const ORG = 'org-quality-c';
const OTHER_ORG = 'org-quality-d';
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
const CRITERIA = [
  { code: 'greeting', score: 8, maxScore: 10 },
  { code: 'identity-check', score: 18, maxScore: 20 },
  { code: 'script', score: 27, maxScore: 30 },
];

describe('call audit sampling, scores and workload on PostgreSQL', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_quality_${process.pid}`;
  let instance: OutreachInstance;
  let db: DataSource;
  let api: ReturnType<typeof jsonApi>;
  let agentA: string;
  let agentB: string;
  let supervisor: string;
  let auditor: string;
  let otherAuditor: string;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    instance = await startOutreach(url, {
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('quality'),
      QUIET_HOURS_FROM: '00:00',
      QUIET_HOURS_TO: '00:00',
    });
    api = jsonApi(instance.url);
    db = await new DataSource({ type: 'postgres', url }).initialize();
    const user = (username: string, roles: ('agent' | 'supervisor' | 'auditor')[], orgIds: string[], staffId: string) =>
      signIn(db, instance.url, { username, roles, orgIds, staffId });
    [agentA, agentB, supervisor, auditor, otherAuditor] = await Promise.all([
      user('agent.qian', ['agent'], [ORG], 'staff-0201'),
      user('agent.sun', ['agent'], [ORG], 'staff-0202'),
      user('lead.zhou', ['supervisor'], [ORG], 'staff-0020'),
      user('qa.wu', ['auditor'], [ORG], 'staff-0030'),
      user('qa.other', ['auditor'], [OTHER_ORG], 'staff-0031'),
    ]);
  });

  afterAll(async () => {
    await instance?.app.close();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  /** Claims a fresh task and logs one call on it, as the agent's workbench does. */
  async function call(token: string, disposition: string, extra: Record<string, unknown> = {}) {
    const taskId = await seedPatientWithTask(db, ORG, `EPQ${run}${Math.random().toString(36).slice(2, 8)}`, '周杰');
    expect((await api(token, 'POST', `/v1/tasks/${taskId}/claim`)).status).toBe(200);
    const endedAt = new Date();
    const attempt = await api(token, 'POST', `/v1/tasks/${taskId}/attempts`, {
      disposition,
      startedAt: new Date(endedAt.getTime() - 120_000).toISOString(),
      endedAt: endedAt.toISOString(),
      talkSeconds: disposition === 'answered' ? 100 : 0,
      ...extra,
    });
    expect(attempt.status).toBe(201);
    return { taskId, attemptId: attempt.body.attemptId as string };
  }

  it("keeps sampling out of agents' reach and lets supervisors set rates per agent and per organisation", async () => {
    for (const [method, path] of [
      ['GET', '/v1/audit/sampling'],
      ['PUT', '/v1/audit/sampling/staff-0201'],
      ['GET', '/v1/audit/calls'],
    ] as const) {
      expect((await api(agentA, method, path, method === 'PUT' ? { rate: 0 } : undefined)).status).toBe(403);
    }
    expect((await api(auditor, 'PUT', '/v1/audit/sampling', { rate: 1 })).status).toBe(403);
    expect((await api(supervisor, 'GET', '/v1/audit/sampling')).body).toEqual({
      orgId: ORG,
      defaultRate: 0.05,
      agents: [],
    });
    expect((await api(supervisor, 'PUT', '/v1/audit/sampling', { rate: 0 })).status).toBe(200);
    expect((await api(supervisor, 'PUT', '/v1/audit/sampling/staff-0201', { rate: 1 })).status).toBe(200);
    // `*` names the organisation's default row, never an agent.
    expect((await api(supervisor, 'PUT', '/v1/audit/sampling/*', { rate: 1 })).status).toBe(400);
    const bad = await api(supervisor, 'PUT', '/v1/audit/sampling/staff-0201', { rate: 1.5 });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toMatch(/^application\/problem\+json/);
    expect((await api(supervisor, 'PUT', '/v1/audit/sampling/staff-0201', { rate: 1, orgId: OTHER_ORG })).status).toBe(
      404,
    );
    expect((await api(auditor, 'GET', '/v1/audit/sampling')).body).toEqual({
      orgId: ORG,
      defaultRate: 0,
      agents: [{ agentId: 'staff-0201', rate: 1, updatedBy: 'staff-0020' }],
    });
  });

  it('draws at record time for recorded agent calls only, and queues the sampled ones for auditors', async () => {
    const sampled = await call(agentA, 'answered', { recordingRef: 'rec/a-1.wav' });
    const notSampled = await call(agentB, 'answered', { recordingRef: 'rec/b-1.wav' });
    const unrecorded = await call(agentA, 'no-answer');
    const draws: { attempt_id: string; rate: string; draw: number; sampled: boolean }[] = await db.query(
      `SELECT attempt_id, rate, draw, sampled FROM outreach.call_audit WHERE attempt_id = ANY($1)`,
      [[sampled.attemptId, notSampled.attemptId, unrecorded.attemptId]],
    );
    const byAttempt = new Map(draws.map((d) => [d.attempt_id, d]));
    expect(byAttempt.get(sampled.attemptId)).toMatchObject({ rate: '1.0000', sampled: true });
    expect(byAttempt.get(notSampled.attemptId)).toMatchObject({ rate: '0.0000', sampled: false });
    expect(byAttempt.has(unrecorded.attemptId)).toBe(false);
    for (const d of draws) expect(d.sampled).toBe(isSampled(d.draw, Number(d.rate)));

    const queue = await api(auditor, 'GET', '/v1/audit/calls?status=pending');
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        id: sampled.attemptId,
        taskId: sampled.taskId,
        agentId: 'staff-0201',
        recordingRef: 'rec/a-1.wav',
        disposition: 'answered',
        score: null,
      }),
    ]);
    const views: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM outreach.audit_log WHERE action = 'call-audit.view' AND task_id = $1`,
      [sampled.taskId],
    );
    expect(Number(views[0]!.n)).toBe(1);
    expect((await api(otherAuditor, 'GET', '/v1/audit/calls')).body.items).toEqual([]);
  });

  it("scores a sampled call once, from its criteria, within the auditor's organisation", async () => {
    const [pending] = (await api(auditor, 'GET', '/v1/audit/calls?status=pending')).body.items as { id: string }[];
    const path = `/v1/audit/calls/${pending!.id}/score`;
    const foreign = await api(otherAuditor, 'POST', path, { criteria: CRITERIA });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'call-audit.call-not-found' });
    const over = await api(auditor, 'POST', path, { criteria: [{ code: 'greeting', score: 11, maxScore: 10 }] });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'call-audit.score-out-of-range' });
    expect((await api(agentA, 'POST', path, { criteria: CRITERIA })).status).toBe(403);

    const scored = await api(auditor, 'POST', path, { criteria: CRITERIA, comment: '核实身份规范，结束语欠缺' });
    expect(scored.status).toBe(200);
    expect(scored.body).toMatchObject({ id: pending!.id, total: 88 });
    const again = await api(supervisor, 'POST', path, { criteria: CRITERIA });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'call-audit.already-scored' });
    expect((await api(auditor, 'GET', '/v1/audit/calls?status=scored')).body.items).toEqual([
      expect.objectContaining({ id: pending!.id, score: 88, scoredBy: 'staff-0030' }),
    ]);
    // Downstream (analytics' audit scores) hears of the score once, through the outbox, without the comment.
    const published: { payload: { subject: string; data: Record<string, unknown> } }[] = await db.query(
      `SELECT payload FROM outreach.outbox WHERE topic = 'revisit.outreach.call-audited.v1'`,
    );
    expect(published).toHaveLength(1);
    expect(published[0]!.payload.data).toEqual({
      attemptId: pending!.id,
      taskId: expect.any(String),
      patientEnterpriseId: published[0]!.payload.subject,
      orgId: ORG,
      agentStaffId: 'staff-0201',
      scoredByStaffId: 'staff-0030',
      criteria: CRITERIA,
      totalScore: 88,
      callStartedAt: expect.stringMatching(/\+08:00$/),
      scoredAt: expect.stringMatching(/\+08:00$/),
    });
  });

  it("counts each agent's calls, talk time, completions and audit score; agents see only themselves", async () => {
    // Talk time never exceeds how long the call lasted, whatever the client claimed.
    const { taskId } = await call(agentB, 'answered', {
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      talkSeconds: 500,
    });
    const done = await api(agentB, 'POST', `/v1/tasks/${taskId}/complete`, { returnVisitBooked: false });
    expect(done.status).toBe(200);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const team = await api(supervisor, 'GET', `/v1/workload?from=${today}&to=${today}`);
    expect(team.status).toBe(200);
    expect(team.body).toMatchObject({ zone: 'Asia/Shanghai' });
    expect(team.body.agents).toEqual([
      { agentId: 'staff-0201', agentName: 'staff-0201', calls: 2, talkSeconds: 100, completions: 0, auditScore: 88 },
      { agentId: 'staff-0202', agentName: 'staff-0202', calls: 2, talkSeconds: 160, completions: 1, auditScore: null },
    ]);
    const mine = await api(agentB, 'GET', `/v1/workload?from=${today}&to=${today}`);
    expect(mine.body.agents.map((a: { agentId: string }) => a.agentId)).toEqual(['staff-0202']);
    const peeking = await api(agentB, 'GET', `/v1/workload?from=${today}&to=${today}&agentId=staff-0201`);
    expect(peeking.status).toBe(403);
    expect(peeking.body).toMatchObject({ code: 'workload.other-agents-hidden' });
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    expect((await api(supervisor, 'GET', `/v1/workload?from=${yesterday}&to=${yesterday}`)).body.agents).toEqual([]);
    expect((await api(supervisor, 'GET', `/v1/workload?from=${today}&to=${yesterday}`)).status).toBe(422);
    expect((await api(auditor, 'GET', `/v1/workload?from=${today}&to=${today}`)).status).toBe(403);
  });

  it('serves the worklist most urgent first and audits each listed task in the same statement', async () => {
    const org = 'org-quality-e';
    const token = await signIn(db, instance.url, {
      username: 'agent.lin',
      roles: ['agent'],
      orgIds: [org],
      staffId: 'staff-0207',
    });
    const normal = await seedPatientWithTask(db, org, `EPW${run}1`, '林一', 'normal');
    const urgent = await seedPatientWithTask(db, org, `EPW${run}2`, '林二', 'urgent');
    const list = await api(token, 'GET', '/v1/worklist');
    expect(list.status).toBe(200);
    expect(list.body.tasks.map((t: { id: string }) => t.id)).toEqual([urgent, normal]);
    expect(list.body.tasks[0]).toMatchObject({ patientName: '林二', phone: '139****5678', priority: 'urgent' });
    const audited: { task_id: string; actor_staff_id: string; org_id: string }[] = await db.query(
      `SELECT task_id, actor_staff_id, org_id FROM outreach.audit_log WHERE action = 'worklist.view' AND org_id = $1
        ORDER BY task_id`,
      [org],
    );
    expect(audited).toEqual(
      [urgent, normal].sort().map((taskId) => ({ task_id: taskId, actor_staff_id: 'staff-0207', org_id: org })),
    );
  });

  it("describes the agents' API as OpenAPI 3.1 at /docs, with bearer security and problem+json errors", async () => {
    const document = await api(undefined, 'GET', '/docs/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe('3.1.0');
    expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const paths = document.body.paths as Record<string, Record<string, { security: unknown; responses: object }>>;
    for (const [path, method] of [
      ['/v1/worklist', 'get'],
      ['/v1/tasks/{taskId}/claim', 'post'],
      ['/v1/tasks/{taskId}/attempts', 'post'],
      ['/v1/tasks/{taskId}/complete', 'post'],
      ['/v1/tasks/{taskId}/reschedule', 'post'],
      ['/v1/tasks/{taskId}/handover', 'post'],
      ['/v1/complaints', 'post'],
      ['/v1/workload', 'get'],
    ]) {
      const operation = paths[path]?.[method];
      expect(operation).toMatchObject({ security: [{ bearer: [] }], 'x-roles': expect.arrayContaining(['agent']) });
      expect(operation?.responses).toMatchObject({ '401': { $ref: '#/components/responses/Problem' } });
    }
    // Bodies and queries are described by the schemas that validate them.
    const attempts = paths['/v1/tasks/{taskId}/attempts']?.['post'] as unknown as {
      requestBody: { content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> };
    };
    const attemptSchema = attempts.requestBody.content['application/json']?.schema;
    expect(attemptSchema?.required).toEqual(expect.arrayContaining(['disposition', 'startedAt', 'endedAt']));
    expect(attemptSchema?.properties['recordingRef']).toMatchObject({ type: 'string', maxLength: 200 });
    const workload = paths['/v1/workload']?.['get'] as unknown as { parameters: { name: string; required: boolean }[] };
    expect(workload.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'from', required: true }),
        expect.objectContaining({ name: 'agentId', required: false }),
      ]),
    );
    expect(paths['/v1/audit/calls']?.['get']).toMatchObject({ 'x-roles': ['supervisor', 'auditor'] });
    expect(paths['/v1/auth/token']?.['post']).toMatchObject({ security: [], 'x-public': true });
    expect(paths['/docs/openapi.json']).toBeUndefined();
    const page = await api(undefined, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.body).toContain('/v1/worklist');
  });
});
