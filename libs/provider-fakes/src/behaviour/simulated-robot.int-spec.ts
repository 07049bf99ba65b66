import { startJsonServer, type RunningServer } from '../fake-http-server';
import { FakeVoiceRobot } from '../fake-voice-robot.server';
import { checkSignedPayload, signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../protocol/signed-payload';
import { PatientBehaviour } from './patient-behaviour';

const CALLBACK_SECRET = 'demo-callback-secret-0123456789';
const API_SECRET = 'demo-api-secret-0123456789';

describe('the voice-robot fake driven by simulated patients', () => {
  const behaviour = new PatientBehaviour(2026);
  const received: Array<{ callRef: string; outcome: string; answers: Record<string, unknown> }> = [];
  let receiver: RunningServer;
  let robot: FakeVoiceRobot;

  beforeAll(async () => {
    receiver = await startJsonServer((request) => {
      const valid = checkSignedPayload({
        secret: CALLBACK_SECRET,
        timestamp: request.headers[TIMESTAMP_HEADER] as string | undefined,
        signature: request.headers[SIGNATURE_HEADER] as string | undefined,
        body: request.body,
        nowMs: Date.now(),
      });
      if (valid !== 'valid') return { status: 401, json: {} };
      received.push(JSON.parse(request.body) as (typeof received)[number]);
      return { status: 200, json: {} };
    });
    robot = await FakeVoiceRobot.start({
      apiKeys: { outreach: API_SECRET },
      scripts: { 'satisfaction-v2': ['purpose'] },
      callbackUrl: `${receiver.baseUrl}/robot-results`,
      callbackKeyId: 'robot',
      callbackSecret: CALLBACK_SECRET,
      scenarioFor: (call) => behaviour.robotCall(call.callee, call.callRef),
    });
  });

  afterAll(async () => {
    await robot?.close();
    await receiver?.close();
  });

  it('pushes, signed, the outcome and answers the behaviour model gives each callee', async () => {
    const calls = Array.from({ length: 200 }, (_, index) => ({
      callRef: `call-${index}`,
      callee: `+86138${String(index).padStart(8, '0')}`,
      variables: { purpose: '出院随访' },
    }));
    const body = JSON.stringify({ scriptId: 'satisfaction-v2', reference: 'batch-1', calls });
    const response = await fetch(`${robot.baseUrl}/v1/batches`, {
      method: 'POST',
      headers: signedHeaders('outreach', API_SECRET, body, Date.now()),
      body,
    });
    expect(response.status).toBe(201);
    await robot.settled();

    expect(received).toHaveLength(200);
    for (const call of calls) {
      const expected = behaviour.robotCall(call.callee, call.callRef);
      const result = received.find((r) => r.callRef === call.callRef);
      expect(result?.outcome).toBe(expected.outcome);
      expect(result?.answers).toEqual(expected.answers ?? {});
    }
    // A mixed population: reached patients with CSAT, and misses.
    expect(received.some((r) => typeof r.answers['satisfaction'] === 'number')).toBe(true);
    expect(received.some((r) => r.outcome === 'no-answer')).toBe(true);
  });
});
