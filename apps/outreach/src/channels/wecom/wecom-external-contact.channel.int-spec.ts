import { randomBytes } from 'node:crypto';
import { FakeWecom } from '../../../test/fakes/fake-wecom.server';
import { RedisClients } from '../../../test/support/redis-clients';
import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { WecomExternalContactChannel, type WecomMessage } from './wecom-external-contact.channel';

const PATIENT = 'wmqfasd1e1927831291723123109rAAA';
const STRANGER = 'wmqfasd1e1927831291723123109rBBB';

describe('WecomExternalContactChannel against the corp-token-checking fake', () => {
  let fake: FakeWecom;
  let corpId: string;
  const redis = new RedisClients();

  beforeEach(async () => {
    corpId = `ww${randomBytes(8).toString('hex')}`;
    fake = await FakeWecom.start({
      corpId,
      corpSecret: 'fake-corp-secret-0123456789',
      contacts: { 'nurse-li': [PATIENT] },
    });
  });
  afterEach(async () => {
    await fake.close();
    await redis.closeAll();
  });

  async function channel(secret = 'fake-corp-secret-0123456789'): Promise<WecomExternalContactChannel> {
    return new WecomExternalContactChannel({
      corpId,
      corpSecret: secret,
      apiBase: fake.baseUrl,
      timeoutMs: 5000,
      redis: await redis.open(),
    });
  }

  const message: WecomMessage = {
    externalUserId: PATIENT,
    senderUserId: 'nurse-li',
    text: '您好，这里是回访中心，请花一分钟填写术后回访问卷。',
    link: { title: '术后回访问卷', url: 'https://example.org/q/abc', description: '约1分钟' },
  };

  async function failure(promise: Promise<unknown>): Promise<ChannelError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelError);
    return error as ChannelError;
  }

  it('creates the send task as the member, then reports the outcome once the member confirmed it', async () => {
    const wecom = await channel();
    const { providerMessageId } = await wecom.send(message);
    expect(fake.tasks).toEqual([
      expect.objectContaining({
        msgId: providerMessageId,
        sender: 'nurse-li',
        externalUserIds: [PATIENT],
        text: message.text,
        attachments: [
          {
            msgtype: 'link',
            link: { title: '术后回访问卷', url: 'https://example.org/q/abc', desc: '约1分钟' },
          },
        ],
      }),
    ]);
    expect(await wecom.outcome(providerMessageId, 'nurse-li', PATIENT)).toBeUndefined();
    fake.confirm(providerMessageId);
    expect(await wecom.outcome(providerMessageId, 'nurse-li', PATIENT)).toMatchObject({
      channel: 'wecom',
      providerMessageId,
      disposition: 'answered',
      occurredAt: '2026-11-18T19:06:40+08:00',
    });
  });

  it('treats the one-mass-message-a-day limit as busy', async () => {
    const wecom = await channel();
    const { providerMessageId } = await wecom.send(message);
    fake.confirm(providerMessageId, 3);
    expect((await wecom.outcome(providerMessageId, 'nurse-li', PATIENT))?.disposition).toBe('busy');
  });

  it('shares one corp token between replicas and replaces a revoked one', async () => {
    const replicas = await Promise.all(Array.from({ length: 4 }, () => channel()));
    await Promise.all(replicas.map((replica) => replica.send(message)));
    expect(fake.tokensIssued).toBe(1);
    fake.tokens.revokeAll();
    await replicas[0]!.send(message);
    expect(fake.tokensIssued).toBe(2);
    expect(fake.tasks).toHaveLength(5);
  });

  it('refuses a wrong corpsecret and a patient who is not the member’s contact', async () => {
    const auth = await failure((await channel('wrong')).send(message));
    expect([auth.code, auth.providerCode]).toEqual([ChannelErrorCode.AUTH_FAILED, '40001']);
    const stranger = await failure((await channel()).send({ ...message, externalUserId: STRANGER }));
    expect([stranger.code, stranger.disposition]).toEqual([ChannelErrorCode.RECIPIENT_UNREACHABLE, 'unreachable']);
    expect(stranger.message).not.toContain(STRANGER);
    const sender = await failure((await channel()).send({ ...message, senderUserId: 'nobody' }));
    expect([sender.code, sender.providerCode]).toEqual([ChannelErrorCode.REJECTED, '40003']);
  });
});
