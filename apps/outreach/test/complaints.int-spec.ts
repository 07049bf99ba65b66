import { type AnyEventEnvelope } from '@revisit/domain';
import { eventually, testDatabaseUrl, uniqueTopicPrefix } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { KafkaProbe } from './support/kafka-probe';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { jsonApi, seedPatientWithTask } from './support/quality-fixtures';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';
import { signIn } from './support/users';

jest.setTimeout(180_000);

const ORG = 'org-quality-a';
const OTHER_ORG = 'org-quality-b';
const TOPICS = ['revisit.outreach.complaint-opened.v1', 'revisit.outreach.complaint-resolved.v1'];
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();

const ROUTING = {
  departments: [
    { code: 'service-centre', name: '客服中心', responsibleStaffId: 'staff-0900', superiorCode: 'medical-affairs' },
    { code: 'pharmacy', name: '药剂科', responsibleStaffId: 'staff-0600', superiorCode: 'medical-affairs' },
    { code: 'medical-affairs', name: '医务处', responsibleStaffId: 'staff-0001' },
  ],
  rules: [{ kind: 'complaint', source: 'wechat', departmentCode: 'pharmacy' }],
  defaultDepartmentCode: 'service-centre',
  slaHours: { complaint: 12 },
};

describe('complaints and feedback on PostgreSQL and the broker', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_complaints_${process.pid}`;
  const probe = new KafkaProbe();
  let instance: OutreachInstance;
  let db: DataSource;
  let api: ReturnType<typeof jsonApi>;
  let agent: string;
  let supervisor: string;
  let admin: string;
  let otherSupervisor: string;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    await probe.start(TOPICS, []);
    instance = await startOutreach(url, {
      OUTREACH_TIMER_INTERVAL_MS: '200',
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('complaints'),
    });
    api = jsonApi(instance.url);
    db = await new DataSource({ type: 'postgres', url }).initialize();
    const user = (username: string, roles: ('agent' | 'supervisor' | 'admin')[], orgIds: string[], staffId: string) =>
      signIn(db, instance.url, { username, roles, orgIds, staffId });
    [agent, supervisor, admin, otherSupervisor] = await Promise.all([
      user('agent.he', ['agent'], [ORG], 'staff-0101'),
      user('lead.gao', ['supervisor'], [ORG], 'staff-0002'),
      user('it.tang', ['admin'], [ORG], 'staff-9001'),
      user('lead.other', ['supervisor'], [OTHER_ORG], 'staff-8002'),
    ]);
  });

  afterAll(async () => {
    await instance?.app.close();
    await probe.stop();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  const opened = (complaintId: string) =>
    eventually(
      () => {
        const event = probe.received.find(
          (e) =>
            e.type === 'revisit.outreach.complaint-opened.v1' &&
            (e.data as { complaintId: string }).complaintId === complaintId,
        );
        expect(event).toBeDefined();
        return event as AnyEventEnvelope;
      },
      { timeoutMs: 30_000 },
    );

  it('files feedback from a call, routes it by default, publishes it, and shows it to supervisors only', async () => {
    const patient = `EPC${run}1`;
    const taskId = await seedPatientWithTask(db, ORG, patient, '张伟');
    const filed = await api(agent, 'POST', '/v1/complaints', {
      patientId: patient,
      taskId,
      kind: 'complaint',
      text: '取药排队等了两个小时，没有人解释原因。',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ department: 'patient-services', assigneeStaffId: 'patient-services' });
    const { complaintId } = filed.body as { complaintId: string };

    const event = await opened(complaintId);
    expect(event).toMatchObject({ subject: patient, orgid: ORG });
    expect(event.data).toMatchObject({
      kind: 'complaint',
      source: 'follow-up-call',
      severity: 'medium',
      relatedTaskId: taskId,
      departmentCode: 'patient-services',
    });
    const data = event.data as { openedAt: string; slaDueAt: string };
    expect(Date.parse(data.slaDueAt) - Date.parse(data.openedAt)).toBe(24 * 3600_000);

    expect((await api(agent, 'GET', '/v1/complaints')).status).toBe(403);
    const queue = await api(supervisor, 'GET', '/v1/complaints?status=open&kind=complaint');
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ complaintId, patientName: '张伟', status: 'open', breached: false, escalated: false }),
    ]);
    expect((await api(supervisor, 'GET', '/v1/complaints?kind=praise')).body.items).toEqual([]);
    const detail = await api(supervisor, 'GET', `/v1/complaints/${complaintId}`);
    expect(detail.body).toMatchObject({
      text: '取药排队等了两个小时，没有人解释原因。',
      openedByStaffId: 'staff-0101',
    });
    expect(detail.body.history).toEqual([expect.objectContaining({ action: 'opened', actor: 'staff-0101' })]);

    const views: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM outreach.audit_log WHERE action = 'complaint.view' AND patient_id = $1 AND actor_staff_id = 'staff-0002'`,
      [patient],
    );
    expect(Number(views[0]!.n)).toBe(2);
  });

  it("routes by the organisation's table, maintained by admins only, and refuses an inconsistent one", async () => {
    expect((await api(supervisor, 'PUT', '/v1/complaint-routing', ROUTING)).status).toBe(403);
    expect((await api(agent, 'GET', '/v1/complaint-routing')).status).toBe(403);
    const broken = await api(admin, 'PUT', '/v1/complaint-routing', { ...ROUTING, defaultDepartmentCode: 'nowhere' });
    expect(broken.status).toBe(422);
    expect(broken.contentType).toMatch(/^application\/problem\+json/);
    expect(broken.body).toMatchObject({ code: 'complaints.invalid-routing' });
    expect((await api(admin, 'PUT', '/v1/complaint-routing', ROUTING)).status).toBe(200);
    expect((await api(supervisor, 'GET', '/v1/complaint-routing')).body).toMatchObject({
      isDefault: false,
      orgId: ORG,
    });

    const patient = `EPC${run}2`;
    await seedPatientWithTask(db, ORG, patient, '李娜');
    const wechat = await api(agent, 'POST', '/v1/complaints', {
      patientId: patient,
      kind: 'complaint',
      source: 'wechat',
      severity: 'high',
      text: '药品说明书和医生交代的用法不一致。',
    });
    expect(wechat.body).toMatchObject({ department: 'pharmacy', assigneeStaffId: 'staff-0600' });
    const data = (await opened(wechat.body.complaintId as string)).data as { openedAt: string; slaDueAt: string };
    expect(Date.parse(data.slaDueAt) - Date.parse(data.openedAt)).toBe(6 * 3600_000);
    const praise = await api(agent, 'POST', '/v1/complaints', {
      patientId: patient,
      kind: 'praise',
      text: '护士很耐心',
    });
    expect(praise.body).toMatchObject({ department: 'service-centre', assigneeStaffId: 'staff-0900' });
  });

  it("never shows or accepts another organisation's patients and cases (404)", async () => {
    const patient = `EPC${run}3`;
    const taskId = await seedPatientWithTask(db, OTHER_ORG, patient, '王芳');
    const foreign = await api(agent, 'POST', '/v1/complaints', {
      patientId: patient,
      taskId,
      kind: 'need',
      text: '想要复诊提醒',
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'complaints.patient-not-found' });

    const own = await api(agent, 'POST', '/v1/complaints', {
      patientId: `EPC${run}1`,
      kind: 'suggestion',
      text: '希望增加夜间门诊',
    });
    const id = own.body.complaintId as string;
    for (const [method, path, body] of [
      ['GET', `/v1/complaints/${id}`, undefined],
      ['POST', `/v1/complaints/${id}/resolve`, { resolution: '已答复' }],
      ['POST', `/v1/complaints/${id}/assign`, { assigneeStaffId: 'staff-8003' }],
    ] as const) {
      const response = await api(otherSupervisor, method, path, body);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'complaints.complaint-not-found' });
    }
    expect((await api(otherSupervisor, 'GET', '/v1/complaints')).body.items).toEqual([]);
  });

  it('escalates a breached case to the superior department by the durable timer, then resolves it', async () => {
    const patient = `EPC${run}4`;
    await seedPatientWithTask(db, ORG, patient, '赵敏');
    const filed = await api(agent, 'POST', '/v1/complaints', {
      patientId: patient,
      kind: 'criticism',
      text: '电话里态度生硬',
    });
    const id = filed.body.complaintId as string;
    // The deadline passes (time moving on, without sleeping).
    await db.query(`UPDATE outreach.complaint SET sla_due_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    await eventually(
      async () => {
        const detail = await api(supervisor, 'GET', `/v1/complaints/${id}`);
        expect(detail.body).toMatchObject({
          status: 'escalated',
          escalated: true,
          breached: true,
          department: 'medical-affairs',
          assigneeStaffId: 'staff-0001',
        });
        expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['opened', 'escalated']);
        expect(detail.body.history[1]).toMatchObject({
          actor: 'system',
          detail: { fromDepartmentCode: 'service-centre' },
        });
      },
      { timeoutMs: 30_000 },
    );
    const breached = await api(supervisor, 'GET', '/v1/complaints?breached=true&department=medical-affairs');
    expect(breached.body.items.map((c: { complaintId: string }) => c.complaintId)).toEqual([id]);

    const assigned = await api(supervisor, 'POST', `/v1/complaints/${id}/assign`, { assigneeStaffId: 'staff-0003' });
    expect(assigned.body).toMatchObject({ department: 'medical-affairs', assigneeStaffId: 'staff-0003' });
    const unknown = await api(supervisor, 'POST', `/v1/complaints/${id}/assign`, {
      assigneeStaffId: 'staff-0003',
      departmentCode: 'radiology',
    });
    expect(unknown.status).toBe(422);

    expect((await api(agent, 'POST', `/v1/complaints/${id}/resolve`, { resolution: '已道歉' })).status).toBe(403);
    const resolved = await api(supervisor, 'POST', `/v1/complaints/${id}/resolve`, {
      resolution: '已电话道歉并培训坐席',
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'resolved', slaMet: false });
    const again = await api(supervisor, 'POST', `/v1/complaints/${id}/resolve`, { resolution: '重复' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'complaints.already-resolved' });

    await eventually(
      () => {
        const event = probe.received.find(
          (e) =>
            e.type === 'revisit.outreach.complaint-resolved.v1' &&
            (e.data as { complaintId: string }).complaintId === id,
        );
        expect(event?.data).toMatchObject({
          kind: 'criticism',
          resolution: 'resolved',
          escalated: true,
          slaMet: false,
          resolvedByStaffId: 'staff-0002',
          departmentCode: 'medical-affairs',
        });
      },
      { timeoutMs: 30_000 },
    );
    const history: { action: string }[] = await db.query(
      `SELECT action FROM outreach.complaint_history WHERE complaint_id = $1 ORDER BY id`,
      [id],
    );
    expect(history.map((h) => h.action)).toEqual(['opened', 'escalated', 'assigned', 'resolved']);
    await expect(db.query(`DELETE FROM outreach.complaint_history WHERE complaint_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('acknowledges praise by default and rejects a malformed case as problem+json', async () => {
    const praise = await api(agent, 'POST', '/v1/complaints', {
      patientId: `EPC${run}4`,
      kind: 'praise',
      text: '谢谢回访',
    });
    const resolved = await api(supervisor, 'POST', `/v1/complaints/${praise.body.complaintId as string}/resolve`, {
      resolution: '已转达科室',
    });
    expect(resolved.body).toMatchObject({ resolution: 'acknowledged', slaMet: true });
    const bad = await api(agent, 'POST', '/v1/complaints', { patientId: `EPC${run}4`, kind: 'rant', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toMatch(/^application\/problem\+json/);
  });
});
