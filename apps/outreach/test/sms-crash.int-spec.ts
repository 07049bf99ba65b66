import { type AnyEventEnvelope, EVENT_CATALOGUE, newEvent } from '@revisit/domain';
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
import { FakeAlibabaSms } from '@revisit/provider-fakes';
import { KafkaProbe } from './support/kafka-probe';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';

jest.setTimeout(300_000);

const ORG = 'org-demo-pharmacy';
const MOBILE = '+8613912345678';
const TEMPLATE = 'SMS_465320077';
const run = `${process.pid}${Date.now().toString(36)}`.toUpperCase();

function smsTask(taskId: string, patient: string): AnyEventEnvelope[] {
  const registered = EVENT_CATALOGUE['revisit.patient.registered.v1'].example;
  return [
    newEvent('revisit.patient.registered.v1', {
      source: 'revisit/ingest',
      subject: patient,
      orgid: ORG,
      data: {
        ...registered,
        enterpriseId: patient,
        demographics: { ...registered.demographics, phones: [{ number: MOBILE, kind: 'mobile', use: 'primary' }] },
      },
    }),
    newEvent('revisit.followup.task-due.v1', {
      source: 'revisit/scheduler',
      subject: patient,
      orgid: ORG,
      data: {
        ...EVENT_CATALOGUE['revisit.followup.task-due.v1'].example,
        taskId,
        patientEnterpriseId: patient,
        orgId: ORG,
        purpose: 'medication-adherence',
        channelLadder: ['sms'],
        assigneeStaffId: undefined,
        dueAt: new Date(Date.now() - 60_000).toISOString(),
      },
    }),
  ];
}

describe('an automated SMS survives a crash between the provider call and the commit', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_smscrash_${process.pid}`;
  const probe = new KafkaProbe();
  let url: string;
  let fake: FakeAlibabaSms;
  let db: DataSource;
  let child: ServiceProcess | undefined;
  let restarted: OutreachInstance | undefined;
  let crashOnAccept = true;

  const sms = {
    SMS_PROVIDER: 'alibaba',
    SMS_NOTICE_TEMPLATE: TEMPLATE,
    OUTREACH_TIMER_INTERVAL_MS: '200',
    QUIET_HOURS_FROM: '00:00',
    QUIET_HOURS_TO: '00:00',
    ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI5tCrashTest',
    ALIYUN_SMS_ACCESS_KEY_SECRET: 'crash-test-secret',
    ALIYUN_SMS_SIGN_NAME: '回访中心',
  };

  beforeAll(async () => {
    url = await createScratchDatabase(baseUrl, dbName);
    fake = await FakeAlibabaSms.start({
      accessKeys: { [sms.ALIYUN_SMS_ACCESS_KEY_ID]: sms.ALIYUN_SMS_ACCESS_KEY_SECRET },
      signNames: [sms.ALIYUN_SMS_SIGN_NAME],
      templates: { [TEMPLATE]: ['purpose', 'time'] },
      // The provider has taken the message; the service dies before it hears back or commits anything.
      onAccepted: () => {
        if (crashOnAccept && child) child.child.kill('SIGKILL');
      },
    });
    await probe.start([], OUTREACH_SUBSCRIPTIONS);
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });

  afterAll(async () => {
    child?.child.kill('SIGKILL');
    await restarted?.app.close();
    await probe.stop();
    await fake?.close();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  it('sends exactly one SMS: the restarted service finds it at the provider by OutId and records it', async () => {
    const script = buildService('outreach');
    const port = await freePort();
    child = await spawnService('outreach', script, {
      ...sms,
      ALIYUN_SMS_ENDPOINT: fake.baseUrl,
      DATABASE_URL: url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      REDIS_URL: testRedisUrl(),
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('smscrash'),
    });
    const patient = `EPC${run}`;
    const taskId = randomUUID();
    await probe.publish(...smsTask(taskId, patient));

    expect(await child.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(fake.sent).toHaveLength(1);
    const ledger: { status: string; reference: string }[] = await db.query(
      `SELECT status, reference FROM outreach.sms_send`,
    );
    expect(ledger).toEqual([{ status: 'pending', reference: fake.sent[0]!.outId }]);
    const beforeRestart: { attempts: number }[] = await db.query(`SELECT attempts FROM outreach.task WHERE id = $1`, [
      taskId,
    ]);
    expect(beforeRestart).toEqual([{ attempts: 0 }]);

    crashOnAccept = false;
    restarted = await startOutreach(url, {
      ...sms,
      ALIYUN_SMS_ENDPOINT: fake.baseUrl,
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('smscrash'),
    });
    await eventually(
      async () => {
        const attempts: { channel: string; disposition: string }[] = await db.query(
          `SELECT channel, disposition FROM outreach.attempt WHERE task_id = $1`,
          [taskId],
        );
        expect(attempts).toEqual([{ channel: 'sms', disposition: 'no-answer' }]);
      },
      { timeoutMs: 60_000 },
    );
    expect(await db.query(`SELECT status, provider_message_id FROM outreach.sms_send`)).toEqual([
      { status: 'sent', provider_message_id: `ref:${fake.sent[0]!.outId}` },
    ]);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sendRequests).toEqual([fake.sent[0]!.outId]);
  });
});
