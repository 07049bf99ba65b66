import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope } from '@revisit/domain';
import { bootstrapService, type RunningService } from '@revisit/platform';
import { eventually, kafkaBrokers, testDatabaseUrl, testRedisUrl } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { QuestionnaireLinkSigner } from '../src/channels/questionnaire/questionnaire-link';
import { QuestionnaireLinkIssuer } from '../src/channels/questionnaire/questionnaire-link.issuer';
import { signedHeaders } from '../src/channels/signed-payload';
import { wechatSignature } from '../src/channels/wechat/wechat-signature';
import { HttpVoiceRobotChannel } from '../src/channels/robot/http-voice-robot.channel';
import { outreachConfigSchema } from '../src/config/outreach.config';
import { FakeVoiceRobot } from '@revisit/provider-fakes';

jest.setTimeout(120_000);

const LINK_SECRET = 'questionnaire-link-secret-0123456789-abcdef';
const CTI_WEBHOOK_SECRET = 'cti-webhook-secret-0123456789';
const ROBOT_SECRET = 'robot-callback-secret-0123456789';
const WECHAT_TOKEN = 'revisitPushToken2026';
const TOPIC = 'revisit.outreach.survey-response-recorded.v1';

describe('outreach channels served by the app (real PostgreSQL and Kafka)', () => {
  let service: RunningService;
  let db: DataSource;
  const patient = `EP-CH-${Date.now()}`;

  beforeAll(async () => {
    service = await bootstrapService({
      name: 'outreach',
      config: outreachConfigSchema,
      module: (config, context) => AppModule.forConfig(config, context),
      env: {
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATABASE_URL: testDatabaseUrl(),
        KAFKA_BROKERS: kafkaBrokers().join(','),
        REDIS_URL: testRedisUrl(),
        QUESTIONNAIRE_LINK_SECRET: LINK_SECRET,
        QUESTIONNAIRE_PUBLIC_BASE_URL: 'https://fu.example-hospital.cn/',
        CTI_BASE_URL: 'http://127.0.0.1:9/',
        CTI_KEY_ID: 'outreach',
        CTI_API_SECRET: 'cti-api-secret-0123456789',
        CTI_WEBHOOK_SECRET,
        VOICE_ROBOT_BASE_URL: 'http://127.0.0.1:9/',
        VOICE_ROBOT_KEY_ID: 'outreach',
        VOICE_ROBOT_API_SECRET: 'robot-api-secret-0123456789',
        VOICE_ROBOT_CALLBACK_SECRET: ROBOT_SECRET,
        WECHAT_OA_APP_ID: 'wx0123456789abcdef',
        WECHAT_OA_APP_SECRET: 'fake-app-secret-0123456789abcdef',
        WECHAT_OA_CALLBACK_TOKEN: WECHAT_TOKEN,
      },
    });
    db = service.app.get(DataSource);
  });

  afterAll(async () => {
    await service?.app.close();
  });

  const link = () => {
    const { url } = service.app.get(QuestionnaireLinkIssuer).issue({
      taskId: randomUUID(),
      orgId: 'org-test-hospital',
      patientEnterpriseId: patient,
      questionnaire: { id: 'post-visit-satisfaction', version: 1 },
    });
    const token = new URL(url).pathname.slice('/q/'.length);
    return { token, page: `${service.url}/q/${token}` };
  };
  const postForm = (page: string, fields: Record<string, string>, lang = 'zh-CN') =>
    fetch(`${page}?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const postApi = (body: unknown) =>
    fetch(`${service.url}/v1/questionnaire/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('serves the survey page in Chinese or English, self-contained, with the token kept from referrers', async () => {
    const { page } = link();
    const zh = await fetch(page, { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(zh.headers.get('referrer-policy')).toBe('no-referrer');
    expect(zh.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await zh.text();
    expect(html).toContain('就诊满意度回访');
    expect(html).toContain('name="csat" value="5"');
    expect(html).toContain('name="nps" value="10"');
    expect(html).not.toMatch(/<script|src=|href="http/);
    const en = await (await fetch(`${page}?lang=en`, { headers: { 'accept-language': 'zh-CN' } })).text();
    expect(en).toContain('How was your visit?');
  });

  it('turns a submission into exactly one survey-response event, and refuses the link afterwards', async () => {
    const first = link();
    const taskId = JSON.parse(Buffer.from(first.token.split('.')[0]!, 'base64url').toString()).t as string;
    const thanks = await postForm(first.page, { csat: '4', nps: '9', freeText: '护士很耐心，停车不方便。' });
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('感谢您的反馈');
    const again = await postForm(first.page, { csat: '1' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('问卷已提交');
    const viaApi = await postApi({ token: first.token, csat: 5 });
    expect(viaApi.status).toBe(409);
    expect(viaApi.headers.get('content-type')).toContain('application/problem+json');
    expect(((await viaApi.json()) as { code: string }).code).toBe('questionnaire.link-used');
    expect((await fetch(first.page)).status).toBe(409);

    // Published through the outbox: the relay marks the row once Kafka acknowledged it.
    const published = () =>
      db.query(
        `SELECT payload FROM outreach.outbox
          WHERE topic = $1 AND payload->'data'->>'taskId' = $2 AND published_at IS NOT NULL`,
        [TOPIC, taskId],
      ) as Promise<Array<{ payload: AnyEventEnvelope }>>;
    await eventually(async () => expect(await published()).toHaveLength(1), { timeoutMs: 90_000 });
    const events = (await published()).map((row) => row.payload);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subject: patient,
      orgid: 'org-test-hospital',
      data: {
        taskId,
        patientEnterpriseId: patient,
        surveyId: 'post-visit-satisfaction',
        surveyVersion: 1,
        channel: 'questionnaire',
        csat: 4,
        nps: 9,
        freeText: '护士很耐心，停车不方便。',
        answers: {},
      },
    });
  });

  it('refuses tampered and expired links with a clear page and problem+json', async () => {
    const { token, page } = link();
    const [body, mac] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, p: 'EP-SOMEONE-ELSE' })).toString('base64url')}.${mac}`;
    const tampered = await fetch(`${service.url}/q/${forged}?lang=en`);
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('Link not valid');
    const api = await postApi({ token: forged, csat: 5 });
    expect([api.status, ((await api.json()) as { code: string }).code]).toEqual([403, 'questionnaire.link-invalid']);

    const expired = new QuestionnaireLinkSigner(LINK_SECRET).sign({
      taskId: randomUUID(),
      orgId: 'org-test-hospital',
      patientEnterpriseId: patient,
      questionnaireId: 'post-visit-satisfaction',
      questionnaireVersion: 1,
      expiresAt: Math.floor(Date.now() / 1000) - 60,
    });
    const gone = await fetch(`${service.url}/q/${expired}`, { headers: { 'accept-language': 'zh-CN' } });
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('链接已过期');

    const invalid = await postForm(page, { csat: '7' }, 'en');
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('must be an integer from 1 to 5');
    const invalidApi = await postApi({ token, csat: 0, extra: 'x' });
    expect(invalidApi.status).toBe(400);
    expect(((await invalidApi.json()) as { errors: unknown[] }).errors).toEqual([
      { field: '/extra', message: 'is not allowed' },
      { field: '/csat', message: 'must be an integer from 1 to 5' },
    ]);
  });

  const outcomes = (providerMessageId: string) =>
    db.query(
      `SELECT channel, disposition, provider_status, talk_seconds, recording_ref, reference, answers
         FROM outreach.channel_outcome WHERE provider_message_id = $1`,
      [providerMessageId],
    );
  const postSigned = (path: string, payload: unknown, secret: string, atMs = Date.now()) => {
    const body = JSON.stringify(payload);
    return fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: signedHeaders('provider', secret, body, atMs),
      body,
    });
  };

  it('stores a signed CTI call outcome once, and refuses forged or replayed events', async () => {
    const callId = `call-${randomUUID()}`;
    const ended = {
      eventId: randomUUID(),
      callId,
      type: 'ended',
      occurredAt: new Date().toISOString(),
      reference: 'attempt-77',
      answered: false,
      rings: 6,
      ringSeconds: 21,
      talkSeconds: 0,
      hangupCause: 'ORIGINATOR_CANCEL',
    };
    expect((await postSigned('/v1/channels/phone/cti-events', ended, CTI_WEBHOOK_SECRET)).status).toBe(204);
    expect((await postSigned('/v1/channels/phone/cti-events', ended, CTI_WEBHOOK_SECRET)).status).toBe(204);
    expect(await outcomes(callId)).toEqual([
      {
        channel: 'phone-agent',
        disposition: 'no-answer',
        provider_status: 'ORIGINATOR_CANCEL',
        talk_seconds: 0,
        recording_ref: null,
        reference: 'attempt-77',
        answers: null,
      },
    ]);
    const forged = await postSigned('/v1/channels/phone/cti-events', { ...ended, callId: 'x' }, 'forged-secret');
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { code: string }).code).toBe('channel-callback.bad-signature');
    const old = await postSigned(
      '/v1/channels/phone/cti-events',
      { ...ended, callId: 'y' },
      CTI_WEBHOOK_SECRET,
      Date.now() - 600_000,
    );
    expect(((await old.json()) as { code: string }).code).toBe('channel-callback.stale');
    expect(await outcomes('x')).toEqual([]);
  });

  it('stores a robot call result with its answers', async () => {
    const callId = `rc-${randomUUID()}`;
    const result = {
      eventId: randomUUID(),
      batchId: 'batch-1',
      callId,
      callRef: 'attempt-88',
      outcome: 'completed',
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
      ringSeconds: 6,
      talkSeconds: 58,
      answers: { satisfaction: 4, 'takes-medication-as-prescribed': true },
      recordingRef: 'robot/rc.mp3',
    };
    expect((await postSigned('/v1/channels/phone/robot-results', result, ROBOT_SECRET)).status).toBe(204);
    expect(await outcomes(callId)).toEqual([
      expect.objectContaining({
        channel: 'phone-robot',
        disposition: 'answered',
        talk_seconds: 58,
        answers: { answers: { satisfaction: 4, 'takes-medication-as-prescribed': true }, intents: [] },
      }),
    ]);
  });

  it('turns robot-collected answers into one survey-response event per call, whatever the re-deliveries', async () => {
    const script = 'post-dispensing-check-v3';
    const robot = await FakeVoiceRobot.start({
      apiKeys: { outreach: 'robot-api-secret-0123456789' },
      scripts: { [script]: ['patientTitle'] },
      callbackUrl: `${service.url}/v1/channels/phone/robot-results`,
      callbackKeyId: 'robot',
      callbackSecret: ROBOT_SECRET,
    });
    try {
      const [answeredTask, missedTask] = [randomUUID(), randomUUID()];
      for (const taskId of [answeredTask, missedTask]) {
        await db.query(
          `INSERT INTO outreach.task (id, org_id, patient_id, status, purpose, script_ref, due_at, channel_ladder,
             current_channel, priority, priority_rank, next_attempt_at)
           VALUES ($1, 'org-test-pharmacy', $2, 'open', 'medication-adherence', $3, now(), ARRAY['phone-robot'],
             'phone-robot', 'normal', 1, now() + interval '1 hour')`,
          [taskId, patient, script],
        );
      }
      robot.when('+8613900000011', {
        outcome: 'completed',
        answers: { satisfaction: 4, nps: 8, 'takes-medication-as-prescribed': true },
        freeText: '药有点苦，但在坚持吃',
      });
      robot.when('+8613900000012', { outcome: 'no-answer' });
      const channel = new HttpVoiceRobotChannel({
        baseUrl: robot.baseUrl,
        keyId: 'outreach',
        apiSecret: 'robot-api-secret-0123456789',
        timeoutMs: 5000,
      });
      await channel.submitBatch({
        scriptId: script,
        reference: 'run-robot-survey',
        calls: [
          { callRef: answeredTask, patientPhone: '+8613900000011', variables: { patientTitle: '王女士' } },
          { callRef: missedTask, patientPhone: '+8613900000012', variables: { patientTitle: '李先生' } },
        ],
      });
      await robot.settled();
      expect(await robot.redeliver()).toEqual([204, 204]);

      const published = (taskId: string) =>
        db.query(
          `SELECT payload FROM outreach.outbox
            WHERE topic = $1 AND payload->'data'->>'taskId' = $2 AND published_at IS NOT NULL`,
          [TOPIC, taskId],
        ) as Promise<Array<{ payload: AnyEventEnvelope }>>;
      await eventually(async () => expect(await published(answeredTask)).toHaveLength(1), { timeoutMs: 90_000 });
      expect((await published(answeredTask))[0]?.payload).toMatchObject({
        subject: patient,
        orgid: 'org-test-pharmacy',
        data: {
          taskId: answeredTask,
          surveyId: 'post-dispensing-check',
          surveyVersion: 3,
          channel: 'phone-robot',
          csat: 4,
          nps: 8,
          answers: { satisfaction: 4, nps: 8, 'takes-medication-as-prescribed': true },
          freeText: '药有点苦，但在坚持吃',
        },
      });
      expect(await published(missedTask)).toEqual([]);
      const pending: unknown[] = await db.query(
        `SELECT 1 FROM outreach.outbox WHERE topic = $1 AND payload->'data'->>'taskId' = ANY($2::text[])`,
        [TOPIC, [answeredTask, missedTask]],
      );
      expect(pending).toHaveLength(1);
    } finally {
      await robot.close();
    }
  });

  it('verifies WeChat pushes and the server URL check by the WeChat signature', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = wechatSignature(WECHAT_TOKEN, timestamp, '1234567');
    const query = `signature=${signature}&timestamp=${timestamp}&nonce=1234567`;
    const echo = await fetch(`${service.url}/v1/channels/wechat-oa/events?${query}&echostr=abc123`);
    expect([echo.status, await echo.text()]).toEqual([200, 'abc123']);
    const msgId = `${Date.now()}00001`;
    const xml =
      '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></FromUserName>' +
      `<CreateTime>${timestamp}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
      `<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>${msgId}</MsgID><Status><![CDATA[failed:user block]]></Status></xml>`;
    const push = await fetch(`${service.url}/v1/channels/wechat-oa/events?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: xml,
    });
    expect([push.status, await push.text()]).toEqual([200, 'success']);
    expect(await outcomes(msgId)).toEqual([
      expect.objectContaining({ channel: 'wechat-oa', disposition: 'do-not-contact' }),
    ]);
    const forged = await fetch(
      `${service.url}/v1/channels/wechat-oa/events?${query.replace(signature, '0'.repeat(40))}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: xml,
      },
    );
    expect(forged.status).toBe(401);
  });
});
