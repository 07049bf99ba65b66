import { randomBytes } from 'node:crypto';
import { FakeWechatOa } from '../../../test/fakes/fake-wechat-oa.server';
import { RedisClients } from '../../../test/support/redis-clients';
import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { WechatOaChannel, type WechatOaMessage } from './wechat-oa.channel';
import type { WechatTokenGrant } from './wechat-oa-token';

const PATIENT = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const STRANGER = 'oUpF8uN95Vd0_qP3ZHnRRaAt8xsY';
const TEMPLATE = 'ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY';
const NOTICE = 'bDmywsp2oEHjwAadTGKkUJ-eJEiMiOf7H-dZ7wjdw80';

describe('WechatOaChannel against the token- and template-checking fake', () => {
  let now = Date.now();
  let fake: FakeWechatOa;
  let appId: string;
  const redis = new RedisClients();

  beforeEach(async () => {
    now = Date.now();
    // A fresh AppID per test keeps its token out of every other test's Redis keys.
    appId = `wx${randomBytes(8).toString('hex')}`;
    fake = await FakeWechatOa.start({
      appId,
      appSecret: 'fake-app-secret-0123456789abcdef',
      templates: { [TEMPLATE]: ['first', 'keyword1', 'keyword2', 'remark'] },
      subscribeTemplates: { [NOTICE]: ['thing1', 'time2'] },
      followers: [PATIENT],
      subscriptions: { [NOTICE]: [PATIENT] },
      now: () => now,
    });
  });
  afterEach(async () => {
    await fake.close();
    await redis.closeAll();
  });

  async function channel(options: { secret?: string; grant?: WechatTokenGrant } = {}): Promise<WechatOaChannel> {
    return new WechatOaChannel({
      appId,
      appSecret: options.secret ?? 'fake-app-secret-0123456789abcdef',
      apiBase: fake.baseUrl,
      tokenGrant: options.grant ?? 'token',
      timeoutMs: 5000,
      redis: await redis.open(),
    });
  }

  const reminder: WechatOaMessage = {
    kind: 'template',
    openId: PATIENT,
    templateId: TEMPLATE,
    data: {
      first: '您好，请按时复诊',
      keyword1: '口腔外科',
      keyword2: '2026年11月30日 10:30',
      remark: '如有不适请致电',
    },
    url: 'https://example.org/followup',
    reference: 'task-0001',
  };

  async function failure(promise: Promise<unknown>): Promise<ChannelError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelError);
    return error as ChannelError;
  }

  it('sends a template message and returns the 64-bit msgid digit for digit', async () => {
    const { providerMessageId } = await (await channel()).send(reminder);
    expect(fake.sent).toEqual([
      {
        api: 'template',
        msgId: providerMessageId,
        openId: PATIENT,
        templateId: TEMPLATE,
        data: reminder.data,
        clientMsgId: 'task-0001',
      },
    ]);
    expect(BigInt(providerMessageId)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('lets one replica fetch the token while the others wait and reuse it', async () => {
    const replicas = await Promise.all(Array.from({ length: 6 }, () => channel()));
    const results = await Promise.all(
      replicas.map((replica, i) => replica.send({ ...reminder, reference: `task-${i}` })),
    );
    expect(new Set(results.map((r) => r.providerMessageId)).size).toBe(6);
    expect(fake.tokensIssued).toBe(1);
    await (await channel()).send({ ...reminder, reference: 'later' });
    expect(fake.tokensIssued).toBe(1);
  });

  it('refreshes once and retries when the token was revoked (40001) or has expired (42001)', async () => {
    const wechat = await channel();
    await wechat.send({ ...reminder, reference: 'a' });
    fake.tokens.revokeAll();
    await wechat.send({ ...reminder, reference: 'b' });
    expect(fake.tokensIssued).toBe(2);
    now += 7300 * 1000;
    await wechat.send({ ...reminder, reference: 'c' });
    expect(fake.tokensIssued).toBe(3);
    expect(fake.sent.map((m) => m.clientMsgId)).toEqual(['a', 'b', 'c']);
  });

  it('uses stable_token when configured and still recovers from a revoked token', async () => {
    const wechat = await channel({ grant: 'stable_token' });
    await wechat.send({ ...reminder, reference: 'a' });
    fake.tokens.revokeAll();
    await wechat.send({ ...reminder, reference: 'b' });
    expect(fake.tokensIssued).toBe(2);
  });

  it('fails with AUTH_FAILED on a wrong secret, without naming the secret', async () => {
    const error = await failure((await channel({ secret: 'wrong-secret' })).send(reminder));
    expect([error.code, error.providerCode]).toEqual([ChannelErrorCode.AUTH_FAILED, '40125']);
    expect(error.message).not.toContain('wrong-secret');
    expect(fake.sent).toHaveLength(0);
  });

  it('maps template and recipient refusals to codes and dispositions', async () => {
    const wechat = await channel();
    const missingKeyword = await failure(wechat.send({ ...reminder, data: { first: 'x' } }));
    expect([missingKeyword.code, missingKeyword.providerCode]).toEqual([ChannelErrorCode.TEMPLATE_REJECTED, '47003']);
    const unknownTemplate = await failure(wechat.send({ ...reminder, templateId: 'nope' }));
    expect(unknownTemplate.providerCode).toBe('40037');
    const unfollowed = await failure(wechat.send({ ...reminder, openId: STRANGER }));
    expect([unfollowed.code, unfollowed.disposition]).toEqual([ChannelErrorCode.RECIPIENT_UNREACHABLE, 'unreachable']);
    expect(unfollowed.message).not.toContain(STRANGER);
    const malformed = await failure(wechat.send({ ...reminder, openId: 'not-an-openid' }));
    expect([malformed.code, malformed.disposition]).toEqual([ChannelErrorCode.INVALID_RECIPIENT, 'wrong-number']);
  });

  it('sends subscribe notices only to patients who accepted the template', async () => {
    const wechat = await channel();
    const notice: WechatOaMessage = {
      kind: 'subscribe',
      openId: PATIENT,
      templateId: NOTICE,
      data: { thing1: '术后回访问卷', time2: '2026-11-30 10:30' },
      page: 'https://example.org/q',
    };
    const { providerMessageId } = await wechat.send(notice);
    expect(fake.sent[0]).toMatchObject({ api: 'subscribe', msgId: providerMessageId, templateId: NOTICE });
    await fake.close();
    fake = await FakeWechatOa.start({
      appId,
      appSecret: 'fake-app-secret-0123456789abcdef',
      templates: {},
      subscribeTemplates: { [NOTICE]: ['thing1', 'time2'] },
      followers: [PATIENT],
      now: () => now,
    });
    // The cached token belongs to the old fake; the new one rejects it (40001) and the channel re-fetches.
    const refused = await failure((await channel()).send(notice));
    expect([refused.providerCode, refused.disposition]).toEqual(['43101', 'unreachable']);
  });

  it('reports PROVIDER_UNAVAILABLE when nothing listens', async () => {
    const wechat = await channel();
    await fake.close();
    expect((await failure(wechat.send(reminder))).code).toBe(ChannelErrorCode.PROVIDER_UNAVAILABLE);
    fake = await FakeWechatOa.start({ appId, appSecret: 'x', templates: {}, followers: [] });
  });
});
