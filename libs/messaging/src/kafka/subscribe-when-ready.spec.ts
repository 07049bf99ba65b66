import { type Consumer, KafkaJSProtocolError } from 'kafkajs';
import { subscribeWhenReady } from './subscribe-when-ready';

// kafkajs builds protocol errors from its error-code table entries; the typings only admit a string.
function protocolError(type: string): KafkaJSProtocolError {
  const entry = { type, code: 3, retriable: true, message: 'broker said no' };
  return new KafkaJSProtocolError(entry as unknown as Error);
}

function consumerFailing(...failures: Error[]): { consumer: Consumer; calls: () => number } {
  let calls = 0;
  const consumer = {
    subscribe: () => {
      const failure = failures[calls];
      calls += 1;
      return failure ? Promise.reject(failure) : Promise.resolve();
    },
  } as unknown as Consumer;
  return { consumer, calls: () => calls };
}

describe('subscribeWhenReady', () => {
  it('retries while the broker does not know the topic yet, then subscribes', async () => {
    const { consumer, calls } = consumerFailing(
      protocolError('UNKNOWN_TOPIC_OR_PARTITION'),
      protocolError('LEADER_NOT_AVAILABLE'),
    );
    await subscribeWhenReady(consumer, ['revisit.patient.registered.v1'], true, { intervalMs: 1 });
    expect(calls()).toBe(3);
  });

  it('fails at once on an error that waiting does not cure', async () => {
    const { consumer, calls } = consumerFailing(protocolError('TOPIC_AUTHORIZATION_FAILED'));
    await expect(subscribeWhenReady(consumer, ['t'], true, { intervalMs: 1 })).rejects.toThrow('broker said no');
    expect(calls()).toBe(1);
  });

  it('gives up with the broker error once the topic stays unknown past the deadline', async () => {
    const unknown = Array.from({ length: 1000 }, () => protocolError('UNKNOWN_TOPIC_OR_PARTITION'));
    const { consumer } = consumerFailing(...unknown);
    await expect(subscribeWhenReady(consumer, ['t'], true, { timeoutMs: 30, intervalMs: 5 })).rejects.toBeInstanceOf(
      KafkaJSProtocolError,
    );
  });
});
