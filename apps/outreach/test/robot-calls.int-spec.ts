import { eventually, testDatabaseUrl, uniqueTopicPrefix } from '@revisit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PATIENT_EVENT_SUBSCRIPTIONS } from '../src/patients/patient-events.consumer';
import { TASK_EVENT_SUBSCRIPTIONS } from '../src/tasks/task-events.consumer';
import { FakeVoiceRobot } from '@revisit/provider-fakes';
import { KafkaProbe } from './support/kafka-probe';
import { ORG, ROBOT_ENV, robotTask } from './support/robot-fixtures';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';
import { bearer, signIn } from './support/users';

jest.setTimeout(300_000);

const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();
const OUT_TOPICS = [
  'revisit.outreach.attempt-recorded.v1',
  'revisit.followup.task-completed.v1',
  'revisit.outreach.survey-response-recorded.v1',
];
describe('the robot rung on the real broker, PostgreSQL and Redis, against the signed fake provider', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_robot_${process.pid}`;
  const probe = new KafkaProbe();
  let robot: FakeVoiceRobot;
  let instance: OutreachInstance;
  let db: DataSource;
  let agent: string;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    robot = await FakeVoiceRobot.start({
      apiKeys: { [ROBOT_ENV.VOICE_ROBOT_KEY_ID]: ROBOT_ENV.VOICE_ROBOT_API_SECRET },
      scripts: { 'medication-check-v1': ['purpose'], 'satisfaction-v2': ['purpose'] },
      callbackUrl: 'http://127.0.0.1:9/not-yet',
      callbackKeyId: 'robot',
      callbackSecret: ROBOT_ENV.VOICE_ROBOT_CALLBACK_SECRET,
    });
    await probe.start(OUT_TOPICS, [...TASK_EVENT_SUBSCRIPTIONS, ...PATIENT_EVENT_SUBSCRIPTIONS]);
    instance = await startOutreach(url, {
      ...ROBOT_ENV,
      VOICE_ROBOT_BASE_URL: robot.baseUrl,
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('robot'),
    });
    robot.callbackUrl = `${instance.url}/v1/channels/phone/robot-results`;
    db = await new DataSource({ type: 'postgres', url }).initialize();
    agent = await signIn(db, instance.url, { username: 'agent.he', roles: ['agent'], orgIds: [ORG], staffId: 's-1' });
  });

  afterAll(async () => {
    await instance?.app.close();
    await probe.stop();
    await robot?.close();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  const attemptsOf = (taskId: string): Promise<{ channel: string; disposition: string }[]> =>
    db.query(`SELECT channel, disposition FROM outreach.attempt WHERE task_id = $1 ORDER BY attempt_no`, [taskId]);
  const callsOf = (taskId: string) =>
    robot.batches
      .flatMap((batch) => batch.calls.map((call) => ({ ...call, scriptId: batch.scriptId })))
      .filter((call) => robotCallIds.get(taskId)?.has(call.callRef));
  const robotCallIds = new Map<string, Set<string>>();
  async function rememberCalls(taskId: string): Promise<void> {
    const rows: { id: string }[] = await db.query(`SELECT id FROM outreach.robot_call WHERE task_id = $1`, [taskId]);
    robotCallIds.set(taskId, new Set(rows.map((row) => row.id)));
  }
  const eventsFor = (type: string, taskId: string) =>
    probe.received.filter((event) => event.type === type && (event.data as { taskId?: string }).taskId === taskId);

  it('no answer: one robot call, the attempt recorded, the task handed to the agents; a re-delivery changes nothing', async () => {
    const taskId = randomUUID();
    const mobile = '+8613900001111';
    robot.when(mobile, { outcome: 'no-answer' });
    await probe.publish(...robotTask(taskId, `EPR${run}A`, mobile, undefined));

    await eventually(
      async () => {
        expect(await attemptsOf(taskId)).toEqual([{ channel: 'phone-robot', disposition: 'no-answer' }]);
        const task: { current_channel: string; status: string }[] = await db.query(
          `SELECT current_channel, status FROM outreach.task WHERE id = $1`,
          [taskId],
        );
        expect(task).toEqual([{ current_channel: 'phone-agent', status: 'open' }]);
      },
      { timeoutMs: 90_000 },
    );
    await rememberCalls(taskId);
    expect(callsOf(taskId)).toEqual([
      expect.objectContaining({ callee: mobile, scriptId: 'medication-check-v1', variables: { purpose: '用药随访' } }),
    ]);

    const list = (await (await fetch(`${instance.url}/v1/worklist`, { headers: bearer(agent) })).json()) as {
      tasks: { id: string }[];
    };
    expect(list.tasks.map((task) => task.id)).toContain(taskId);
    await eventually(() =>
      expect(eventsFor('revisit.outreach.attempt-recorded.v1', taskId).map((e) => e.data)).toEqual([
        expect.objectContaining({ channel: 'phone-robot', disposition: 'no-answer', attemptNo: 1 }),
      ]),
    );

    expect(await robot.redeliver()).toEqual(robot.results.map(() => 204));
    expect(await attemptsOf(taskId)).toEqual([{ channel: 'phone-robot', disposition: 'no-answer' }]);
    await rememberCalls(taskId);
    expect(callsOf(taskId)).toHaveLength(1);
  });

  it('answered with CSAT and NPS: the task completes by the robot and the survey is published', async () => {
    const taskId = randomUUID();
    const mobile = '+8613900002222';
    robot.when(mobile, { outcome: 'completed', answers: { satisfaction: 4, nps: 9 } });
    await probe.publish(...robotTask(taskId, `EPR${run}B`, mobile, 'satisfaction-v2'));

    await eventually(
      () =>
        expect(eventsFor('revisit.followup.task-completed.v1', taskId).map((e) => e.data)).toEqual([
          expect.objectContaining({ outcome: 'reached', channel: 'phone-robot', attempts: 1 }),
        ]),
      { timeoutMs: 90_000 },
    );
    await eventually(() =>
      expect(eventsFor('revisit.outreach.survey-response-recorded.v1', taskId).map((e) => e.data)).toEqual([
        expect.objectContaining({
          channel: 'phone-robot',
          surveyId: 'satisfaction',
          surveyVersion: 2,
          csat: 4,
          nps: 9,
        }),
      ]),
    );
    expect(await attemptsOf(taskId)).toEqual([{ channel: 'phone-robot', disposition: 'answered' }]);
    const task: { status: string; outcome: string }[] = await db.query(
      `SELECT status, outcome FROM outreach.task WHERE id = $1`,
      [taskId],
    );
    expect(task).toEqual([{ status: 'completed', outcome: 'reached' }]);
    await rememberCalls(taskId);
    expect(callsOf(taskId)).toHaveLength(1);
  });

  it('a patient who does not want follow-up is never called by the robot: the task closes instead', async () => {
    const taskId = randomUUID();
    const patient = `EPR${run}C`;
    const mobile = '+8613900003333';
    await db.query(`INSERT INTO outreach.contact_preference (org_id, patient_id, preferences) VALUES ($1, $2, $3)`, [
      ORG,
      patient,
      JSON.stringify({
        consent: { care: 'unknown', marketing: 'unknown' },
        doNotDisturb: [],
        doesNotWantFollowUp: true,
        movedAway: false,
        deceased: false,
      }),
    ]);
    await probe.publish(...robotTask(taskId, patient, mobile, undefined));
    await eventually(
      () =>
        expect(eventsFor('revisit.followup.task-completed.v1', taskId).map((e) => e.data)).toEqual([
          expect.objectContaining({ outcome: 'refused', attempts: 0 }),
        ]),
      { timeoutMs: 90_000 },
    );
    expect(robot.batches.flatMap((batch) => batch.calls).filter((call) => call.callee === mobile)).toEqual([]);
    expect(await attemptsOf(taskId)).toEqual([]);
  });
  it('a script the provider does not know: no call, no attempt, the task tried again later', async () => {
    const taskId = randomUUID();
    await probe.publish(...robotTask(taskId, `EPR${run}D`, '+8613900005555', 'retired-script-v9'));
    await eventually(
      async () => {
        const calls: { status: string }[] = await db.query(
          `SELECT status FROM outreach.robot_call WHERE task_id = $1`,
          [taskId],
        );
        expect(calls).toEqual([{ status: 'failed' }]);
      },
      { timeoutMs: 90_000 },
    );
    const task: { later: boolean; current_channel: string }[] = await db.query(
      `SELECT next_attempt_at > now() + interval '10 minutes' AS later, current_channel FROM outreach.task WHERE id = $1`,
      [taskId],
    );
    expect(task).toEqual([{ later: true, current_channel: 'phone-robot' }]);
    expect(await attemptsOf(taskId)).toEqual([]);
  });
  it('a call without a result past the wait is given up and placed again; its late result moves nothing', async () => {
    const taskId = randomUUID();
    const mobile = '+8613900006666';
    robot.when(mobile, { outcome: 'no-answer' });
    robot.holdResults = true;
    const held = robot.results.length;
    try {
      await probe.publish(...robotTask(taskId, `EPR${run}E`, mobile, undefined));
      const statuses = async () =>
        (
          (await db.query(`SELECT status FROM outreach.robot_call WHERE task_id = $1 ORDER BY created_at`, [
            taskId,
          ])) as { status: string }[]
        ).map((row) => row.status);
      await eventually(async () => expect(await statuses()).toEqual(['submitted']), { timeoutMs: 90_000 });
      // The wait runs out (time passing, without sleeping).
      await db.query(`UPDATE outreach.task SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [taskId]);
      await eventually(async () => expect(await statuses()).toEqual(['expired', 'submitted']));
    } finally {
      robot.holdResults = false;
    }
    // Both results arrive now, the late one first.
    for (const result of robot.results.slice(held)) await robot.pusher.push(robot.callbackUrl, result);
    await eventually(async () =>
      expect(await attemptsOf(taskId)).toEqual([{ channel: 'phone-robot', disposition: 'no-answer' }]),
    );
    const task: { current_channel: string }[] = await db.query(
      `SELECT current_channel FROM outreach.task WHERE id = $1`,
      [taskId],
    );
    expect(task).toEqual([{ current_channel: 'phone-agent' }]);
  });
});
