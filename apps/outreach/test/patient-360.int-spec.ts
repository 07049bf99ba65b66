import {
  type AnyEventEnvelope,
  EVENT_CATALOGUE,
  type EventPayloadMap,
  type EventType,
  newEvent,
} from '@revisit/domain';
import { listRouteAccess } from '@revisit/platform';
import { eventually, testDatabaseUrl, uniqueTopicPrefix } from '@revisit/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OUTREACH_SUBSCRIPTIONS } from '../src/app.module';
import { KafkaProbe } from './support/kafka-probe';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';
import { bearer, signIn } from './support/users';

jest.setTimeout(300_000);

const ORG = 'org-demo-dental';
const OTHER_ORG = 'org-other-dental';
const MOBILE = '+8613812345678';
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
const example = <T extends EventType>(type: T): EventPayloadMap[T] =>
  EVENT_CATALOGUE[type].example as EventPayloadMap[T];

function event<T extends EventType>(type: T, subject: string, data: unknown, org = ORG): AnyEventEnvelope {
  return newEvent(type, { source: 'revisit/ingest', subject, orgid: org, data: data as never }) as AnyEventEnvelope;
}

const registered = (patient: string, localId: string, org = ORG) =>
  event(
    'revisit.patient.registered.v1',
    patient,
    {
      ...example('revisit.patient.registered.v1'),
      enterpriseId: patient,
      source: { system: 'dental-pms', localId },
      demographics: {
        ...example('revisit.patient.registered.v1').demographics,
        phones: [{ number: MOBILE, kind: 'mobile', use: 'primary' }],
      },
    },
    org,
  );

const ref = (patient: string) => ({ enterpriseId: patient, sourceSystem: 'dental-pms', localId: 'D-1' });

const dispensed = (patient: string, dispenseId: string, at: string) =>
  event('revisit.clinical.medication-dispensed.v1', patient, {
    ...example('revisit.clinical.medication-dispensed.v1'),
    dispenseId,
    patient: ref(patient),
    orgId: ORG,
    dispensedAt: at,
  });

function due(taskId: string, patient: string, org = ORG): AnyEventEnvelope {
  return newEvent('revisit.followup.task-due.v1', {
    source: 'revisit/scheduler',
    subject: patient,
    orgid: org,
    data: {
      ...example('revisit.followup.task-due.v1'),
      taskId,
      patientEnterpriseId: patient,
      orgId: org,
      purpose: 'post-procedure-check',
      channelLadder: ['phone-agent', 'sms'],
      assigneeStaffId: undefined,
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    },
  });
}

interface View {
  patientId: string;
  requestedId?: string;
  mergedFrom: string[];
  sourceRecords: { system: string; localId: string; matchState: string }[];
  phones: { number: string }[];
  tags: string[];
  preferences: { doNotDisturb: unknown[]; consent: { care: string; marketing: string } };
  specialDates: { kind: string; date: string; month: number; day: number; year: number | null; label: string | null }[];
  recentDispensings: { dispenseId: string; reversal?: { reason: string } }[];
  recentTreatments: { procedureId: string; category: string }[];
  recentEncounters: { encounterId: string; startedAt: string; dischargedAt?: string; diagnoses: unknown[] }[];
  followUps: { id: string; patientId: string; attempts: { disposition: string; channel: string }[] }[];
  referrals: { name: string; phone: string; relation: string }[];
}

describe('patient 360 view on the real broker and PostgreSQL', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_p360_${process.pid}`;
  const probe = new KafkaProbe();
  let instance: OutreachInstance;
  let db: DataSource;
  let agent: string;
  let supervisor: string;
  let auditor: string;
  let admin: string;
  let foreigner: string;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    await probe.start(['revisit.outreach.contact-preference-changed.v1'], OUTREACH_SUBSCRIPTIONS);
    instance = await startOutreach(url, {
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('p360'),
      QUIET_HOURS_FROM: '00:00',
      QUIET_HOURS_TO: '00:00',
    });
    db = await new DataSource({ type: 'postgres', url }).initialize();
    const user = (username: string, roles: ('agent' | 'supervisor' | 'auditor' | 'admin')[], orgIds = [ORG]) =>
      signIn(db, instance.url, { username, roles, orgIds, staffId: `staff-${username}` });
    [agent, supervisor, auditor, admin, foreigner] = await Promise.all([
      user('agent.he', ['agent']),
      user('lead.ma', ['supervisor']),
      user('qa.lu', ['auditor']),
      user('it.gao', ['admin']),
      user('lead.other', ['supervisor'], [OTHER_ORG]),
    ]);
  });

  afterAll(async () => {
    await instance?.app.close();
    await probe.stop();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  const api = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${instance.url}${path}`, {
      method,
      headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const view = async (patient: string, token = agent): Promise<View> => {
    const response = await api(token, 'GET', `/v1/patients/${patient}`);
    expect(response.status).toBe(200);
    return (await response.json()) as View;
  };

  async function openTask(patient: string, localId: string): Promise<string> {
    const taskId = randomUUID();
    await probe.publish(registered(patient, localId), due(taskId, patient));
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

  async function missedCall(taskId: string): Promise<void> {
    expect((await api(agent, 'POST', `/v1/tasks/${taskId}/claim`)).status).toBe(200);
    const attempt = await api(agent, 'POST', `/v1/tasks/${taskId}/attempts`, {
      disposition: 'no-answer',
      startedAt: new Date(Date.now() - 30_000).toISOString(),
      endedAt: new Date().toISOString(),
      talkSeconds: 0,
    });
    expect(attempt.status).toBe(201);
  }

  it('shows EMPI identifiers, recent dispensings and treatments, and past follow-ups, each event once', async () => {
    const patient = `EPH${run}A`;
    const taskId = await openTask(patient, `D-${run}-A`);
    await missedCall(taskId);
    const first = dispensed(patient, `SO-${run}-1`, '2026-03-02T10:12:00.000+08:00');
    const encounter = {
      ...example('revisit.clinical.encounter-discharged.v1'),
      encounterId: `OP-${run}`,
      sourceSystem: 'dental-pms',
      patient: ref(patient),
      orgId: ORG,
    };
    await probe.publish(
      event('revisit.patient.linked.v1', patient, {
        ...example('revisit.patient.linked.v1'),
        enterpriseId: patient,
        source: { system: 'pharmacy-erp', localId: `M-${run}` },
      }),
      first,
      dispensed(patient, `SO-${run}-2`, '2026-03-05T10:12:00.000+08:00'),
      event('revisit.clinical.medication-dispense-reversed.v1', patient, {
        ...example('revisit.clinical.medication-dispense-reversed.v1'),
        dispenseId: `SO-${run}-1`,
        sourceSystem: 'pharmacy-erp',
        patient: ref(patient),
        orgId: ORG,
      }),
      event('revisit.clinical.procedure-performed.v1', patient, {
        ...example('revisit.clinical.procedure-performed.v1'),
        procedureId: `PR-${run}`,
        patient: ref(patient),
        orgId: ORG,
      }),
      // The discharge overtakes the start of the same visit; the start must not undo it.
      event('revisit.clinical.encounter-discharged.v1', patient, encounter),
      event('revisit.clinical.encounter-started.v1', patient, {
        ...example('revisit.clinical.encounter-started.v1'),
        encounterId: `OP-${run}`,
        sourceSystem: 'dental-pms',
        patient: ref(patient),
        orgId: ORG,
        diagnoses: [],
      }),
      // The broker redelivers the first dispensing.
      first,
    );
    await eventually(
      async () => {
        const v = await view(patient);
        expect(v.sourceRecords).toEqual([
          { system: 'dental-pms', localId: `D-${run}-A`, matchState: 'MATCH' },
          { system: 'pharmacy-erp', localId: `M-${run}`, matchState: 'MATCH' },
        ]);
        expect(v.recentEncounters).toHaveLength(1);
      },
      { timeoutMs: 90_000 },
    );
    const v = await view(patient);
    expect(v.recentDispensings.map((d) => [d.dispenseId, d.reversal?.reason])).toEqual([
      [`SO-${run}-2`, undefined],
      [`SO-${run}-1`, 'prescription-changed'],
    ]);
    expect(v.recentTreatments).toEqual([
      expect.objectContaining({ procedureId: `PR-${run}`, category: 'dental-extraction' }),
    ]);
    expect(v.recentEncounters[0]).toMatchObject({
      startedAt: encounter.admittedAt,
      dischargedAt: encounter.dischargedAt,
      diagnoses: encounter.diagnoses,
    });
    expect(v.followUps).toEqual([
      expect.objectContaining({ id: taskId, attempts: [expect.objectContaining({ disposition: 'no-answer' })] }),
    ]);
    expect(v.phones[0]?.number).toBe('138****5678');
  });

  it('records tags, special dates and referrals; masks the referral number for agents; audits each', async () => {
    const patient = `EPH${run}B`;
    await openTask(patient, `D-${run}-B`);
    expect((await api(agent, 'PUT', `/v1/patients/${patient}/tags`, { tags: ['important'] })).status).toBe(200);
    const birthday = await api(agent, 'POST', `/v1/patients/${patient}/special-dates`, {
      kind: 'birthday',
      date: '02-29',
    });
    expect(birthday.status).toBe(201);
    const wedding = { kind: 'anniversary', date: '1988-10-01', label: '结婚纪念日' };
    expect((await api(agent, 'POST', `/v1/patients/${patient}/special-dates`, wedding)).status).toBe(201);
    const notADay = await api(agent, 'POST', `/v1/patients/${patient}/special-dates`, {
      kind: 'birthday',
      date: '2023-02-29',
    });
    expect(notADay.status).toBe(400);
    expect(notADay.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const referral = await api(agent, 'POST', `/v1/patients/${patient}/referrals`, {
      name: '李华',
      phone: '139 0013 9000',
      relation: 'sibling',
      note: '也想做种植牙咨询',
    });
    expect(referral.status).toBe(201);
    expect(await referral.json()).toMatchObject({ phone: '139****9000', relation: 'sibling' });
    expect(
      (await api(agent, 'POST', `/v1/patients/${patient}/referrals`, { name: 'x', phone: '12345', relation: 'friend' }))
        .status,
    ).toBe(400);

    const asAgent = await view(patient);
    expect(asAgent.tags).toEqual(['important']);
    expect(asAgent.specialDates.map((d) => [d.kind, d.date, d.month, d.day, d.year, d.label])).toEqual([
      ['birthday', '02-29', 2, 29, null, null],
      ['anniversary', '1988-10-01', 10, 1, 1988, '结婚纪念日'],
    ]);
    expect(asAgent.referrals).toEqual([expect.objectContaining({ name: '李华', phone: '139****9000' })]);
    expect((await view(patient, supervisor)).referrals[0]?.phone).toBe('+8613900139000');
    expect((await api(agent, 'PUT', `/v1/patients/${patient}/tags`, { tags: [] })).status).toBe(200);
    expect((await view(patient)).tags).toEqual([]);

    const audit: { action: string; actor_staff_id: string }[] = await db.query(
      `SELECT action, actor_staff_id FROM outreach.audit_log WHERE patient_id = $1 ORDER BY id`,
      [patient],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'patient.tags-changed',
      'patient.special-date-recorded',
      'patient.special-date-recorded',
      'patient.referral-recorded',
      'patient.view',
      'patient.phone-unmasked',
      'patient.tags-changed',
      'patient.view',
    ]);
    expect(new Set(audit.map((a) => a.actor_staff_id))).toEqual(new Set(['staff-agent.he', 'staff-lead.ma']));

    // Another organisation's supervisor learns nothing, not even that the patient exists.
    for (const [method, path, body] of [
      ['GET', `/v1/patients/${patient}`, undefined],
      ['PUT', `/v1/patients/${patient}/tags`, { tags: ['important'] }],
      ['POST', `/v1/patients/${patient}/referrals`, { name: '王五', phone: '13700137000', relation: 'friend' }],
    ] as const) {
      const response = await api(foreigner, method, path, body);
      expect([method, response.status]).toEqual([method, 404]);
    }
  });

  it('folds a merged id onto the survivor (history, strictest preferences) and splits it back on unmerge', async () => {
    const survivor = `EPH${run}S`;
    const retired = `EPH${run}R`;
    const survivorTask = await openTask(survivor, `D-${run}-S`);
    const retiredTask = await openTask(retired, `D-${run}-R`);
    await missedCall(retiredTask);
    const local = DateTime.now().setZone('Asia/Shanghai');
    const nowDnd = {
      from: local.minus({ hours: 1 }).toFormat('HH:mm'),
      to: local.plus({ hours: 1 }).toFormat('HH:mm'),
    };
    const prefs = (patient: string, body: unknown) => api(agent, 'PUT', `/v1/patients/${patient}/preferences`, body);
    expect((await prefs(survivor, { consent: { care: 'granted', marketing: 'granted' } })).status).toBe(200);
    expect((await prefs(retired, { consent: { care: 'granted', marketing: 'withdrawn' } })).status).toBe(200);
    expect((await prefs(retired, { doNotDisturb: [nowDnd] })).status).toBe(200);

    await probe.publish(
      event('revisit.patient.merged.v1', survivor, {
        ...example('revisit.patient.merged.v1'),
        survivingEnterpriseId: survivor,
        retiredEnterpriseId: retired,
        movedSourceRecords: [{ system: 'dental-pms', localId: `D-${run}-R` }],
      }),
    );
    await eventually(async () => expect((await view(survivor)).mergedFrom).toEqual([retired]), { timeoutMs: 90_000 });
    const merged = await view(survivor);
    expect(merged.followUps.map((f) => f.id).sort()).toEqual([survivorTask, retiredTask].sort());
    expect(merged.followUps.find((f) => f.id === retiredTask)?.attempts).toHaveLength(1);
    expect(merged.preferences.consent).toEqual({ care: 'granted', marketing: 'withdrawn' });
    expect(merged.preferences.doNotDisturb).toEqual([nowDnd]);
    expect(merged.tags).toContain('do-not-disturb');
    expect(merged.sourceRecords.map((r) => r.localId).sort()).toEqual([`D-${run}-R`, `D-${run}-S`]);
    const viaRetired = await view(retired);
    expect([viaRetired.patientId, viaRetired.requestedId]).toEqual([survivor, retired]);
    // The retired id's DND now holds for the survivor's own task, and the scheduler is told.
    const claim = await api(agent, 'POST', `/v1/tasks/${survivorTask}/claim`);
    expect([claim.status, ((await claim.json()) as { code: string }).code]).toEqual([409, 'worklist.contact-deferred']);
    await eventually(
      () =>
        expect(probe.of(survivor, 'revisit.outreach.contact-preference-changed.v1').at(-1)).toMatchObject({
          doNotDisturb: [nowDnd],
          consent: { care: 'granted', marketing: 'withdrawn' },
          changedBy: 'system',
        }),
      { timeoutMs: 60_000 },
    );

    await probe.publish(
      event('revisit.patient.unmerged.v1', survivor, {
        ...example('revisit.patient.unmerged.v1'),
        survivingEnterpriseId: survivor,
        restoredEnterpriseId: retired,
        movedSourceRecords: [{ system: 'dental-pms', localId: `D-${run}-R` }],
      }),
    );
    await eventually(async () => expect((await view(survivor)).mergedFrom).toEqual([]), { timeoutMs: 90_000 });
    const split = await view(survivor);
    expect(split.followUps.map((f) => f.id)).toEqual([survivorTask]);
    expect(split.preferences).toMatchObject({ doNotDisturb: [], consent: { care: 'granted', marketing: 'granted' } });
    expect(split.sourceRecords.map((r) => r.localId)).toEqual([`D-${run}-S`]);
    const restored = await view(retired);
    expect([restored.patientId, restored.followUps.map((f) => f.id)]).toEqual([retired, [retiredTask]]);
    await db.query(`UPDATE outreach.task SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [
      survivorTask,
    ]);
    expect((await api(agent, 'POST', `/v1/tasks/${survivorTask}/claim`)).status).toBe(200);
    await eventually(
      () =>
        expect(probe.of(survivor, 'revisit.outreach.contact-preference-changed.v1').at(-1)).toMatchObject({
          doNotDisturb: [],
          consent: { care: 'granted', marketing: 'granted' },
        }),
      { timeoutMs: 60_000 },
    );
  });

  it('guards the patient routes with exactly these roles', async () => {
    const roles = Object.fromEntries(
      listRouteAccess(instance.app)
        .filter((r) => r.path.startsWith('/v1/patients'))
        .map((r) => [`${r.method} ${r.path}`, r.access?.kind === 'roles' ? [...r.access.roles].sort() : r.access]),
    );
    expect(roles).toEqual({
      'GET /v1/patients/:patientId': ['agent', 'auditor', 'supervisor'],
      'PUT /v1/patients/:patientId/preferences': ['agent', 'supervisor'],
      'PUT /v1/patients/:patientId/tags': ['agent', 'supervisor'],
      'POST /v1/patients/:patientId/special-dates': ['agent', 'supervisor'],
      'POST /v1/patients/:patientId/referrals': ['agent', 'supervisor'],
    });
    const patient = `EPH${run}G`;
    await openTask(patient, `D-${run}-G`);
    const writes = [
      ['PUT', `/v1/patients/${patient}/tags`, { tags: ['important'] }],
      ['POST', `/v1/patients/${patient}/special-dates`, { kind: 'birthday', date: '05-04' }],
      ['POST', `/v1/patients/${patient}/referrals`, { name: '赵六', phone: '13600136000', relation: 'friend' }],
    ] as const;
    const statuses = async (token: string) => {
      const out: number[] = [];
      for (const [method, path, body] of writes) out.push((await api(token, method, path, body)).status);
      return out;
    };
    expect({
      agent: await statuses(agent),
      supervisor: await statuses(supervisor),
      auditor: await statuses(auditor),
      admin: await statuses(admin),
    }).toEqual({
      agent: [200, 201, 201],
      supervisor: [200, 201, 201],
      auditor: [403, 403, 403],
      admin: [403, 403, 403],
    });
  });
});
