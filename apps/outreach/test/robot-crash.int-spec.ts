import {
  buildService,
  eventually,
  freePort,
  kafkaBrokers,
  type ServiceProcess,
  spawnService,
  testDatabaseUrl,
  testRedisUrl,
  uniqueTopicPrefix,
} from '@revisit/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OUTREACH_SUBSCRIPTIONS } from '../src/app.module';
import { FakeVoiceRobot } from '@revisit/provider-fakes';
import { KafkaProbe } from './support/kafka-probe';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { ROBOT_ENV, robotTask } from './support/robot-fixtures';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';

jest.setTimeout(300_000);

const MOBILE = '+8613900004444';
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();

describe('a robot call submission survives a crash between the provider call and the commit', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_robotcrash_${process.pid}`;
  const probe = new KafkaProbe();
  let url: string;
  let robot: FakeVoiceRobot;
  let db: DataSource;
  let child: ServiceProcess | undefined;
  let restarted: OutreachInstance | undefined;
  let crashOnAccept = true;

  beforeAll(async () => {
    url = await createScratchDatabase(baseUrl, dbName);
    robot = await FakeVoiceRobot.start({
      apiKeys: { [ROBOT_ENV.VOICE_ROBOT_KEY_ID]: ROBOT_ENV.VOICE_ROBOT_API_SECRET },
      scripts: { [ROBOT_ENV.VOICE_ROBOT_DEFAULT_SCRIPT]: ['purpose'] },
      callbackUrl: 'http://127.0.0.1:9/not-yet',
      callbackKeyId: 'robot',
      callbackSecret: ROBOT_ENV.VOICE_ROBOT_CALLBACK_SECRET,
      // The provider has taken the batch; the service dies before it hears back or commits anything.
      onAccepted: () => {
        if (crashOnAccept && child) child.child.kill('SIGKILL');
      },
    });
    // The calls run while the service is down; their results are pushed once it is back.
    robot.holdResults = true;
    robot.when(MOBILE, { outcome: 'no-answer' });
    await probe.start([], OUTREACH_SUBSCRIPTIONS);
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });

  afterAll(async () => {
    child?.child.kill('SIGKILL');
    await restarted?.app.close();
    await probe.stop();
    await robot?.close();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  it('places the call once: the restarted service finds the batch by its reference and takes its call ids', async () => {
    const script = buildService('outreach');
    const port = await freePort();
    const env = { ...ROBOT_ENV, VOICE_ROBOT_BASE_URL: robot.baseUrl, RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('rc') };
    child = await spawnService('outreach', script, {
      ...env,
      DATABASE_URL: url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      REDIS_URL: testRedisUrl(),
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    const taskId = randomUUID();
    await probe.publish(...robotTask(taskId, `EPK${run}`, MOBILE, undefined));

    expect(await child.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(robot.batches).toHaveLength(1);
    const batch = robot.batches[0]!;
    const pending: { id: string; status: string; batch_ref: string }[] = await db.query(
      `SELECT id, status, batch_ref FROM outreach.robot_call WHERE task_id = $1`,
      [taskId],
    );
    expect(pending).toEqual([{ id: batch.calls[0]!.callRef, status: 'pending', batch_ref: batch.reference }]);

    crashOnAccept = false;
    restarted = await startOutreach(url, env);
    robot.callbackUrl = `${restarted.url}/v1/channels/phone/robot-results`;
    await eventually(
      async () => {
        const calls: { status: string; provider_call_id: string }[] = await db.query(
          `SELECT status, provider_call_id FROM outreach.robot_call WHERE task_id = $1`,
          [taskId],
        );
        expect(calls).toEqual([{ status: 'submitted', provider_call_id: batch.calls[0]!.callId }]);
      },
      { timeoutMs: 60_000 },
    );
    expect(robot.queries).toEqual([batch.reference]);
    expect(robot.submissions).toEqual([batch.reference]);

    // The held result arrives now and is matched to the call found at the provider.
    robot.holdResults = false;
    expect(await robot.redeliver()).toEqual([204]);
    await eventually(async () => {
      const attempts: { channel: string; disposition: string }[] = await db.query(
        `SELECT channel, disposition FROM outreach.attempt WHERE task_id = $1`,
        [taskId],
      );
      expect(attempts).toEqual([{ channel: 'phone-robot', disposition: 'no-answer' }]);
    });
    expect(robot.batches).toHaveLength(1);
  });
});
