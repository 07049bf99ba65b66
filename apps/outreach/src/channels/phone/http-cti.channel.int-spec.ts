import { FakeCti, SCENARIOS } from '../../../test/fakes/fake-cti.server';
import { header, type RunningServer, startJsonServer } from '@revisit/provider-fakes';
import type { ChannelOutcome } from '../channel.port';
import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignedJson } from '../signed-payload';
import { type CtiCallEvent, outcomeOfCtiEvent, parseCtiCallEvent } from './cti-call-event';
import { HttpCtiChannel } from './http-cti.channel';

const WEBHOOK_SECRET = 'cti-webhook-secret-0123456789';

/** A webhook endpoint doing what the outreach controller does: verify, validate, map. */
async function startWebhook(): Promise<RunningServer & { events: CtiCallEvent[]; outcomes: ChannelOutcome[] }> {
  const events: CtiCallEvent[] = [];
  const outcomes: ChannelOutcome[] = [];
  const server = await startJsonServer((request) => {
    const verdict = verifySignedJson(
      WEBHOOK_SECRET,
      { timestamp: header(request, TIMESTAMP_HEADER), signature: header(request, SIGNATURE_HEADER) },
      request.body,
      Date.now(),
    );
    if (!verdict.ok) return { status: 401, json: { code: verdict.reason } };
    const event = parseCtiCallEvent(verdict.payload);
    events.push(event);
    const outcome = outcomeOfCtiEvent(event);
    if (outcome) outcomes.push(outcome);
    return { status: 204, json: undefined };
  });
  return { ...server, events, outcomes };
}

describe('HttpCtiChannel against the signature-checking fake CTI', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  let cti: FakeCti;

  beforeEach(async () => {
    webhook = await startWebhook();
    cti = await FakeCti.start({
      apiKeys: { 'revisit-outreach': 'cti-api-secret-0123456789' },
      extensions: ['8001', '8002'],
      webhookUrl: webhook.baseUrl,
      webhookKeyId: 'cti',
      webhookSecret: WEBHOOK_SECRET,
    });
  });
  afterEach(async () => {
    await cti.close();
    await webhook.close();
  });

  const channel = (secret = 'cti-api-secret-0123456789', now?: () => number) =>
    new HttpCtiChannel({
      baseUrl: cti.baseUrl,
      keyId: 'revisit-outreach',
      apiSecret: secret,
      timeoutMs: 5000,
      ...(now ? { now } : {}),
    });

  const call = (patientPhone: string) =>
    channel().send({ agentExtension: '8001', patientPhone, reference: `attempt-${patientPhone.slice(-4)}` });

  async function failure(promise: Promise<unknown>): Promise<ChannelError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelError);
    return error as ChannelError;
  }

  it('places the call with the TCM ring timeout and maps an answered call with its recording', async () => {
    const { providerMessageId } = await call('+8613812345678');
    await cti.settled();
    expect(cti.calls).toEqual([
      expect.objectContaining({
        callId: providerMessageId,
        agentExtension: '8001',
        callee: '+8613812345678',
        ringTimeoutSeconds: 21,
      }),
    ]);
    expect(webhook.events.map((e) => e.type)).toEqual(['ringing', 'answered', 'ended']);
    expect(webhook.outcomes).toEqual([
      expect.objectContaining({
        channel: 'phone-agent',
        providerMessageId,
        disposition: 'answered',
        talkSeconds: 95,
        ringSeconds: 8,
        recordingRef: `rec/${providerMessageId}.wav`,
        reference: 'attempt-5678',
      }),
    ]);
  });

  it('maps no answer (cut at the ring timeout), busy, unreachable and a line fault', async () => {
    cti.when('+8613900000001', SCENARIOS.noAnswer());
    cti.when('+8613900000002', SCENARIOS.busy());
    cti.when('+8613900000003', SCENARIOS.unreachable());
    cti.when('+8613900000004', SCENARIOS.lineFault());
    for (const n of [1, 2, 3, 4]) await call(`+861390000000${n}`);
    await cti.settled();
    const byReference = [...webhook.outcomes].sort((a, b) => String(a.reference).localeCompare(String(b.reference)));
    expect(byReference.map((o) => [o.reference, o.disposition, o.providerStatus, o.ringSeconds])).toEqual([
      ['attempt-0001', 'no-answer', 'ORIGINATOR_CANCEL', 21],
      ['attempt-0002', 'busy', 'USER_BUSY', 0],
      ['attempt-0003', 'unreachable', 'SUBSCRIBER_ABSENT', 0],
      ['attempt-0004', 'line-fault', 'NETWORK_OUT_OF_ORDER', 0],
    ]);
  });

  it('is refused with a wrong secret or a clock more than 5 minutes off, naming neither number nor secret', async () => {
    const wrong = await failure(
      channel('wrong-secret').send({ agentExtension: '8001', patientPhone: '+8613812345678', reference: 'a' }),
    );
    expect([wrong.code, wrong.providerCode]).toEqual([ChannelErrorCode.AUTH_FAILED, 'BAD_SIGNATURE']);
    expect(wrong.message).not.toMatch(/13812345678|wrong-secret/);
    const skewed = await failure(
      channel(undefined, () => Date.now() - 400_000).send({
        agentExtension: '8001',
        patientPhone: '+8613812345678',
        reference: 'a',
      }),
    );
    expect(skewed.providerCode).toBe('STALE_REQUEST');
    expect(cti.calls).toHaveLength(0);
  });

  it('refuses an unknown extension at the CTI and a malformed number before calling', async () => {
    const extension = await failure(
      channel().send({ agentExtension: '9999', patientPhone: '+8613812345678', reference: 'a' }),
    );
    expect([extension.code, extension.providerCode]).toEqual([ChannelErrorCode.REJECTED, 'UNKNOWN_EXTENSION']);
    const malformed = await failure(call('13812345678'));
    expect([malformed.code, malformed.disposition]).toEqual([ChannelErrorCode.INVALID_RECIPIENT, 'wrong-number']);
    expect(cti.calls).toHaveLength(0);
  });

  it('has its events refused by the webhook when signed with another secret or replayed later', async () => {
    const event = { eventId: 'e-1', callId: 'c-1', type: 'ringing', occurredAt: new Date().toISOString() };
    expect(await cti.pusher.push(webhook.baseUrl, event, { secret: 'forged' })).toBe(401);
    expect(await cti.pusher.push(webhook.baseUrl, event, { atMs: Date.now() - 600_000 })).toBe(401);
    expect(webhook.events).toHaveLength(0);
  });
});
