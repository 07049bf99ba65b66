import { FakeVoiceRobot, header, type RunningServer, startJsonServer } from '@revisit/provider-fakes';
import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignedJson } from '../signed-payload';
import { HttpVoiceRobotChannel } from './http-voice-robot.channel';
import { csatOf, outcomeOfRobotCall, parseRobotCallResult, type RobotCallResult } from './robot-call-result';

const CALLBACK_SECRET = 'robot-callback-secret-0123456789';
const SCRIPT = 'post-dispensing-check-v3';

async function startCallback(): Promise<RunningServer & { results: RobotCallResult[] }> {
  const results: RobotCallResult[] = [];
  const server = await startJsonServer((request) => {
    const verdict = verifySignedJson(
      CALLBACK_SECRET,
      { timestamp: header(request, TIMESTAMP_HEADER), signature: header(request, SIGNATURE_HEADER) },
      request.body,
      Date.now(),
    );
    if (!verdict.ok) return { status: 401, json: { code: verdict.reason } };
    results.push(parseRobotCallResult(verdict.payload));
    return { status: 204, json: undefined };
  });
  return { ...server, results };
}

describe('HttpVoiceRobotChannel against the signature-checking fake provider', () => {
  let callback: Awaited<ReturnType<typeof startCallback>>;
  let robot: FakeVoiceRobot;

  beforeEach(async () => {
    callback = await startCallback();
    robot = await FakeVoiceRobot.start({
      apiKeys: { outreach: 'robot-api-secret-0123456789' },
      scripts: { [SCRIPT]: ['patientTitle', 'drugName'] },
      maxBatchSize: 3,
      callbackUrl: callback.baseUrl,
      callbackKeyId: 'robot',
      callbackSecret: CALLBACK_SECRET,
    });
  });
  afterEach(async () => {
    await robot.close();
    await callback.close();
  });

  const channel = (secret = 'robot-api-secret-0123456789') =>
    new HttpVoiceRobotChannel({ baseUrl: robot.baseUrl, keyId: 'outreach', apiSecret: secret, timeoutMs: 5000 });
  const variables = { patientTitle: '王女士', drugName: '苯磺酸氨氯地平片' };

  async function failure(promise: Promise<unknown>): Promise<ChannelError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelError);
    return error as ChannelError;
  }

  it('submits a batch and maps each call: answers collected, no answer, and intents over "answered"', async () => {
    robot.when('+8613900000002', { outcome: 'no-answer' });
    robot.when('+8613900000003', {
      outcome: 'completed',
      answers: { satisfaction: 2, 'takes-medication-as-prescribed': false },
      intents: ['changed-therapy'],
    });
    const submitted = await channel().submitBatch({
      scriptId: SCRIPT,
      reference: 'run-2026-11-23',
      calls: [1, 2, 3].map((n) => ({ callRef: `attempt-${n}`, patientPhone: `+861390000000${n}`, variables })),
    });
    await robot.settled();
    expect(robot.batches[0]?.calls.map((c) => c.variables)).toEqual([variables, variables, variables]);
    const byRef = new Map(callback.results.map((r) => [r.callRef, r]));
    expect([...submitted.callIds.keys()]).toEqual(['attempt-1', 'attempt-2', 'attempt-3']);
    const first = byRef.get('attempt-1')!;
    expect(outcomeOfRobotCall(first)).toMatchObject({
      channel: 'phone-robot',
      providerMessageId: submitted.callIds.get('attempt-1'),
      disposition: 'answered',
      talkSeconds: 58,
      recordingRef: `robot/${submitted.callIds.get('attempt-1')}.mp3`,
    });
    expect(first.answers).toEqual({ satisfaction: 5, 'takes-medication-as-prescribed': true });
    expect(csatOf(first)).toBe(5);
    expect(outcomeOfRobotCall(byRef.get('attempt-2')!)).toMatchObject({ disposition: 'no-answer', ringSeconds: 21 });
    expect(outcomeOfRobotCall(byRef.get('attempt-3')!).disposition).toBe('changed-therapy');
  });

  it('keeps one batch per reference: a repeat places no new call, and the batch is found by its reference', async () => {
    const batch = {
      scriptId: SCRIPT,
      reference: 'robot-run-42',
      calls: [{ callRef: 'call-1', patientPhone: '+8613900000001', variables }],
    };
    expect(await channel().findBatch('robot-run-42')).toBeUndefined();
    const first = await channel().submitBatch(batch);
    const found = await channel().findBatch('robot-run-42');
    const again = await channel().submitBatch(batch);
    await robot.settled();
    expect(found).toEqual(first);
    expect(again).toEqual(first);
    expect(robot.batches).toHaveLength(1);
    expect(callback.results.map((r) => r.callRef)).toEqual(['call-1']);
  });

  it('refuses a batch query signed with another secret', async () => {
    const auth = await failure(channel('wrong').findBatch('robot-run-42'));
    expect([auth.code, auth.providerCode]).toEqual([ChannelErrorCode.AUTH_FAILED, 'BAD_SIGNATURE']);
  });

  it('places a single call as a batch of one', async () => {
    const { providerMessageId } = await channel().send({
      scriptId: SCRIPT,
      callRef: 'attempt-9',
      patientPhone: '+8613812345678',
      variables,
    });
    await robot.settled();
    expect(callback.results.map((r) => r.callId)).toEqual([providerMessageId]);
  });

  it('maps refusals: signature, unknown script, missing variable, batch size', async () => {
    const call = { callRef: 'a', patientPhone: '+8613812345678', variables };
    const auth = await failure(channel('wrong').submitBatch({ scriptId: SCRIPT, reference: 'r', calls: [call] }));
    expect([auth.code, auth.providerCode]).toEqual([ChannelErrorCode.AUTH_FAILED, 'BAD_SIGNATURE']);
    const script = await failure(channel().submitBatch({ scriptId: 'nope', reference: 'r', calls: [call] }));
    expect([script.code, script.providerCode]).toEqual([ChannelErrorCode.TEMPLATE_REJECTED, 'UNKNOWN_SCRIPT']);
    const missing = await failure(
      channel().submitBatch({ scriptId: SCRIPT, reference: 'r', calls: [{ ...call, variables: {} }] }),
    );
    expect(missing.providerCode).toBe('MISSING_VARIABLE');
    const big = await failure(
      channel().submitBatch({ scriptId: SCRIPT, reference: 'r', calls: [call, call, call, call] }),
    );
    expect(big.providerCode).toBe('BATCH_TOO_LARGE');
    expect(robot.batches).toHaveLength(0);
  });

  it('refuses a callback signed with another secret', async () => {
    expect(await robot.pusher.push(callback.baseUrl, { callId: 'x' }, { secret: 'forged' })).toBe(401);
    expect(callback.results).toHaveLength(0);
  });
});
